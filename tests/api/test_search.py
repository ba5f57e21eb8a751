"""/api/v1/search/ answers as the site's search page does (tests/search): the same
analysis of Danish words, the same results in the same order, the same filters
under the same names; only live, public pages; bad input is a 4xx, never a 500."""

import re

import pytest
from wagtail.models import PageViewRestriction

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import GuidanceIndexPage
from search.units import FACETS

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"


def publish(page):
    """Publish as an editor does (a revision, then publish), which is what indexes."""
    page.save_revision().publish()
    return page


@pytest.fixture
def document(demo_site):
    """A document of its own in the demo, with a compound in a section's text and
    an inflected word in a recommendation, found only within it by `dokument`."""
    index = GuidanceIndexPage.objects.get(locale__language_code="da")
    document = publish(
        GuidanceDocumentPageFactory(parent=index, title="Tovholderskab", slug="tovholderskab")
    )
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Tovholderen",
            slug="tovholderen",
            number="6",
            body=[
                text("<p>Tovholderen samler <b>misbrugsbehandlingen</b> og psykiatrien.</p>"),
                recommendation(
                    "6.1",
                    title="Udpeg en fast tovholder",
                    statement="<p>Kommunen udpeger en tovholder for borgere med stofmisbrug.</p>",
                ),
            ],
        )
    )
    return document


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def site_results(client, **params):
    """(type label, title, href) of each result on the site's own search page."""
    html = client.get("/soeg/", params).content.decode()
    items = re.findall(
        r'<li class="search-result[^"]*">.*?<span class="tag">(.*?)</span>.*?'
        r'<a href="([^"]+)">(.*?)</a>',
        html,
        re.S,
    )
    return [(kind, re.sub("<[^>]+>", "", title), href) for kind, href, title in items]


def test_a_word_finds_its_compounds_and_inflections_as_on_the_search_page(client, document):
    found = search(client, q="misbrug", dokument="tovholderskab")
    section = next(hit for hit in found["items"] if hit["kind"] == "afsnit")
    assert section["title"] == "6. Tovholderen"
    assert "<mark>misbrugsbehandlingen</mark>" in section["snippet_html"]
    assert "misbrugsbehandlingen" in section["snippet"] and "<" not in section["snippet"]
    assert section["id"] == "tovholderskab/tovholderen"
    assert section["api_url"] == (
        "http://testserver/api/v1/documents/tovholderskab/sections/tovholderen/"
    )
    assert section["url"] == "http://testserver/vejledninger/tovholderskab/tovholderen/"
    # The same results, in the same order, as the reader gets on /soeg/.
    site = site_results(client, q="misbrug", dokument="tovholderskab")
    assert [(hit["kind_label"], hit["title"]) for hit in found["items"]] == [
        (kind, title) for kind, title, _href in site
    ]
    assert [hit["url"] for hit in found["items"]] == [
        "http://testserver" + href for _kind, _title, href in site
    ]


def test_an_inflected_word_finds_the_recommendation_and_its_api_address(client, document):
    found = search(client, q="stofmisbruget", dokument="tovholderskab")
    first = found["items"][0]
    assert (first["kind"], first["title"], first["id"]) == (
        "anbefaling",
        "6.1 Udpeg en fast tovholder",
        "tovholderskab/6.1",
    )
    assert "<mark>stofmisbrug</mark>" in first["snippet_html"]
    assert first["url"].endswith("/vejledninger/tovholderskab/tovholderen/#anbefaling-6-1")
    assert first["api_url"].endswith("/api/v1/documents/tovholderskab/recommendations/6-1/")
    assert client.get(first["api_url"]).json()["code"] == "6.1"


@pytest.mark.parametrize(
    "kind", ["dokument", "afsnit", "anbefaling", "tilpasning", "udgave", "case", "moede"]
)
def test_a_hit_has_the_id_and_address_its_own_endpoint_has(client, demo_site, kind):
    hit = search(client, q="misbrug", type=kind, limit=1)["items"][0]
    assert hit["kind"] == kind
    assert client.get(hit["api_url"]).json()["id"] == hit["id"]


def test_the_filters_are_the_site_facets_under_the_same_names(client, document):
    schema = client.get("/api/v1/schema/").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    assert parameters - {"q", "lang", "limit", "offset", "udgaver"} == set(FACETS)

    found = search(client, q="tovholder", type="anbefaling", dokument="tovholderskab")
    assert {hit["kind"] for hit in found["items"]} == {"anbefaling"}
    types = next(f for f in found["facets"] if f["facet"] == "type")
    chosen = [value for value in types["values"] if value["selected"]]
    assert [(v["value"], v["count"]) for v in chosen] == [("anbefaling", found["count"])]
    # A value the index does not know is named and ignored, as on the search page.
    unknown = search(client, q="stofmisbruget", dokument=["tovholderskab", "findes-ikke"])
    assert unknown["count"] >= 1 and any("findes-ikke" in n for n in unknown["notices"])


def test_any_word_when_none_has_them_all(client, document):
    found = search(client, q="misbrugsbehandlingen xyzzyqwerty", dokument="tovholderskab")
    assert found["any_words"] is True and found["count"] >= 1


def test_limit_and_offset_page_through_the_same_ranking(client, document):
    everything = search(client, q="misbrug", limit=12)
    assert everything["count"] > 12
    titles = [hit["url"] for hit in everything["items"]]
    for offset, limit in [(0, 5), (3, 4), (5, 7), (11, 1)]:
        window = search(client, q="misbrug", offset=offset, limit=limit)
        assert [hit["url"] for hit in window["items"]] == titles[offset : offset + limit]
        assert window["count"] == everything["count"]
    beyond = search(client, q="misbrug", offset=everything["count"] + 5)
    assert beyond["items"] == [] and beyond["next"] is None


def test_drafts_and_private_pages_are_never_found(client, document):
    section = document.get_children().get(slug="tovholderen").specific
    section.body = [text("<p>Kladdeordet snurrebassefabrik står kun i kladden.</p>")]
    section.save_revision()  # a draft, never published
    private = publish(
        GuidanceSectionPageFactory(
            parent=document,
            slug="fortroligt",
            title="Fortroligt",
            body=[text("<p>Fortrolige hemmelighedskræmmerier.</p>")],
        )
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for word in ("snurrebassefabrik", "hemmelighedskræmmerier", "fortroligt"):
        assert search(client, q=word)["count"] == 0, word
    # The published text is still found.
    assert search(client, q="misbrugsbehandlingen", dokument="tovholderskab")["count"] == 1


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}, {"q": "misbrug", "udgaver": "alle"}],
)
def test_an_empty_or_overlong_query_is_422_never_500(client, demo_site, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_only_common_words_give_no_results_and_say_why(client, demo_site):
    found = search(client, q="og i på")
    assert found["count"] == 0 and found["items"] == [] and found["notices"]
