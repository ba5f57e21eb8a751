"""The page cache (core/page_cache/): anonymous readers get stored pages, and a
change purges every stored page that shows it.

The purge tests are one property, checked page by page over the whole demo site:
after a change is published, a reader served from the cache sees exactly what a
fresh rendering shows about it. A fresh rendering is asked for with a session
cookie (no session behind it: still an anonymous reader, but never served from the
cache), so any page whose purge is missing fails the test by name.
"""

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import Page, PageViewRestriction

from casebook.models import (
    CasebookIndexPage,
    CasePage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingSeries,
    MethodPage,
)
from guidelines.editions.release import release_edition
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage, RegionalAdaptationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the purge) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def page_cache():
    # Room for every page of the site: an evicted page would pass for a purged one.
    roomy = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    roomy["OPTIONS"] = {"MAX_ENTRIES": 100_000}
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES={"default": roomy}):
        cache.clear()
        yield
        cache.clear()


def fresh(client, path):
    """The page as rendered now, bypassing the cache."""
    client.cookies["sessionid"] = "no-such-session"
    try:
        return client.get(path)
    finally:
        del client.cookies["sessionid"]


def site_addresses():
    """Every live page in both languages, with the sub-addresses that show other pages."""
    paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for document in GuidanceDocumentPage.objects.live():
        url = document.url
        paths += [url + "anbefalinger/", url + "udgaver/", url + "feed/"]
        paths += [
            url + f"anbefaling/{rec['code'].replace('.', '-')}/"
            for _s, rec in list(document.recommendations())[:3]
        ]
    for casebook in CasebookIndexPage.objects.live():
        paths += [casebook.url + "daekning/", casebook.url + "?region=nordjylland"]
        paths += [casebook.url + "?metode=peerstoette"]
    for meetings in MeetingIndexPage.objects.live():
        paths += [meetings.url + "kalender/"]
    paths += [meeting.url + "kalender/" for meeting in MeetingPage.objects.live()[:4]]
    paths += ["/udgaver/feed/", "/en/udgaver/feed/", "/sitemap.xml"]
    paths += ["/aendringer/", "/en/aendringer/", "/aendringer/feed/", "/en/aendringer/feed/"]
    return sorted(set(paths))


def warm(client, paths):
    for path in paths:
        assert client.get(path).status_code == 200, path
    for path in paths:
        assert client.get(path)["X-Page-Cache"] == "hit", path
    return paths


def assert_every_page_agrees(client, paths, marker):
    stale, shown = [], []
    for path in paths:
        cached = client.get(path)
        now = fresh(client, path)
        if (marker in cached.content.decode()) != (marker in now.content.decode()):
            stale.append(path)
        if marker in now.content.decode():
            shown.append(path)
    assert not stale, f"stale after the change: {stale}"
    return shown


def heading(response):
    return BeautifulSoup(response.content, "html.parser").h1.get_text()


