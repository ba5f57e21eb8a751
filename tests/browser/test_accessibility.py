"""Accessibility in a real browser: axe-core (WCAG 2.1 A and AA) on every kind of page,
the skip link from the keyboard, "Kopiér link" and the print stylesheet.

Runs in Debian's Chromium (`make browser-deps`) with axe-core from npm (`npm ci`);
without them the module skips and says why.
"""

import re

import pytest

from tests.browser.conftest import AXE_JS, BASE_DIR, DKFDS_CSS, missing_requirement

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

# Each test in a transaction of its own (rolled back) on top of the demo that site_url
# has committed for the whole package.
pytestmark = pytest.mark.django_db

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DOCUMENT = "/vejledninger/dobbeltdiagnose/"
NO_CSS_REASON = (
    f"colour-contrast not checked: the dkfds stylesheet ({DKFDS_CSS.relative_to(BASE_DIR)}) "
    "is missing, so the pages use browser default colours; run `make assets`. "
    "Every other axe rule was checked and passed."
)

RUN_AXE = """async ({tags, contrast}) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        rules: contrast ? {} : {"color-contrast": {enabled: false}},
        resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
            target: n.target.map(String),
            html: n.html,
            summary: n.failureSummary,
        })),
    }));
}"""


def format_violations(url, violations):
    """One block per rule: id, impact, what it wants, and every offending element."""
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    target: {' > '.join(node['target'])}")
            lines.append(f"      html: {node['html'][:400]}")
            summary = " ".join((node["summary"] or "").split())
            if summary:
                lines.append(f"      why:  {summary[:400]}")
    return "\n".join(lines)


def visit(page, url, status=200):
    response = page.goto(url)
    assert response is not None, f"{url}: no response"
    assert response.status == status, f"{url} answered {response.status}, not {status}"
    return response


