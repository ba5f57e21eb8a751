"""The read API from the outside, over HTTP through the real URLs: only what readers
may see, never a write, stable identifiers, conditional requests, the language,
the rate limit, CORS, and query counts that do not grow with the page size."""

import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from core.page_cache import store
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import GuidanceDocumentPage

pytestmark = pytest.mark.django_db

API = "/api/v1/"


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="dd", title="Dobbeltdiagnose", summary="Retningslinjer."
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="maalgruppe",
        title="Målgruppe",
        number="1",
        body=[text("<p>Borgere med <b>svær</b> psykisk lidelse.</p>")],
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="samarbejde",
        title="Samarbejde",
        number="2",
        body=[
            recommendation("2.1", "Én plan", statement="<p>Lav én fælles plan.</p>"),
            recommendation("2.2", "Tovholder", statement="<p>Udpeg en tovholder.</p>"),
        ],
    )
    return document


def get(client, path, **headers):
    response = client.get(API + path, headers=headers)
    assert response.status_code == 200, (path, response.status_code, response.content[:500])
    return response.json()


def test_a_document_its_sections_and_recommendations_read_as_on_the_site(client, document):
    listed = get(client, "documents/")
    assert [d["id"] for d in listed["items"]] == ["dd"]
    one = get(client, "documents/dd/")
    assert [s["id"] for s in one["sections"]] == ["dd/maalgruppe", "dd/samarbejde"]
    section = get(client, "documents/dd/sections/maalgruppe/")
    assert "<b>svær</b>" in section["body_html"]
    assert "**svær**" in section["body_markdown"]
    rec = get(client, "documents/dd/recommendations/2-1/")
    assert rec["id"] == "dd/2.1" and rec["code"] == "2.1" and rec["section"] == "samarbejde"
    assert rec["strength"] == "boer"
    assert rec["statement_markdown"] == "Lav én fælles plan."
    assert rec["url"] == "http://testserver/vejledninger/dd/anbefaling/2-1/"
    assert client.get(rec["url"]).status_code == 200
    assert client.get(API + "documents/dd/recommendations/9-9/").status_code == 404
    assert client.get(API + "documents/ukendt/").status_code == 404


