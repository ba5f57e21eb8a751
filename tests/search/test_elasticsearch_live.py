"""The Elasticsearch backend against a real server (set ELASTICSEARCH_URL to run).

Works in an index of its own ("test-<random>-units"), deleted at the end.
"""

import os
import uuid

import pytest
from django.test import override_settings

from search.analysis import analyzer
from search.backends import SearchRequest
from search.backends.elasticsearch import ElasticsearchBackend
from search.query import parse, parse_prefix
from search.units import Unit

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL"),
]

HOVEDSTADEN = ("hovedstaden", "Region Hovedstaden")
MIDTJYLLAND = ("midtjylland", "Region Midtjylland")


def unit(page_id, title, body="", anchor="", kind="dokument", region=None, **kwargs):
    facets = {"region": [region]} if region else {}
    return Unit(
        kind=kind,
        title=title,
        url=f"/side-{page_id}/",
        anchor=anchor,
        trail=("Vejledning",),
        body=body,
        facets=facets,
        page_id=page_id,
        **kwargs,
    )


PAGES = {
    101: [
        unit(
            101,
            "Borgere med psykisk lidelse",
            "Tilbud til borgere med misbrug og psykisk lidelse.",
            region=HOVEDSTADEN,
        )
    ],
    102: [
        unit(
            102,
            "Behandling i kommunen",
            "Misbrugsbehandlingen foregår ambulant.",
            region=MIDTJYLLAND,
        ),
        unit(
            102,
            "Det gode forløb",
            "Et sammenhængende forløb for borgeren.",
            anchor="forloeb",
            kind="afsnit",
            region=MIDTJYLLAND,
        ),
    ],
    103: [unit(103, "Koordineret misbrugsbehandling", "Samarbejde på tværs.", region=HOVEDSTADEN)],
    104: [unit(104, "Studies of treatment", "Running helps, studies show.", language="en")],
    105: [unit(105, "Udgået side om rusmidler", "Denne side om rusmidlerne fjernes.")],
    106: [unit(106, "Hjælp til hjemløse", "Når man er hjemløs. Nye idéer fra de pårørende.")],
    107: [unit(107, "Housing First i kommunen", "Bostøtte efter Housing First-metoden.")],
    108: [unit(108, "Housing First", "Housing gives people a home first.", language="en")],
}


@pytest.fixture(scope="module")
def backend():
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=f"test-{uuid.uuid4().hex[:12]}"):
        backend = ElasticsearchBackend()
        backend.clear()
        try:
            for page_id, units in PAGES.items():
                backend.replace_page(page_id, units)
            backend.refresh()
            yield backend
        finally:
            backend.delete_index()


def search(backend, text, language="da", **kwargs):
    return backend.search(SearchRequest(parse(text, language), **kwargs))


def titles(results):
    return {hit.title.replace("<mark>", "").replace("</mark>", "") for hit in results.hits}


def test_inflected_word_finds_base_form(backend):
    assert "Borgere med psykisk lidelse" in titles(search(backend, "misbruget"))


def test_word_finds_compounds(backend):
    found = titles(search(backend, "misbrug"))
    assert {"Behandling i kommunen", "Koordineret misbrugsbehandling"} <= found


def test_compound_finds_itself_and_its_parts(backend):
    found = titles(search(backend, "misbrugsbehandlingen"))
    assert {"Behandling i kommunen", "Koordineret misbrugsbehandling"} <= found


def test_irregular_form(backend):
    assert "Udgået side om rusmidler" in titles(search(backend, "rusmiddel"))


def test_folded_spelling(backend):
    results = search(backend, "forloeb")
    assert titles(results) == {"Det gode forløb"}
    assert results.hits[0].url == "/side-102/#forloeb"


def test_danish_letters_are_stemmed_before_folding(backend):
    """ "hjemløs" and "hjemløse" share a stem only when ø is stemmed as ø; the
    typed "hjemloese" is also read as "hjemløse" by the parser."""
    for typed in ("hjemløs", "hjemløse", "HJEMLØSE", "hjemloese"):
        assert titles(search(backend, typed)) == {"Hjælp til hjemløse"}, typed


def test_accents_and_listed_words(backend):
    for typed in ("ideer", "idé", "Idéerne", "pårørende", "paaroerende"):
        assert titles(search(backend, typed)) == {"Hjælp til hjemløse"}, typed