def links(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map((a) => a.href)")


def find_section(page, document_url, selector, exclude=()):
    """The first section in the document's table of contents that contains `selector`."""
    visit(page, document_url)
    for url in links(page, "nav.toc .toc__sections > li > a"):
        if url in exclude:
            continue
        visit(page, url)
        if page.locator(selector).count():
            return url
    raise AssertionError(f"no section of {document_url} has {selector}")


def pages_to_check(page, base):
    """The URLs the axe test visits, with the status each should answer with.

    Sections and the action-plan sketch are found the way a reader finds them: from the
    document's table of contents and from the list of documents.
    """
    matrix_section = find_section(page, base + DOCUMENT, ".responsibility-matrix table")
    recommendation_section = find_section(
        page, base + DOCUMENT, ".recommendation", exclude={matrix_section}
    )
    visit(page, base + "/vejledninger/")
    template = page.locator(".document-list .card").filter(
        has=page.locator(".card-subheading", has_text=re.compile(r"^\s*Skabelon"))
    )
    assert template.count() == 1, "one template document (the action-plan sketch) expected"
    sketch = find_section(page, template.locator("a").first.evaluate("a => a.href"), ".plan-part")
    return [
        (base + "/", 200),
        (base + "/vejledninger/", 200),
        (base + DOCUMENT, 200),
        (matrix_section, 200),
        (recommendation_section, 200),
        (base + DOCUMENT + "anbefaling/6-1/", 200),
        (base + DOCUMENT + "anbefalinger/", 200),
        (base + "/regioner/", 200),
        (base + "/regioner/midtjylland/", 200),
        (base + "/casebog/", 200),
        (base + "/casebog/?tema=bolig&region=atlantis", 200),
        (base + "/casebog/daekning/", 200),
        (base + "/casebog/moeder/", 200),
        (base + "/casebog/moeder/informationsmoede-midtjylland-2014/", 200),
        (base + "/regioner/nordjylland/tovholder-dobbeltdiagnose-aalborg/", 200),
        (base + "/casebog/moeder/temadag-integreret-behandling-2027/", 200),
        (base + "/casebog/puljer/", 200),
        (base + "/casebog/puljer/pulje-lokale-forloebsprogrammer-2015/", 200),
        (base + "/metoder/", 200),
        (base + "/metoder/ips/", 200),
        (base + "/regioner/midtjylland/alliance-om-den-naere-psykiatri/", 200),
        (base + "/hvem-goer-hvad/", 200),
        (base + "/hvem-goer-hvad/?kommune=atlantis", 400),
        (base + "/hvem-goer-hvad/randers/", 200),
        (base + "/regioner/midtjylland/hvem-goer-hvad/", 200),
        (base + DOCUMENT + "udgaver/", 200),
        (base + DOCUMENT + "udgaver/1-udgave-2014/", 200),
        (base + DOCUMENT + "sammenlign/1-udgave-2014/2-udgave-2024/", 200),
        (base + DOCUMENT + "anbefaling/7-3/", 410),
        (base + DOCUMENT + "anbefaling/3-1/", 200),  # a badge and a history with a diff
        (base + DOCUMENT + "sammenlign/1-udgave-2014/2-udgave-2024/?vis=aendrede", 200),
        (base + DOCUMENT + "udskriv/", 200),
        (base + DOCUMENT + "udskriv/?afsnit=den-forkerte-doer&format=html", 200),
        (base + DOCUMENT + "udskriv/?format=html", 400),
        (base + "/aendringer/", 200),
        (base + "/en/aendringer/", 200),
        (base + "/soeg/?q=tovholder", 200),
        (base + "/soeg/?q=misbrug&type=case&region=atlantis&side=2", 200),
        (base + "/soeg/?q=xyzzy", 200),
        (base + "/vejledninger/findes-ikke/", 404),
        (sketch, 200),
        # The English site: translated pages, untranslated ones (aliases showing the
        # Danish text with a notice) and the home page's "not translated" notice.
        (base + "/en/", 200),
        (base + "/en/?untranslated=1", 200),
        (base + "/en" + DOCUMENT, 200),
        (base + "/en" + DOCUMENT + "udgaver/1-udgave-2014/", 200),
        (base + "/en/regioner/midtjylland/", 200),
        (base + "/en/casebog/", 200),
        (base + "/en/regioner/midtjylland/alliance-om-den-naere-psykiatri/", 200),
        (base + "/en/metoder/aaben-dialog/", 200),
        (base + "/en/soeg/?q=misbrug", 200),
        (base + "/api/", 200),
        (base + "/en/api/", 200),
        (base + untranslated_english_page(), 200),
    ]


def untranslated_english_page():
    """An English page that is an alias: the Danish text, marked lang="da", with a notice."""
    from wagtail.models import Page

    alias = (
        Page.objects.filter(locale__language_code="en", alias_of__isnull=False, depth__gt=3)
        .order_by("path")
        .first()
    )
    assert alias is not None, "the demo's English tree should have untranslated pages"
    return alias.url


def test_pages_have_no_wcag_21_aa_violations(site_url, page, subtests):
    """axe-core on each page; each page is a subtest, so one run reports every failure."""
    contrast = DKFDS_CSS.is_file()
    axe_source = AXE_JS.read_text(encoding="utf-8")
    missing_static = []
    page.on(
        "response",
        lambda r: "/static/" in r.url and r.status >= 400 and missing_static.append(r.url),
    )
    pages = pages_to_check(page, site_url)
    clean = 0
    for url, status in pages:
        with subtests.test(msg=url.removeprefix(site_url)):
            missing_static.clear()
            visit(page, url, status)
            if contrast:
                assert missing_static == [], f"{url}: static files not served"
                rules = page.evaluate(
                    """() => [...document.styleSheets]
                        .filter((s) => s.href && s.href.includes("/dkfds.min.css"))
                        .map((s) => s.cssRules.length)"""
                )
                assert rules and rules[0] > 0, f"{url}: the dkfds stylesheet did not load"
            # page.evaluate goes through DevTools, which the site's CSP does not govern;
            # a script tag (page.add_script_tag) would be blocked by script-src 'self'.
            page.evaluate(axe_source)
            violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": contrast})
            assert not violations, format_violations(url, violations)
            clean += 1
    if not contrast and clean == len(pages):
        pytest.skip(NO_CSS_REASON)


@pytest.fixture
def recommendation_section(site_url, page):
    """A section of the document with at least one recommendation, found from its ToC."""
    return find_section(page, site_url + DOCUMENT, ".recommendation a.copy-link")


def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(recommendation_section, page):
    visit(page, recommendation_section)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("el => el.matches('a.skipnav')"), focused.evaluate("el => el.outerHTML")
    assert focused.inner_text().strip() == "Gå til sidens indhold"
    # dkfds slides the link in (a 0.2 s transition on `top`); measure where it comes to rest.
    focused.evaluate("el => Promise.all(el.getAnimations().map((a) => a.finished)).then(() => 1)")
    box = focused.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"], (box, viewport)
    assert box["y"] + box["height"] <= viewport["height"], (box, viewport)

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('main#main-content')")
    assert page.url.endswith("#main-content")


def test_copy_link_copies_the_recommendations_stable_url(
    site_url, recommendation_section, context, page
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    visit(page, recommendation_section)
    link = page.locator("a.copy-link").first
    code = link.locator("xpath=ancestor::section[1]").locator(".code").first.inner_text()
    expected = f"{site_url}{DOCUMENT}anbefaling/{code.strip().replace('.', '-')}/"

    link.click()
    page.wait_for_function("() => document.getElementById('live-region').textContent.trim()")
    assert page.locator("#live-region").text_content().strip() == "Linket er kopieret."
    assert page.url == recommendation_section, "the click must not navigate"
    assert page.evaluate("() => navigator.clipboard.readText()") == expected

    # The copied address is a working page for that recommendation.
    visit(page, expected)
    assert code.strip() in page.locator("h1").inner_text()


def test_print_stylesheet_hides_navigation_and_sidebar(recommendation_section, page):
    visit(page, recommendation_section)
    for selector in (".site-nav", ".sidebar", "h1"):
        assert page.locator(selector).first.is_visible(), f"{selector} visible on screen"

    forms = page.locator("main form:visible").count()
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").first.is_visible()
    assert not page.locator(".sidebar").first.is_visible()
    assert not page.locator(".language-switcher").first.is_visible()
    assert page.locator("h1").first.is_visible()
    # No form on paper (the region choice, the in-document search): nothing to fill in.
    assert forms > 0 and page.locator("form:visible").count() == 0


def test_printing_opens_every_disclosure_and_closes_them_after(recommendation_section, page):
    """A rationale behind "Begrundelse" is on paper too (Chromium cannot open a
    closed <details> from a print stylesheet)."""
    visit(page, recommendation_section)
    closed = "() => document.querySelectorAll('main details:not([open])').length"
    before = page.evaluate(closed)
    assert before > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) == before