def test_drafts_unpublished_and_private_pages_never_appear(client, document):
    section = document.get_children().get(slug="samarbejde").specific
    # A draft: the editor changes the text and adds a recommendation, but does not publish.
    section.body = [
        recommendation("2.1", "Ny titel i kladden", statement="<p>Kladdetekst.</p>"),
        recommendation("2.3", "Kun i kladden", statement="<p>Hemmelig.</p>"),
    ]
    section.save_revision()
    draft_document = GuidanceDocumentPageFactory(parent=document.get_parent(), slug="kladde")
    draft_document.unpublish()
    private = GuidanceDocumentPageFactory(parent=document.get_parent(), slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_section = GuidanceSectionPageFactory(parent=document, slug="skjult", title="Skjult")
    PageViewRestriction.objects.create(
        page=hidden_section, restriction_type="password", password="x"
    )

    everything = "".join(
        client.get(API + path).content.decode()
        for path in (
            "documents/",
            "documents/dd/",
            "documents/dd/sections/",
            "documents/dd/sections/samarbejde/",
            "documents/dd/recommendations/",
            "documents/dd/recommendations/2-1/",
            "changes/?since=2000-01-01T00:00:00Z",
        )
    )
    # The search echoes its query: only its results count.
    for query in ("hemmelig", "kladden", "skjult"):
        everything += json.dumps(client.get(API + f"search/?q={query}").json()["items"])
    for secret in ("Kladdetekst", "Kun i kladden", "Hemmelig", "kladde", "privat", "skjult"):
        assert secret not in everything
    for path in (
        "documents/kladde/",
        "documents/privat/",
        "documents/privat/sections/",
        "documents/dd/sections/skjult/",
        "documents/dd/recommendations/2-3/",
    ):
        assert client.get(API + path).status_code == 404, path


def test_nothing_from_the_admin_is_given(client, document, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    section = document.get_children().get(slug="maalgruppe").specific
    section.save_revision(user=editor).publish(user=editor)
    release_edition(
        document,
        label="1. udgave",
        effective_date=document.first_published,
        change_summary="Første.",
        user=editor,
    )
    everything = "".join(
        client.get(API + path).content.decode()
        for path in (
            "documents/dd/",
            "documents/dd/sections/maalgruppe/",
            "documents/dd/editions/",
            "documents/dd/editions/1-udgave/",
            "changes/?since=2000-01-01T00:00:00Z",
        )
    )
    for private in ("redaktoer", "r@example.org", "revision", "owner", "locked"):
        assert private not in everything


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_write_method_is_405(client, document, method):
    for path in ("documents/", "documents/dd/", "documents/dd/recommendations/2-1/"):
        response = getattr(client, method)(API + path, data={}, content_type="application/json")
        assert response.status_code == 405, (method, path)
        assert "POST" not in response["Allow"]


def test_a_conditional_get_gives_304_until_the_content_changes(client, document):
    first = client.get(API + "documents/dd/sections/maalgruppe/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    again = client.get(API + "documents/dd/sections/maalgruppe/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        API + "documents/dd/sections/maalgruppe/", headers={"If-Modified-Since": modified}
    )
    assert since.status_code == 304

    section = document.get_children().get(slug="maalgruppe").specific
    section.body = [text("<p>Ny tekst.</p>")]
    section.save_revision().publish()
    changed = client.get(API + "documents/dd/sections/maalgruppe/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Ny tekst." in changed.json()["body_html"]
    assert changed["ETag"] != etag


def test_a_recommendation_keeps_its_id_and_address_when_its_section_is_edited(client, document):
    before = get(client, "documents/dd/recommendations/2-2/")
    section = document.get_children().get(slug="samarbejde").specific
    # The editor rewrites the section: new text before it, the recommendations reordered.
    section.body = [
        text("<p>Indledning.</p>"),
        recommendation("2.2", "Tovholder", statement="<p>Udpeg altid en tovholder.</p>"),
        recommendation("2.1", "Én plan", statement="<p>Lav én fælles plan.</p>"),
    ]
    section.save_revision().publish()
    after = get(client, "documents/dd/recommendations/2-2/")
    assert (after["id"], after["url"], after["api_url"]) == (
        before["id"],
        before["url"],
        before["api_url"],
    )
    assert after["statement_markdown"] == "Udpeg altid en tovholder."
    listed = get(client, "documents/dd/recommendations/")
    assert [r["id"] for r in listed["items"]] == ["dd/2.2", "dd/2.1"]


def test_language_by_parameter_or_accept_language(client, demo_site):
    danish = client.get(API + "documents/dobbeltdiagnose/")
    english = client.get(API + "documents/dobbeltdiagnose/", headers={"Accept-Language": "en"})
    by_parameter = client.get(API + "documents/dobbeltdiagnose/?lang=en")
    assert danish["Content-Language"] == "da" and english["Content-Language"] == "en"
    assert english.json()["title"] == by_parameter.json()["title"] != danish.json()["title"]
    assert "Accept-Language" in english["Vary"]
    assert client.get(API + "documents/?lang=fr").status_code == 422


def test_pages_are_capped_and_linked(client, document):
    page = get(client, "documents/dd/recommendations/?limit=1")
    assert page["count"] == 2 and len(page["items"]) == 1 and page["previous"] is None
    second = client.get(page["next"]).json()
    assert [r["code"] for r in second["items"]] == ["2.2"] and second["next"] is None
    assert client.get(API + "documents/?limit=101").status_code == 422
    assert client.get(API + "documents/?limit=0").status_code == 422
    assert client.get(API + "documents/?offset=-1").status_code == 422


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "documents/?limit={}",
        "documents/dobbeltdiagnose/recommendations/?limit={}",
        "cases/?limit={}",
        "meetings/?limit={}",
        "changes/?since=2000-01-01T00:00:00Z&limit={}",
        "search/?q=misbrug&limit={}",
    ],
)
def test_query_count_does_not_grow_with_the_page_size(client, demo_site, path):
    client.get(API + path.format(1))  # warm the per-process caches (locales, sites)
    small = count_queries(client, API + path.format(1))
    large = count_queries(client, API + path.format(100))
    # The search ranks the hits of each language with a query of its own: a page long
    # enough to reach the English hits costs one more, whatever its length beyond.
    allowance = 1 if path.startswith("search/") else 0
    assert large <= small + allowance, (path, small, large)
    assert small <= count_queries(client, API + path.format(50)) <= large, path


@override_settings(API_RATE_LIMIT=3)
def test_a_client_past_its_limit_gets_429_with_retry_after(document):
    store.cache().clear()
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [client.get(API + "documents/").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    refused = client.get(API + "documents/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()
    # Another client is not affected.
    assert Client(REMOTE_ADDR="203.0.113.10").get(API + "documents/").status_code == 200


def test_any_site_may_read_it_from_a_browser(client, document):
    response = client.get(API + "documents/", headers={"Origin": "https://intra.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        API + "documents/",
        headers={
            "Origin": "https://intra.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # The site's pages still refuse OPTIONS and send no CORS headers.
    page = client.options("/vejledninger/", headers={"Origin": "https://intra.example"})
    assert page.status_code == 405 and "Access-Control-Allow-Origin" not in page


@override_settings(PAGE_CACHE_SECONDS=600)
def test_answers_are_kept_per_language_and_purged_on_publish(
    client, demo_site, django_capture_on_commit_callbacks
):
    store.cache().clear()  # copies kept by earlier tests in this process
    path = API + "documents/dobbeltdiagnose/"
    danish = client.get(path)
    assert danish["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    english = client.get(path, headers={"Accept-Language": "en"})
    assert english["X-Page-Cache"] == "miss" and english["Content-Language"] == "en"
    assert english.json()["title"] != danish.json()["title"]
    assert client.get(path + "?lang=en")["X-Page-Cache"] == "miss"  # another address

    document = GuidanceDocumentPage.objects.get(slug="dobbeltdiagnose", locale__language_code="da")
    document.summary = "Efter udgivelsen."
    with django_capture_on_commit_callbacks(execute=True):
        document.save_revision().publish()
    fresh = client.get(path)
    assert fresh["X-Page-Cache"] == "miss"
    assert fresh.json()["summary"] == "Efter udgivelsen."
    assert fresh["ETag"] != danish["ETag"]


@pytest.mark.parametrize(
    ("path", "heading", "lang"),
    [("/api/", "Åbent API", "da"), ("/en/api/", "Open API", "en")],
)
def test_the_documentation_page_lists_every_operation_in_its_language(
    client, document, path, heading, lang
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html and heading in html
    schema = client.get(API + f"schema/?lang={lang}").json()
    for route, methods in schema["paths"].items():
        assert f"GET {route}" in html, route
        assert escape(methods["get"]["summary"]) in html
    assert "curl" in html
