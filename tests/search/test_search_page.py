"""The search page as a reader uses it: results, facets, paging, bad input."""

import re

import pytest
from wagtail.models import PageViewRestriction

from casebook.factories import CasebookIndexPageFactory, CasePageFactory
from guidelines.editions.release import release_edition
from guidelines.factories import GuidanceSectionPageFactory, text
from guidelines.models import Region

from .conftest import publish


def results(html):
    """(type, title, href) of each result on a rendered page."""
    items = re.findall(
        r'<li class="search-result[^"]*">.*?<span class="tag">(.*?)</span>.*?'
        r'<a href="([^"]+)">(.*?)</a>',
        html,
        re.S,
    )
    return [(kind, re.sub("<[^>]+>", "", title), href) for kind, href, title in items]


def facet_count(html, facet, value):
    """The count shown beside a facet value, or None if it is not offered."""
    found = re.search(
        rf'name="{facet}" value="{value}"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)',
        html,
    )
    return int(found.group(1)) if found else None


def test_a_recommendation_hit_opens_at_the_recommendation(client, document):
    html = client.get("/soeg/", {"q": "stofmisbruget"}).content.decode()
    assert results(html)[0] == (
        "Anbefaling",
        "6.1 Udpeg en fast tovholder",
        "/vejledninger/dobbeltdiagnose/tovholderen/#anbefaling-6-1",
    )
    # Where it sits, and the passage that matched, highlighted.
    assert "Dobbeltdiagnose › 6. Tovholderen" in html
    assert "<mark>stofmisbrug</mark>" in html


def test_a_compound_is_found_by_its_parts_and_highlighted(client, document):
    html = client.get("/soeg/", {"q": "misbrug"}).content.decode()
    assert ("Afsnit", "6. Tovholderen", "/vejledninger/dobbeltdiagnose/tovholderen/") in results(
        html
    )
    assert "<mark>misbrugsbehandlingen</mark>" in html


def test_facets_count_and_filter_through_the_url(client, document, home, region_cases):
    html = client.get("/soeg/", {"q": "tovholder"}).content.decode()
    assert facet_count(html, "type", "case") == 2
    assert facet_count(html, "region", "nordjylland") == 1

    html = client.get("/soeg/", {"q": "tovholder", "region": "nordjylland"}).content.decode()
    assert [title for _kind, title, _href in results(html)] == ["Tovholder i Aalborg"]
    # Other regions still show what choosing them would add (counts within a facet are OR).
    assert facet_count(html, "region", "midtjylland") == 1
    assert facet_count(html, "type", "afsnit") is None

    html = client.get(
        "/soeg/", {"q": "tovholder", "region": ["nordjylland", "midtjylland"]}
    ).content.decode()
    assert len(results(html)) == 2


def test_search_within_a_document(client, document, region_cases):
    page = client.get("/vejledninger/dobbeltdiagnose/").content.decode()
    assert 'name="dokument" value="dobbeltdiagnose"' in page
    html = client.get("/soeg/", {"q": "tovholder", "dokument": "dobbeltdiagnose"}).content.decode()
    assert "Du søger kun i <strong>Dobbeltdiagnose</strong>" in html
    assert {kind for kind, _title, _href in results(html)} == {"Afsnit", "Anbefaling"}


def test_pages_keep_the_query_and_the_filters(client, document):
    for n in range(12):
        publish(
            GuidanceSectionPageFactory(
                parent=document, title=f"Samarbejde {n}", body=[text("<p>Samarbejde.</p>")]
            )
        )
    html = client.get("/soeg/", {"q": "samarbejde", "type": "afsnit"}).content.decode()
    assert "12 resultater" in html
    assert 'href="?q=samarbejde&amp;type=afsnit&amp;side=2"' in html
    second = client.get("/soeg/", {"q": "samarbejde", "type": "afsnit", "side": "2"})
    assert len(results(second.content.decode())) == 2


def test_all_words_or_else_any_word(client, document):
    html = client.get("/soeg/", {"q": "tovholder pårørende"}).content.decode()
    assert "Ingen sider indeholder alle ordene" in html
    assert {"6. Tovholderen", "7. Pårørende"} <= {t for _k, t, _h in results(html)}


def test_autocomplete_suggests_titles_as_json(client, document):
    data = client.get("/soeg/forslag/", {"q": "tovh"}).json()
    labels = [s["label"] for s in data["suggestions"]]
    assert "6. Tovholderen" in labels
    assert "6.1 Udpeg en fast tovholder" in labels
    first = next(s for s in data["suggestions"] if s["label"] == "6. Tovholderen")
    assert first == {
        "label": "6. Tovholderen",
        "url": "/vejledninger/dobbeltdiagnose/tovholderen/",
        "type": "Afsnit",
    }