def test_danish_analyzer_gives_the_python_terms(backend):
    """The server runs the generated chain (the derivation pattern in Java, the
    conditions' scripts, the lexicon inline or from its files) to Python's terms."""
    da = analyzer("da")
    words = (
        "misbrugsbehandlingen koordinering koordinere koordinerende rusmidlerne afløste "
        "afloeste Forløbet HJEMLØSE behandling samarbejdet 2år 3.2 idéerne"
    )
    for word in words.split():
        raw = backend.client.indices.analyze(
            index=backend.index, analyzer="sitesearch_da", text=word
        )
        got = [token["token"] for token in raw["tokens"]]
        token = da.word(word)
        assert got[0] == token.term, word
        assert set(token.parts) <= set(got[1:]), word
    behandling = backend.client.indices.analyze(
        index=backend.index, analyzer="sitesearch_da", text="behandling"
    )
    assert [token["token"] for token in behandling["tokens"]] == ["behandl"]  # listed: whole


def test_phrase(backend):
    assert "Borgere med psykisk lidelse" in titles(search(backend, '"psykisk lidelse"'))
    assert not search(backend, '"lidelse psykisk"').hits


def ordered(results):
    return [hit.title.replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def test_each_language_with_its_own_analysis_the_readers_first(backend):
    # "running" is "run" only in English: the English unit is found by the
    # English analysis of the query, for a Danish reader too.
    assert titles(search(backend, "running")) == {"Studies of treatment"}
    assert titles(search(backend, "running", language="en")) == {"Studies of treatment"}
    # Found in both languages: the reader's first.
    danish = search(backend, "housing first")
    assert ordered(danish) == ["Housing First i kommunen", "Housing First"]
    assert [hit.language for hit in danish.hits] == ["da", "en"]
    english = search(backend, "housing first", language="en")
    assert ordered(english) == ["Housing First", "Housing First i kommunen"]
    assert {v.value: v.count for v in english.facets["type"]} == {"dokument": 2}


def test_highlighting(backend):
    results = search(backend, "forløb")
    (hit,) = results.hits
    assert "<mark>" in hit.title
    assert "<mark>" in hit.snippet
    assert hit.trail == "Vejledning"
    assert hit.region == "Region Midtjylland"


def test_facet_counts_are_disjunctive(backend):
    results = search(backend, "misbrug", filters={"region": ["hovedstaden"]})
    assert titles(results) == {"Borgere med psykisk lidelse", "Koordineret misbrugsbehandling"}
    assert results.total == 2
    regions = {v.value: (v.label, v.count, v.selected) for v in results.facets["region"]}
    assert regions["hovedstaden"] == ("Region Hovedstaden", 2, True)
    assert regions["midtjylland"] == ("Region Midtjylland", 1, False)
    types = {v.value: v.count for v in results.facets["type"]}
    assert types == {"dokument": 2}


def test_chosen_value_without_hits_stays_listed(backend):
    results = search(backend, "forløb", filters={"region": ["hovedstaden"]})
    assert results.total == 0
    regions = {v.value: (v.label, v.count, v.selected) for v in results.facets["region"]}
    assert regions["hovedstaden"] == ("Region Hovedstaden", 0, True)


def test_page_is_clamped(backend):
    results = search(backend, "misbrug", page=50, per_page=1)
    assert results.total >= 3
    assert results.page == results.total
    assert len(results.hits) == 1


def test_known_values(backend):
    assert backend.known_values("region", ["hovedstaden", "nowhere"]) == {"hovedstaden"}


def test_suggestions(backend):
    labels = [s.label for s in backend.suggest(parse_prefix("koord"), "da")]
    assert labels == ["Koordineret misbrugsbehandling"]
    # Later words of a title are suggested too.
    labels = [s.label for s in backend.suggest(parse_prefix("misbrugsb"), "da")]
    assert "Koordineret misbrugsbehandling" in labels
    # Folded, and with the earlier words checked.
    (suggestion,) = backend.suggest(parse_prefix("gode forlø"), "da")
    assert (suggestion.label, suggestion.url) == ("Det gode forløb", "/side-102/#forloeb")
    assert not backend.suggest(parse_prefix("kommunen forlø"), "da")
    # English titles are suggested too, after the reader's language.
    assert [s.label for s in backend.suggest(parse_prefix("stud"), "da")] == [
        "Studies of treatment"
    ]


def test_replace_page_drops_units_it_no_longer_has(backend):
    backend.replace_page(102, PAGES[102][:1])
    backend.refresh()
    assert not search(backend, "forløb").hits
    backend.replace_page(102, PAGES[102])
    backend.refresh()
    assert search(backend, "forløb").hits


def test_remove_pages(backend):
    assert search(backend, "rusmidler").hits
    backend.remove_pages([105])
    backend.refresh()
    assert "Udgået side om rusmidler" not in titles(search(backend, "rusmidler"))
