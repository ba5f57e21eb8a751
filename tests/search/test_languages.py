"""Danish and English pages: each analysed in its own language, the reader's first.

English pages are made as editors make them: a translation of the Danish page
(wagtail-localize's copy_for_translation), edited and published.
"""

import pytest
from wagtail.models import Locale, Page

from guidelines.factories import recommendation, text
from search.analysis import analyzer, language_of
from search.backends import SearchRequest, get_backend
from search.backends.elasticsearch import build_search, build_suggest
from search.indexing import rebuild
from search.models import SearchUnit
from search.query import parse, parse_prefix

from .conftest import hit_title, publish
from .test_search_page import facet_count, results


def translate(page, **fields):
    """The page's English translation (its parents copied as needed), with
    `fields` set, published."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    translation = page.specific.copy_for_translation(english, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


@pytest.fixture
def english(document):
    """The Tovholderen section, its recommendation and the Pårørende section in English."""
    translate(
        document.get_children().get(slug="tovholderen"),
        title="Key worker (tovholder)",
        body=[
            text("<p>The key worker (tovholder) coordinates substance abuse treatment.</p>"),
            recommendation(
                "6.1",
                title="Appoint a permanent key worker",
                statement="<p>The municipality appoints a key worker (tovholder).</p>",
            ),
        ],
    )
    translate(
        document.get_children().get(slug="paaroerende"),
        title="Relatives",
        body=[text("<p>Involve the families in the treatment.</p>")],
    )
    return document


def search(q, language, **filters):
    """(language, title) of the results, best first, for a reader in `language`."""
    request = SearchRequest(parse(q, language), filters, per_page=50, language=language)
    return [(hit.language, hit_title(hit)) for hit in get_backend().search(request).hits]


def titles(q, language, **filters):
    return [title for _language, title in search(q, language, **filters)]


# --- Indexing ----------------------------------------------------------------------


def test_units_carry_their_pages_language(english):
    languages = dict(SearchUnit.objects.values_list("title", "language"))
    assert languages["7. Relatives"] == "en"
    assert languages["6.1 Appoint a permanent key worker"] == "en"
    assert languages["7. Pårørende"] == "da"
    assert language_of("en-GB") == "en" and language_of("da") == language_of(None) == "da"


def test_an_untranslated_page_in_the_english_tree_is_found_as_its_danish_original(english):
    # Translating the sections made the document an alias in the English tree:
    # it shows the Danish text, so it is not indexed; its original is.
    alias = Page.objects.get(locale__language_code="en", slug="dobbeltdiagnose")
    assert alias.alias_of_id == english.pk
    rebuild()
    assert list(
        SearchUnit.objects.filter(page__slug="dobbeltdiagnose").values_list("language", "url")
    ) == [("da", "/vejledninger/dobbeltdiagnose/")]
    assert sorted(SearchUnit.objects.filter(language="en").values_list("title", flat=True)) == [
        "6. Key worker (tovholder)",
        "6.1 Appoint a permanent key worker",
        "7. Relatives",
    ]
    assert titles("dobbeltdiagnose", "en")[0] == "Dobbeltdiagnose"


def test_an_english_page_is_analysed_as_english(english):
    unit = SearchUnit.objects.get(title="7. Relatives")
    assert unit.index_body == analyzer("en").index_text(unit.body)[0]
    assert unit.index_body == "involv famili treatment"  # "the", "in" are stop words
    assert unit.index_body != analyzer("da").index_text(unit.body)[0]


def test_english_words_find_english_pages_by_their_english_stem(english):
    # "treatments" is "treatment" for an English unit.
    assert "7. Relatives" in titles("treatments", "en")
    # "family" and "families" share a stem only in English ("famili"); the
    # Danish analysis of "family" would not find the page.
    assert analyzer("en").word("family").term == analyzer("en").word("families").term
    assert analyzer("da").word("family").term != analyzer("da").word("families").term
    assert titles("family", "en") == ["7. Relatives"]
    # Found by the English analysis for a Danish reader too.
    assert titles("family", "da") == ["7. Relatives"]


def test_a_danish_page_is_still_analysed_as_danish(english):
    unit = SearchUnit.objects.get(title="6. Tovholderen")
    da = analyzer("da")
    assert {"misbrug", da.word("behandling").term} <= set(unit.index_parts.split())
    # The compound's part finds the Danish section, for either reader.
    assert "6. Tovholderen" in titles("misbrug", "da")
    assert "6. Tovholderen" in titles("misbrug", "en")
    assert "7. Pårørende" in titles("pårørende", "en")


# --- Ranking -----------------------------------------------------------------------


def test_the_readers_language_comes_first(english):
    # "tovholder" is in the Danish text and, in brackets, in the English.
    english_first = search("tovholder", "en")
    assert {title for _language, title in english_first} == {
        "6. Key worker (tovholder)",
        "6.1 Appoint a permanent key worker",
        "6. Tovholderen",
        "6.1 Udpeg en fast tovholder",
    }
    assert [language for language, _title in english_first] == ["en", "en", "da", "da"]
    danish_first = search("tovholder", "da")
    assert [language for language, _title in danish_first] == ["da", "da", "en", "en"]


def test_the_request_language_decides_the_order_not_the_parse(english):
    request = SearchRequest(parse("tovholder", "da"), per_page=50, language="en")
    hits = get_backend().search(request).hits
    assert [hit.language for hit in hits] == ["en", "en", "da", "da"]


def test_pages_run_on_from_one_language_into_the_other(english):
    def page(number, language):
        request = SearchRequest(parse("tovholder", language), page=number, per_page=3)
        results = get_backend().search(request)
        return results.total, results.page, [(h.language, hit_title(h)) for h in results.hits]

    for language in ("en", "da"):
        other = "da" if language == "en" else "en"
        total, _number, first = page(1, language)
        assert total == 4
        assert [hit_language for hit_language, _title in first] == [language, language, other]
        assert page(2, language) == (4, 2, search("tovholder", language)[3:])
        assert first + page(2, language)[2] == search("tovholder", language)
        assert page(3, language) == page(2, language)  # clamped to the last page


@pytest.mark.django_db
def test_a_query_is_matched_with_each_languages_own_analysis():
    en = parse("Tovholderen og misbrugsbehandling", "en")
    queries = en.by_language()
    assert list(queries) == ["en", "da"]
    # Danish: "og" is a stop word and the compound accepts its parts.
    danish = queries["da"].highlight_terms
    da = analyzer("da")
    assert {
        "tovhold",
        da.word("misbrugsbehandling").term,
        "misbrug",
        da.word("behandling").term,
    } <= danish
    assert "og" not in danish
    assert queries["en"].highlight_terms == {"tovholderen", "og", "misbrugsbehandl"}
    # The reader's language decides whether there is anything to search:
    # "the" is an English stop word, so an English reader searching "the" gets
    # the notice, not Danish pages with "the" in them.
    assert parse("the", "en").by_language() == {}
    assert parse("the", "en").notices


# --- The search page ---------------------------------------------------------------


def test_the_search_page_in_english_lists_english_results_first(client, english):
    html = client.get("/en/soeg/", {"q": "tovholder"}).content.decode()
    found = [(title, href) for _kind, title, href in results(html)]
    assert set(found[:2]) == {
        ("6. Key worker (tovholder)", "/en/vejledninger/dobbeltdiagnose/tovholderen/"),
        (
            "6.1 Appoint a permanent key worker",
            "/en/vejledninger/dobbeltdiagnose/tovholderen/#anbefaling-6-1",
        ),
    }
    assert {title for title, _href in found[2:]} == {
        "6. Tovholderen",
        "6.1 Udpeg en fast tovholder",
    }
    # The Danish results' own text says it is Danish, for screen readers.
    assert '<h3 class="search-result__title" lang="da"><a href="/vejledninger/' in html
    assert 'lang="en"' not in html.split('class="search-results')[1]

    html = client.get("/soeg/", {"q": "tovholder"}).content.decode()
    found = [title for _kind, title, _href in results(html)]
    assert set(found[:2]) == {"6. Tovholderen", "6.1 Udpeg en fast tovholder"}
    assert '<h3 class="search-result__title" lang="en"><a href="/en/vejledninger/' in html


def test_highlighting_uses_the_units_language(client, english):
    html = client.get("/en/soeg/", {"q": "treatments"}).content.decode()
    assert "Involve the families in the <mark>treatment</mark>." in html


def test_facet_counts_include_both_languages(client, english):
    for path in ("/soeg/", "/en/soeg/"):
        html = client.get(path, {"q": "tovholder"}).content.decode()
        assert facet_count(html, "type", "afsnit") == 2, path
        assert facet_count(html, "type", "anbefaling") == 2, path
        assert facet_count(html, "dokument", "dobbeltdiagnose") == 4, path
    # A filter applies to both languages, the order stays.
    html = client.get("/en/soeg/", {"q": "tovholder", "type": "afsnit"}).content.decode()
    assert [title for _kind, title, _href in results(html)] == [
        "6. Key worker (tovholder)",
        "6. Tovholderen",
    ]
    assert facet_count(html, "type", "anbefaling") == 2


def test_facets_count_the_other_language_when_the_filter_leaves_none(client, english):
    # "involve" is only in an English section; with the filter on
    # recommendations nothing is left, but the type facet still offers the
    # section, for the Danish reader too.
    for path in ("/soeg/", "/en/soeg/"):
        html = client.get(path, {"q": "involve", "type": "anbefaling"}).content.decode()
        assert results(html) == [], path
        assert facet_count(html, "type", "afsnit") == 1, path
        assert facet_count(html, "type", "anbefaling") == 0, path


def test_any_word_fallback_in_both_languages(client, english):
    html = client.get("/en/soeg/", {"q": "families tovholderen"}).content.decode()
    assert "Ingen sider indeholder alle ordene" in html or "No pages contain" in html
    found = [title for _kind, title, _href in results(html)]
    assert found.index("7. Relatives") < found.index("6. Tovholderen")


# --- Autocomplete ------------------------------------------------------------------


def test_autocomplete_suggests_in_the_readers_language_first(client, english):
    def labels(path, q):
        return [s["label"] for s in client.get(path, {"q": q}).json()["suggestions"]]

    assert set(labels("/en/soeg/forslag/", "key wo")) == {
        "6. Key worker (tovholder)",
        "6.1 Appoint a permanent key worker",
    }
    # "tovh" is in one English title and two Danish ones.
    assert labels("/en/soeg/forslag/", "tovh") == [
        "6. Key worker (tovholder)",
        "6. Tovholderen",
        "6.1 Udpeg en fast tovholder",
    ]
    assert labels("/soeg/forslag/", "tovh") == [
        "6. Tovholderen",
        "6.1 Udpeg en fast tovholder",
        "6. Key worker (tovholder)",
    ]
    (first, *_rest) = client.get("/en/soeg/forslag/", {"q": "tovh"}).json()["suggestions"]
    assert first["url"] == "/en/vejledninger/dobbeltdiagnose/tovholderen/"


def test_autocomplete_analyses_earlier_words_per_language(client, english):
    # "permanent" is "perman" in English, "permanent" in Danish: the English
    # title is found with the English analysis of the earlier word.
    prefix = parse_prefix("permanent ke", "da")
    assert prefix.by_language()["en"].terms == ("perman",)
    assert prefix.by_language()["da"].terms == ("permanent",)
    for path in ("/soeg/forslag/", "/en/soeg/forslag/"):
        suggestions = client.get(path, {"q": "permanent ke"}).json()["suggestions"]
        assert [s["label"] for s in suggestions] == ["6.1 Appoint a permanent key worker"]


# --- Elasticsearch request bodies (no server) --------------------------------------


def multi_matches(node):
    """Every multi_match query under a query dict, in order."""
    if isinstance(node, list):
        return [match for item in node for match in multi_matches(item)]
    if not isinstance(node, dict):
        return []
    found = [node["multi_match"]] if "multi_match" in node else []
    return found + [match for value in node.values() for match in multi_matches(value)]


@pytest.mark.django_db
def test_elasticsearch_body_carries_the_language_preference():
    body = build_search(
        SearchRequest(parse("treatments", "en"), language="en"), index="t"
    ).to_dict()
    script, score, key = body["sort"]
    assert script["_script"]["script"]["params"] == {"language": "en"}
    assert "doc['language'].value == params.language" in script["_script"]["script"]["source"]
    assert script["_script"]["order"] == "asc"
    assert (score, key) == ("_score", {"key": "asc"})
    # Each language matched in its own fields with its own analysis.
    by_language = {
        clause["bool"]["filter"][0]["term"]["language"]: multi_matches(clause["bool"]["must"])
        for clause in body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"]
    }
    assert [match["query"] for match in by_language["en"]] == ["treatment"]
    assert by_language["en"][0]["fields"] == ["en.title^10", "en.lead^3", "en.body"]
    assert by_language["da"]  # the Danish analysis of the word, whatever it makes of it
    assert all(m["fields"] == ["da.title^10", "da.lead^3", "da.body"] for m in by_language["da"])

    danish = build_search(SearchRequest(parse("treatments", "en"), language="da"), index="t")
    assert danish.to_dict()["sort"][0]["_script"]["script"]["params"] == {"language": "da"}


@pytest.mark.django_db  # the finished words' synonyms are read
def test_elasticsearch_suggest_body_asks_the_readers_language_first():
    body = build_suggest(parse_prefix("tovh", "en"), "en")
    assert list(body["suggest"]) == ["en_typed", "da_typed"]
    contexts = [s["completion"]["contexts"] for s in body["suggest"].values()]
    assert contexts == [{"language": ["en"]}, {"language": ["da"]}]