def publish(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_reader_gets_the_stored_page_and_can_revalidate_it(demo_site):
    client = Client()
    first = client.get("/vejledninger/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/vejledninger/")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=600" in second["Cache-Control"]
    # The language is in the address, and nothing here depends on a cookie.
    assert "Cookie" not in second.get("Vary", "") and "Accept-Language" not in second.get(
        "Vary", ""
    )
    assert client.get("/vejledninger/", HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
    assert client.head("/vejledninger/")["X-Page-Cache"] == "hit"


def test_pages_that_show_the_readers_region_are_kept_per_region(demo_site):
    adaptation = RegionalAdaptationPage.objects.live().filter(locale__language_code="da").first()
    section = adaptation.document.specific.sections[0]
    region = adaptation.get_parent().specific.region
    plain, chosen = Client(), Client()
    chosen.cookies["region"] = region.slug
    for _ in range(2):
        without, with_region = plain.get(section.url), chosen.get(section.url)
    assert without["X-Page-Cache"] == with_region["X-Page-Cache"] == "hit"
    assert region.name in with_region.content.decode()
    assert without.content != with_region.content
    assert "Cookie" in with_region["Vary"]


def test_signed_in_editors_never_get_a_stored_page(demo_site, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktoer", password="x")
    Client().get("/vejledninger/")
    client = Client()
    client.force_login(editor)
    response = client.get("/vejledninger/")
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]


def test_no_anonymous_reader_is_given_a_cookie(demo_site):
    client = Client()
    extra = ["/regioner/vaelg/", "/soeg/?q=misbrug", "/casebog/?tema=x", "/findes-ikke/", "/en/"]
    for path in site_addresses() + extra:
        for _ in range(2):  # stored and from the store
            response = client.get(path)
            assert not response.cookies, (path, response.cookies)
            assert "Set-Cookie" not in response, path


def test_publishing_a_section_purges_every_page_that_shows_it(demo_site, committed):
    client = Client()
    paths = warm(client, site_addresses())
    section = GuidanceSectionPage.objects.live().filter(locale__language_code="da")[1]
    with committed():
        publish(section, title="Omdøbt afsnit til prøve")
    shown = assert_every_page_agrees(client, paths, "Omdøbt afsnit til prøve")
    # The document's contents, its other sections, and its recommendation pages.
    document = section.document
    assert section.url in shown and document.url in shown
    assert any(path.startswith(document.url + "anbefaling/") for path in shown)
    assert len([p for p in shown if p.startswith(document.url)]) > 3


def test_publishing_a_document_purges_every_page_that_shows_it(demo_site, committed):
    client = Client()
    paths = warm(client, site_addresses())
    document = GuidanceDocumentPage.objects.live().filter(locale__language_code="da").first()
    with committed():
        publish(document, title="Omdøbt vejledning til prøve", short_title="")
    shown = assert_every_page_agrees(client, paths, "Omdøbt vejledning til prøve")
    assert "/vejledninger/" in shown and document.url in shown


def test_publishing_a_case_purges_every_page_that_shows_it(demo_site, committed):
    client = Client()
    paths = warm(client, site_addresses())
    case = (
        CasePage.objects.live()
        .filter(
            locale__language_code="da",
            recommendation_links__isnull=False,
            meeting_links__isnull=False,
        )
        .first()
    )
    with committed():
        publish(case, title="Omdøbt case til prøve")
    shown = assert_every_page_agrees(client, paths, "Omdøbt case til prøve")
    assert case.url in shown and case.get_parent().url in shown
    assert any(path.startswith("/casebog/?") for path in shown)  # a facet selection
    assert any("/anbefaling/" in path for path in shown)  # the recommendation it practises


def test_unpublishing_a_meeting_purges_every_page_that_showed_it(demo_site, committed):
    client = Client()
    paths = warm(client, site_addresses())
    meeting = MeetingPage.objects.live().filter(locale__language_code="da").first()
    title = meeting.title
    address = meeting.full_url
    assert address in client.get("/sitemap.xml").content.decode()
    shown_before = [p for p in paths if title in fresh(client, p).content.decode()]
    with committed():
        meeting.unpublish()
    assert_every_page_agrees(client, paths, title)
    assert address not in client.get("/sitemap.xml").content.decode()
    assert len(shown_before) > 1


@pytest.mark.parametrize("model", [MethodPage, FundingPage])
def test_publishing_a_method_or_pool_purges_every_page_that_shows_it(demo_site, committed, model):
    client = Client()
    paths = warm(client, site_addresses())
    page = model.objects.live().filter(locale__language_code="da").first()
    with committed():
        publish(page, title="Omdøbt til prøve")
    shown = assert_every_page_agrees(client, paths, "Omdøbt til prøve")
    assert page.url in shown
    assert any(path.startswith("/regioner/") for path in shown)  # a case using it
    assert any(path.startswith("/casebog/?") for path in shown)  # the facet's label


def test_renaming_a_meeting_series_purges_the_meetings_and_their_calendars(demo_site, committed):
    client = Client()
    paths = warm(client, site_addresses())
    series = MeetingSeries.objects.get()
    series.name = "Omdøbt mødeserie til prøve"
    with committed():
        series.save()
    shown = assert_every_page_agrees(client, paths, "Omdøbt mødeserie til prøve")
    assert "/casebog/moeder/" in shown


def test_releasing_an_edition_purges_the_document_and_the_feeds(
    demo_site, committed, django_user_model
):
    client = Client()
    paths = warm(client, site_addresses())
    document = GuidanceDocumentPage.objects.live().filter(locale__language_code="da").first()
    with committed():
        release_edition(
            document,
            label="9.9-prøve",
            effective_date=date(2027, 1, 1),
            change_summary="Prøveudgave til cachetest",
            user=django_user_model.objects.create_superuser("udgiver", password="x"),
        )
    shown = assert_every_page_agrees(client, paths, "9.9-prøve")
    assert "/udgaver/feed/" in shown and document.url + "udgaver/" in shown
    assert {"/", "/aendringer/", "/aendringer/feed/"} <= set(shown)


def test_search_answers_are_purged_by_any_publish(demo_site, committed):
    client = Client()
    query = "/soeg/?q=udredning"
    client.get(query)
    assert client.get(query)["X-Page-Cache"] == "hit"
    section = GuidanceSectionPage.objects.live().filter(locale__language_code="da")[2]
    with committed():
        publish(section, title="Udredning omdøbt til prøve")
    assert "Udredning omdøbt til prøve" in client.get(query).content.decode()


class PurgeLog(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint (as Varnish takes it): records what it is told."""

    def do_PURGE(self):
        self.server.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeLog)
    server.purged = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    location = f"http://127.0.0.1:{server.server_address[1]}"
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    with override_settings(
        WAGTAILFRONTENDCACHE={"proxy": {"BACKEND": backend, "LOCATION": location}}
    ):
        yield server.purged
    server.shutdown()


def test_a_proxy_in_front_is_sent_every_address_to_purge(demo_site, committed, proxy):
    section = GuidanceSectionPage.objects.live().filter(locale__language_code="da")[1]
    document = section.document
    with committed():
        publish(section, title="Omdøbt afsnit til prøve")
    purged = set(proxy)
    sibling = next(s for s in document.sections if s.pk != section.pk)
    code = next(r["code"] for _s, r in document.recommendations())
    for path in (
        section.url,
        sibling.url,
        document.url,
        document.url + "anbefaling/" + code.replace(".", "-") + "/",
        "/en" + section.url,
        "/",
        "/soeg/",
    ):
        assert path in purged, path
    # Nothing outside what shows the section: no other document's pages.
    others = GuidanceDocumentPage.objects.live().exclude(translation_key=document.translation_key)
    assert not any(path.startswith(other.url) for other in others for path in purged)


def test_a_page_made_private_is_never_served_from_the_cache(demo_site, committed):
    client = Client()
    section = GuidanceSectionPage.objects.live().filter(locale__language_code="da")[3]
    secret = section.title
    warm(client, [section.url])
    assert secret in heading(client.get(section.url))
    with committed():
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    for _ in range(2):
        response = client.get(section.url)
        assert response.get("X-Page-Cache") != "hit"
        assert "password" in response.content.decode()
        assert secret not in heading(response)


def test_unpublishing_an_adaptation_purges_its_regions_view_of_the_document(demo_site, committed):
    adaptation = RegionalAdaptationPage.objects.live().filter(locale__language_code="da").first()
    region = adaptation.get_parent().specific.region
    document = adaptation.document.specific
    reader = Client()
    reader.cookies["region"] = region.slug
    offer = "Læs regionens version"
    region_page = adaptation.get_parent().url
    warm(reader, [document.url, region_page, "/aendringer/"])
    assert offer in reader.get(document.url).content.decode()
    assert f'href="{adaptation.url}"' in reader.get("/aendringer/").content.decode()
    assert f'href="{adaptation.url}"' in reader.get(region_page).content.decode()
    with committed():
        adaptation.unpublish()
    assert offer not in reader.get(document.url).content.decode()
    assert f'href="{adaptation.url}"' not in reader.get(region_page).content.decode()
    assert f'href="{adaptation.url}"' not in reader.get("/aendringer/").content.decode()
