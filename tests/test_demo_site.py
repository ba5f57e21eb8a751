"""The demo site as a reader meets it: every page reachable from the home page works."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

from casebook.models import CasePage, MeetingPage
from directory.models import OfferPage
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage

# Served by other apps or by the web server, not pages of ours; and the English
# site, which tests/i18n checks (the crawl stays on the Danish one).
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/", "/en/")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids, self.h1_count, self.lang = [], set(), 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if "id" in attrs:
            self.ids.add(attrs["id"])


def crawl(client, start="/"):
    """Follow every internal link from `start`; return {path: (response, parser)}."""
    seen, queue, fragments = {}, [start], []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        response = client.get(path)
        parser = PageParser()
        if response.get("Content-Type", "").startswith("text/html"):
            parser.feed(response.content.decode())
        seen[path] = (response, parser)
        for href in parser.links:
            url, fragment = urldefrag(urljoin("http://testserver" + path, href))
            parsed = urlparse(url)
            if parsed.netloc not in ("testserver", "localhost") or parsed.scheme not in (
                "http",
                "https",
            ):
                continue
            if parsed.path.startswith(SKIP_PREFIXES):
                continue
            target = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if fragment:
                fragments.append((path, target, fragment))
            queue.append(target)
    return seen, fragments


def test_demo_site_crawl(demo_site, client):
    """One crawl from the home page (it is the slow part), checked four ways."""
    pages, fragments = crawl(client)
    assert len(pages) > 100, "the crawl should reach documents, sections, cases and editions"

    # Every page reachable from the home page answers 200, in Danish.
    failures = {path: r.status_code for path, (r, _) in pages.items() if r.status_code != 200}
    assert failures == {}
    html = {path: p for path, (r, p) in pages.items() if r["Content-Type"].startswith("text/html")}
    assert {path for path, parser in html.items() if parser.lang != "da"} == set()

    # One h1 on every HTML page, and the demo marker on every content page (the
    # e-mail alert forms at /abonnement/ are the site's function, not content).
    for path, parser in html.items():
        assert parser.h1_count == 1, path
        if not path.startswith("/abonnement/"):
            assert "Demoindhold" in pages[path][0].content.decode(), path

    # No internal link points at a missing anchor.
    missing = [(s, t, f) for s, t, f in fragments if f not in pages[t][1].ids]
    assert missing == []

    # The glossary is reachable, and so every term a section links to (anchors above).
    assert "/ordliste/" in pages

    # Every published section, recommendation, case, meeting, offer and edition is reachable.
    danish = {"locale__language_code": "da"}
    for section in GuidanceSectionPage.objects.live().filter(**danish):
        assert section.url in pages
    for document in GuidanceDocumentPage.objects.live().filter(**danish):
        for _, recommendation in document.recommendations():
            assert document.recommendation_url(recommendation["code"]) in pages
        for edition in document.edition_list:
            assert edition.get_url() in pages
            assert edition.get_url() + "pdf/" in pages
    for page in [
        *CasePage.objects.live().filter(**danish),
        *MeetingPage.objects.live().filter(**danish),
        *OfferPage.objects.live().filter(**danish),
    ]:
        assert page.url in pages


def test_demo_content_meets_the_documented_minimum(demo_site):
    documents = GuidanceDocumentPage.objects.filter(locale__language_code="da")
    dual = documents.get(slug="dobbeltdiagnose")
    assert len(dual.sections) >= 8
    codes = [rec["code"] for _, rec in dual.recommendations()]
    assert len(codes) >= 12 and len(set(codes)) == len(codes)
    sketch = documents.get(document_type="template")
    parts = [
        block.value["name"]
        for section in sketch.sections
        for block in section.body
        if block.block_type == "action_plan_part"
    ]
    assert len(parts) >= 8