def test_autocomplete_leads_to_the_current_text_not_an_edition(client, document, admin_user):
    release_edition(
        document,
        label="1. udgave",
        slug="1-udgave",
        effective_date=document.first_published,
        change_summary="Første udgave.",
        user=admin_user,
    )
    assert "Dobbeltdiagnose: 1. udgave" in [
        t for _k, t, _h in results(client.get("/soeg/", {"q": "udgave"}).content.decode())
    ]
    labels = [
        s["label"] for s in client.get("/soeg/forslag/", {"q": "dobbelt"}).json()["suggestions"]
    ]
    assert labels == ["Dobbeltdiagnose"]


def test_the_search_form_works_without_javascript(client, document):
    html = client.get("/vejledninger/dobbeltdiagnose/").content.decode()
    assert re.search(r'<form class="site-search" role="search" action="/soeg/" method="get">', html)
    assert 'data-autocomplete="/soeg/forslag/"' in html


def test_private_and_unpublished_pages_never_show(client, document):
    GuidanceSectionPageFactory(
        parent=document, title="Hemmelig kladde", live=False, body=[text("<p>Kladde</p>")]
    ).save_revision()
    PageViewRestriction.objects.create(
        page=document.get_children().get(slug="paaroerende"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    for q in ("kladde", "pårørende", "hemmelig"):
        html = client.get("/soeg/", {"q": q}).content.decode()
        assert "Hemmelig kladde" not in html and "7. Pårørende" not in html
    assert client.get("/soeg/forslag/", {"q": "pårø"}).json()["suggestions"] == []


BAD_QUERIES = [
    "",
    "   ",
    "x" * 1500,
    "tovholder " * 150,
    "\x00\x07abc\x1b[31m",
    '"unbalanced',
    'tovholder "',
    '""',
    "misbrug*",
    "*",
    "a NEAR b",
    "NEAR(tovholder misbrug, 2)",
    "tovholder OR",
    "OR OR AND NOT",
    "-",
    "-tovholder",
    "a:b",
    "title:tovholder",
    "{title}: x",
    "^tovholder",
    "tovholder & | ! <->",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "{{ 7*7 }}{% debug %}",
    "<script>alert(1)</script>",
    "🙂‮‭",
    "\u200b\u200d\ufeff",
    "ǅ ß ﬁ Ⅻ ①",
    "\ud7ff",
    "3.2.",
    "..",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_a_normal_page(client, document, query):
    response = client.get("/soeg/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert client.get("/soeg/forslag/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "tovholder", "side": "ikke-et-tal"},
        {"q": "tovholder", "side": "-1"},
        {"q": "tovholder", "side": "99999999999999999999"},
        {"q": "tovholder", "side": "0"},
        {"q": "tovholder", "side": "1e3"},
        {"q": "tovholder", "type": "findes-ikke"},
        {"q": "tovholder", "type": "<b>"},
        {"q": "tovholder", "region": "x" * 500},
        {"q": "tovholder", "dokument": "'; DROP TABLE x; --"},
        {"q": "tovholder", "tema": ["a"] * 100},
        {"q": "tovholder", "maalgruppe": ""},
        {"type": "afsnit"},
    ],
)
def test_bad_filters_and_pages_give_a_message(client, document, params):
    response = client.get("/soeg/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html


def test_a_page_beyond_the_last_shows_the_last(client, document):
    html = client.get("/soeg/", {"q": "tovholder", "side": "7"}).content.decode()
    assert "Der er kun 1 side med resultater" in html
    assert results(html)


def test_an_unknown_filter_is_named_and_ignored(client, document):
    html = client.get("/soeg/", {"q": "tovholder", "region": "atlantis"}).content.decode()
    assert "kender ikke “atlantis”" in html
    assert results(html)


def test_only_common_words(client, document):
    html = client.get("/soeg/", {"q": "og i på"}).content.decode()
    assert "kun meget almindelige ord" in html


def test_overlong_query_is_cut_with_a_message(client, document):
    html = client.get("/soeg/", {"q": "tovholderen " * 100}).content.decode()
    assert "forkortet" in html


def test_national_is_one_region_value_and_its_old_name_still_works(client, region_cases):
    """Cases of no region are "national" in the search's region facet, as in the
    casebook's; links made when the search called it "hele-landet" keep working."""
    case = CasePageFactory.build(title="Tovholder i hele landet", region=None)
    region_cases.add_child(instance=case)
    publish(case)
    html = client.get("/soeg/", {"q": "tovholder"}).content.decode()
    assert facet_count(html, "region", "national") == 1
    for value in ("national", "hele-landet"):
        html = client.get("/soeg/", {"q": "tovholder", "region": value}).content.decode()
        assert [title for kind, title, _href in results(html)] == ["Tovholder i hele landet"]
        assert "kender ikke" not in html


@pytest.fixture
def region_cases(home, document):
    casebook = publish(CasebookIndexPageFactory(parent=home))
    cases = (("nordjylland", "Tovholder i Aalborg"), ("midtjylland", "Tovholder i Randers"))
    for slug, title in cases:
        case = CasePageFactory.build(title=title, region=Region.objects.get(slug=slug))
        casebook.add_child(instance=case)
        publish(case)
    return casebook
