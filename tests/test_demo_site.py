"""The demo site as a reader meets it: every page reachable from the home page works."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest

from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage

# Served by other apps or by the web server, not pages of ours.
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")


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
            url, fragment = urldefrag(href)
            parsed = urlparse(url)
            external = parsed.netloc not in ("", "testserver", "localhost")
            if external or parsed.scheme not in ("", "http", "https"):
                continue
            target = parsed.path or path
            if target.startswith(SKIP_PREFIXES):
                continue
            if fragment:
                fragments.append((path, target, fragment))
            queue.append(target + (f"?{parsed.query}" if parsed.query else ""))
    return seen, fragments


@pytest.fixture
def crawled(demo_site, client):
    return crawl(client)


def test_every_page_reachable_from_home_answers_200_in_danish(crawled):
    pages, _ = crawled
    assert len(pages) > 40, "the crawl should reach documents, sections and recommendations"
    failures = {path: r.status_code for path, (r, _) in pages.items() if r.status_code != 200}
    assert failures == {}
    html = {path: parser for path, (r, parser) in pages.items() if parser.lang is not None}
    assert all(parser.lang == "da" for parser in html.values())


def test_every_html_page_has_one_h1_and_the_demo_marker(crawled):
    pages, _ = crawled
    for path, (response, parser) in pages.items():
        if not response["Content-Type"].startswith("text/html"):
            continue
        assert parser.h1_count == 1, path
        assert "Demoindhold" in response.content.decode(), path


def test_no_internal_link_points_at_a_missing_anchor(crawled):
    pages, fragments = crawled
    missing = [
        (source, target, fragment)
        for source, target, fragment in fragments
        if fragment not in pages[target][1].ids
    ]
    assert missing == []


def test_crawl_reaches_every_published_section_and_recommendation(demo_site, crawled):
    pages, _ = crawled
    for section in GuidanceSectionPage.objects.live():
        assert section.url in pages
    for document in GuidanceDocumentPage.objects.live():
        for _, recommendation in document.recommendations():
            assert document.recommendation_url(recommendation["code"]) in pages


def test_demo_content_meets_the_documented_minimum(demo_site):
    dual = GuidanceDocumentPage.objects.get(slug="dobbeltdiagnose")
    assert len(dual.sections) >= 8
    codes = [rec["code"] for _, rec in dual.recommendations()]
    assert len(codes) >= 12 and len(set(codes)) == len(codes)
    sketch = GuidanceDocumentPage.objects.get(document_type="template")
    parts = [
        block.value["name"]
        for section in sketch.sections
        for block in section.body
        if block.block_type == "action_plan_part"
    ]
    assert len(parts) >= 8
