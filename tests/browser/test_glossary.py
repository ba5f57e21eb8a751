"""The glossary in a real browser: axe finds nothing on it (both languages, a
desktop and a phone), and a term linked from a section opens at its explanation."""

import pytest

from tests.browser.conftest import AXE_JS, missing_requirement
from tests.browser.test_accessibility import AXE_TAGS, RUN_AXE, format_violations, visit

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

pytestmark = pytest.mark.django_db

PHONE = {"width": 390, "height": 844}


def axe_clean(page):
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
    assert not violations, format_violations(page.url, violations)


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="da-DK", viewport=PHONE, device_scale_factor=3)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["/ordliste/", "/en/ordliste/"])
def test_the_glossary_has_no_wcag_21_aa_violations(site_url, page, phone, path):
    for reader in (page, phone):
        visit(reader, site_url + path)
        axe_clean(reader)
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_a_linked_term_opens_at_its_explanation(site_url, page):
    visit(page, site_url + "/vejledninger/dobbeltdiagnose/maalgruppe/")
    axe_clean(page)  # the section with its glossary links
    link = page.locator("a.glossary-term").first
    term = link.inner_text()
    link.click()
    page.wait_for_load_state()
    anchor = page.url.split("#")[1]
    assert page.url.startswith(site_url + "/ordliste/#")
    entry = page.locator(".glossary__entry", has=page.locator(f"dt[id='{anchor}']"))
    assert entry.is_visible()
    # The word linked is the term or one of the forms shown with it.
    assert term.lower() in entry.inner_text().lower()
