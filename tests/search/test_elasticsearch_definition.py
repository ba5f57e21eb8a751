"""The Elasticsearch backend's index definition and request bodies, without a server."""

import datetime
import re
from pathlib import Path

import pytest
import snowballstemmer

from search.analysis import TOKEN, analyzer
from search.backends import SearchRequest
from search.backends.elasticsearch import (
    build_known_values,
    build_search,
    build_suggest,
    facets_from_aggs,
    hit_from_raw,
    index_definition,
    suggest_inputs,
    suggestions_from_response,
    unit_document,
)
from search.query import Prefix, parse, parse_prefix
from search.units import Unit


@pytest.fixture(scope="module")
def definition():
    return index_definition("test-units").to_dict()


@pytest.fixture(scope="module")
def analysis(definition):
    return definition["settings"]["analysis"]


def chain(analysis, name):
    """The analyzer's char filters and token filters, with their definitions."""
    spec = analysis["analyzer"][name]
    chars = [analysis["char_filter"].get(n, n) for n in spec.get("char_filter", [])]
    filters = [analysis["filter"].get(n, n) for n in spec["filter"]]
    return spec, chars, filters


def of_type(items, kind):
    return [item for item in items if isinstance(item, dict) and item["type"] == kind]


def clauses(node, kind):
    """Every `kind` query anywhere under a query dict."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == kind:
                found.append(value)
            found.extend(clauses(value, kind))
    elif isinstance(node, list):
        for item in node:
            found.extend(clauses(item, kind))
    return found


# --- Index definition -----------------------------------------------------------


def test_danish_analyzer_chain(analysis):
    """In the order of the Python analysis: normalise, stop words, lexicon,
    split, stem on the Danish letters, and only then fold them to ASCII."""
    spec, chars, filters = chain(analysis, "sitesearch_da")
    assert spec["tokenizer"] == "standard"
    assert [c["type"] for c in chars] == ["mapping", "pattern_replace"]
    rules = chars[0]["mappings"]
    assert {"ä => æ", "Ä => æ", "ö => ø", "Ö => ø", "é => e", "Ü => u"} <= set(rules)
    # No folding before stemming: æ, ø and å reach the stemmer as they are.
    assert not [rule for rule in rules if rule[0] in "æøåÆØÅ"]
    names = [f if isinstance(f, str) else f["type"] for f in filters]
    assert names == [
        "lowercase",
        "stop",
        "keyword_marker",
        "stemmer_override",
        "condition",
        "stemmer",
        "pattern_replace",
        "pattern_replace",
        "pattern_replace",
        "stemmer_override",
    ]
    # asciifolding would fold letters that normalise keeps (ł, ß), see the module.
    assert "asciifolding" not in names
    (stemmer,) = of_type(filters, "stemmer")
    assert stemmer["language"] == "danish"
    folds = {(f["pattern"], f["replacement"]) for f in of_type(filters, "pattern_replace")}
    assert folds == {("æ", "ae"), ("ø", "oe"), ("å", "aa")}


def test_stop_words_are_normalised(analysis):
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    (stop,) = of_type(filters, "stop")
    assert {"og", "på", "også"} <= set(stop["stopwords"])
    assert "paa" not in stop["stopwords"]  # an ASCII "paa" is a word in the text


def test_compound_splitting_uses_the_word_list(analysis):
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    (split,) = of_type(filters, "condition")
    (name,) = split["filter"]
    compounds = analysis["filter"][name]
    assert compounds["type"] == "dictionary_decompounder"
    assert compounds["min_subword_size"] == 3
    assert compounds["only_longest_match"] is True
    words = set(compounds["word_list"])
    assert {"misbrug", "behandling", "rusmiddel", "rusmidler"} <= words
    # The text is split before it is folded, so the list has the Danish letters;
    # Python splits folded stems, so the folded spellings are there too.
    assert {"forløb", "pårørende", "første"} <= words
    assert {"forloeb", "paaroerende", "foerste"} <= words


def test_lexicon_gives_irregular_forms_their_term(analysis):
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    before, after = of_type(filters, "stemmer_override")
    # Before stemming: the unfolded spelling -> the folded term Python indexes.
    assert {
        "rusmidler => rusmiddel",
        "stofferne => stof",
        "pårørende => paaroer",
        "forløb => forloeb",
    } <= set(before["rules"])
    da = analyzer("da")
    assert da.word("rusmidler").term == "rusmiddel"
    assert da.word("pårørende").term == "paaroer"
    # After stemming and folding: folded stems only, no rule that changes nothing.
    assert "rusmidl => rusmiddel" in after["rules"]
    for rule in after["rules"]:
        word, term = rule.split(" => ")
        assert word != term
        assert not set(word) & set("æøå")


def test_stop_words_are_cut_before_tokenizing(analysis):
    """So that a phrase without its stop words (as the parser makes it) matches."""
    _spec, chars, _filters = chain(analysis, "sitesearch_da")
    (pattern,) = of_type(chars, "pattern_replace")
    assert pattern["replacement"] == ""
    assert "|og|" in pattern["pattern"] and "|på|" in pattern["pattern"]
    assert "|paa|" not in pattern["pattern"]
    assert "CASE_INSENSITIVE" in pattern["flags"]


def _unescape(text):
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text)


def run_chain(analysis, name, word):
    """The term an analyzer gives one word, applying its filters as ES does
    (the compound parts aside: the decompounder adds tokens, the word stays)."""
    _spec, chars, filters = chain(analysis, name)
    for char_filter in chars:
        if char_filter["type"] == "mapping":
            pairs = [rule.split(" => ") for rule in char_filter["mappings"]]
            rules = {_unescape(lhs): _unescape(rhs) for lhs, rhs in pairs}
            assert all(len(lhs) == 1 for lhs in rules)
            word = "".join(rules.get(ch, ch) for ch in word)
        elif char_filter["type"] == "pattern_replace":
            (words,) = re.findall(r"\(\?:([^)]*)\)", char_filter["pattern"])
            if word.lower() in words.split("|"):
                return None
        else:
            raise AssertionError(f"no model of {char_filter['type']}")
    keyword = False
    for token_filter in filters:
        kind = token_filter if isinstance(token_filter, str) else token_filter["type"]
        if kind == "lowercase":
            word = word.lower()
        elif kind == "stop":
            if word in token_filter["stopwords"]:
                return None
        elif kind == "keyword_marker":
            pattern = token_filter["keywords_pattern"].replace(r"\p{Nd}", r"\d")
            keyword = keyword or bool(re.fullmatch(pattern, word))
        elif kind == "stemmer_override":
            rules = dict(rule.split(" => ") for rule in token_filter["rules"])
            if not keyword and word in rules:
                word, keyword = rules[word], True
        elif kind == "condition":
            pass
        elif kind == "stemmer":
            assert token_filter["language"] == "danish"
            if not keyword:
                word = snowballstemmer.stemmer("danish").stemWord(word)
        elif kind == "pattern_replace":
            word = re.sub(token_filter["pattern"], token_filter["replacement"], word)
        else:
            raise AssertionError(f"no model of {kind}")
    return word


TRICKY = (
    "Forløbet HJEMLØSE hjemloese PÅ paa Pårørende paaroerende første foerste læg "
    "rusmidlerne Stofferne Ärger Öl idéerne Müller café Łódź straße 2år 3.2 også Også"
)


def test_danish_chain_gives_the_python_terms(analysis):
    """Every word of the test corpus, and some hard ones, get the term Python
    gives them: the query parser sends Python's terms."""
    da = analyzer("da")
    corpus = (Path(__file__).parent / "corpus.yaml").read_text("utf-8")
    words = {m.group() for m in TOKEN.finditer(f"{corpus} {TRICKY}")}
    assert len(words) > 300
    wrong = {}
    for word in sorted(words):
        token = da.word(word)
        expected = token.term if token else None
        got = run_chain(analysis, "sitesearch_da", word)
        if got != expected:
            wrong[word] = (got, expected)
    assert wrong == {}


def test_english_analyzer_stems_like_the_python_one(analysis):
    _spec, chars, filters = chain(analysis, "sitesearch_en")
    (stemmer,) = of_type(filters, "stemmer")
    assert stemmer["language"] == "porter2"  # Snowball English
    (stop,) = of_type(filters, "stop")
    assert "the" in stop["stopwords"] and "og" not in stop["stopwords"]
    # English is folded like analysis.fold, before stemming (the Danish is not).
    (mapping,) = of_type(chars, "mapping")
    assert {"ø => oe", "æ => ae", "Ø => OE"} <= set(mapping["mappings"])
    names = [f if isinstance(f, str) else f["type"] for f in filters]
    assert names.index("asciifolding") < names.index("stop") < names.index("stemmer")


def test_field_mappings(definition):
    properties = definition["mappings"]["properties"]
    # A unit's text sits under its language, analysed as that language only.
    for language in ("da", "en"):
        fields = properties[language]["properties"]
        assert set(fields) == {"title", "lead", "body"}
        for field in fields.values():
            assert field["type"] == "text"
            assert field["analyzer"] == f"sitesearch_{language}"
            assert field["search_analyzer"] == "sitesearch_terms"
            assert "fields" not in field  # no second analysis of the same text
    assert not {"title", "lead", "body"} & set(properties)
    for field in ("type", "dokument", "region", "maalgruppe", "tema", "key", "kind", "language"):
        assert properties[field]["type"] == "keyword"
    assert properties["page_id"]["type"] == "integer"
    assert properties["facet_labels"] == {"type": "object", "enabled": False}
    suggest = properties["suggest"]
    assert suggest["type"] == "completion"
    assert suggest["analyzer"] == "sitesearch_suggest"
    assert suggest["contexts"] == [{"name": "language", "type": "category"}]
    assert definition["mappings"]["dynamic"] == "strict"


def test_query_terms_are_not_analysed_again(analysis):
    spec = analysis["analyzer"]["sitesearch_terms"]
    assert spec["tokenizer"] == "whitespace"
    assert spec["filter"] == ["lowercase"]


# --- Documents ------------------------------------------------------------------


def test_unit_document():
    unit = Unit(
        kind="afsnit",
        title="Koordineret misbrugsbehandling",
        url="/vejledning/x/",
        anchor="koordinering",
        trail=("Vejledning", "Kapitel 2"),
        facets={
            "region": [("hovedstaden", "Region Hovedstaden")],
            "tema": [("misbrug", "Misbrug"), ("psykiatri", "Psykiatri")],
        },
        page_id=7,
    )
    doc_id, source = unit_document(unit, 7)
    assert doc_id == unit.key
    assert source["page_id"] == 7
    assert source["language"] == "da"
    assert source["da"] == {"title": "Koordineret misbrugsbehandling", "lead": "", "body": ""}
    assert "en" not in source
    assert source["type"] == ["afsnit"]
    assert source["region"] == ["hovedstaden"]
    assert source["tema"] == ["misbrug", "psykiatri"]
    assert source["dokument"] == []
    assert source["facet_labels"]["region:hovedstaden"] == "Region Hovedstaden"
    assert source["facet_labels"]["type:afsnit"] == "Afsnit"
    assert source["trail"] == ["Vejledning", "Kapitel 2"]
    inputs = [text for entry in source["suggest"] for text in entry["input"]]
    assert inputs == ["Koordineret misbrugsbehandling", "misbrugsbehandling"]
    assert all(entry["contexts"] == {"language": ["da"]} for entry in source["suggest"])


def test_editions_are_searchable_but_not_suggested():
    edition = Unit(kind="udgave", title="Dokument: 1. udgave", url="/d/udgaver/1/", page_id=3)
    _id, source = unit_document(edition, 3)
    assert source["da"]["title"] == "Dokument: 1. udgave"
    assert source["suggest"] == []


def test_suggest_inputs_rank_title_starts_first():
    whole, tails = suggest_inputs("Behandling i  kommunen\x1f", "da")
    assert whole["input"] == ["Behandling i kommunen"]
    assert tails["input"] == ["i kommunen", "kommunen"]
    assert whole["weight"] > tails["weight"] > 0
    assert suggest_inputs("   ", "da") == []


# --- Searches -------------------------------------------------------------------


def body(query, language="da", **kwargs):
    return build_search(SearchRequest(parse(query, language), **kwargs), index="t").to_dict()


def matched(search):
    """The query that decides which units match (ranking and the filter of
    earlier versions around it)."""
    (found,) = search["query"]["function_score"]["query"]["bool"]["must"]
    return found


def in_language(search, language="da"):
    """The bool query that matches the units in `language`."""
    (found,) = [
        clause["bool"]
        for clause in matched(search)["bool"]["should"]
        if clause["bool"]["filter"] == [{"term": {"language": language}}]
    ]
    return found


def test_every_language_is_matched_with_its_own_analysis():
    search = body("misbruget")
    assert matched(search)["bool"]["minimum_should_match"] == 1
    assert len(matched(search)["bool"]["should"]) == 2
    danish, english = in_language(search, "da"), in_language(search, "en")
    assert {m["query"] for m in clauses(danish["must"], "multi_match")} == {"misbrug", "rusmiddel"}
    # Snowball English leaves "misbruget" alone, and English has no synonyms.
    (match,) = clauses(english["must"], "multi_match")
    assert match["query"] == "misbruget"
    assert match["fields"] == ["en.title^10", "en.lead^3", "en.body"]


def test_plain_query():
    query = in_language(body("misbruget"))
    assert query["filter"] == [{"term": {"language": "da"}}]
    matches = clauses(query["must"], "multi_match")
    # "misbruget" is "misbrug", and the synonym "rusmiddel".
    assert {m["query"] for m in matches} == {"misbrug", "rusmiddel"}
    for match in matches:
        assert match["fields"] == ["da.title^10", "da.lead^3", "da.body"]
        assert match["type"] == "best_fields"
        assert match["operator"] == "and"
    (either,) = clauses(query["must"], "bool")
    assert either["minimum_should_match"] == 1
    # The reader's own word ranks above the synonym.
    assert [m["query"] for m in clauses(query["should"], "multi_match")] == ["misbrug"]


def test_one_word_without_synonyms_is_one_clause():
    query = in_language(body("kvaliteten"))
    assert query["must"] == [
        {
            "multi_match": {
                "query": "kvalit",
                "fields": ["da.title^10", "da.lead^3", "da.body"],
                "type": "best_fields",
                "operator": "and",
                "tie_breaker": 0.3,
            }
        }
    ]
    assert "should" not in query


def test_phrase_and_synonym():
    (root,) = in_language(body('misbrug "psykisk lidelse"'))["must"]
    word, phrase = root["bool"]["must"]
    assert word["bool"]["minimum_should_match"] == 1
    assert [m["multi_match"]["query"] for m in word["bool"]["should"]] == ["misbrug", "rusmiddel"]
    assert phrase["multi_match"]["type"] == "phrase"
    assert phrase["multi_match"]["query"] == "psykisk lid"


def test_compound_query_accepts_the_whole_word_or_all_parts():
    (root,) = in_language(body("misbrugsbehandlingen"))["must"]
    whole, parts = root["bool"]["should"]
    assert whole["multi_match"]["query"] == "misbrugsbehandling"
    assert [m["multi_match"]["query"] for m in parts["bool"]["must"]] == ["misbrug", "behandling"]


def test_english_query_uses_english_fields():
    query = in_language(body("studies", language="en"), "en")
    assert query["filter"] == [{"term": {"language": "en"}}]
    (match,) = clauses(query["must"], "multi_match")
    assert match["query"] == "studi"
    assert match["fields"] == ["en.title^10", "en.lead^3", "en.body"]


def test_a_language_whose_analysis_is_empty_is_not_matched():
    # "the" is an English stop word: only the Danish analysis has a word left.
    search = body('"the"', language="da")
    assert matched(search)["bool"]["filter"] == [{"term": {"language": "da"}}]
    assert search["sort"][0] == "_score"  # one language: nothing to put first


def test_facet_filters_narrow_hits_but_not_their_own_counts():
    filters = {"region": ["hovedstaden", "sjaelland"], "tema": ["misbrug"], "ukendt": ["x"]}
    search = body("misbrug", filters=filters)
    region = {"terms": {"region": ["hovedstaden", "sjaelland"]}}
    tema = {"terms": {"tema": ["misbrug"]}}
    # Values OR-ed within a facet, facets AND-ed; the query itself is unfiltered
    # by facets, so the aggregations see every match.
    assert search["post_filter"] == {"bool": {"filter": [region, tema]}}
    assert not clauses(search["query"], "terms")
    aggs = search["aggs"]
    assert set(aggs) == {"type", "dokument", "region", "maalgruppe", "tema", "chosen"}
    assert aggs["region"]["filter"] == {"bool": {"filter": [tema]}}
    assert aggs["tema"]["filter"] == {"bool": {"filter": [region]}}
    for facet in ("type", "dokument", "maalgruppe"):
        assert aggs[facet]["filter"] == {"bool": {"filter": [region, tema]}}
    for facet in ("type", "dokument", "region", "maalgruppe", "tema"):
        assert aggs[facet]["aggs"][facet]["terms"] == {"field": facet, "size": 100}
    # Labels of chosen values are looked up whatever the query matched.
    assert "global" in aggs["chosen"]
    assert aggs["chosen"]["aggs"]["region"]["filter"] == region


def test_without_filters_counts_are_unfiltered():
    search = body("misbrug")
    assert "post_filter" not in search
    assert "chosen" not in search["aggs"]
    assert all(search["aggs"][f]["filter"] == {"match_all": {}} for f in ("type", "region"))


def test_highlighting():
    highlight = body("misbrug")["highlight"]
    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert highlight["number_of_fragments"] == 1
    assert 150 <= highlight["fragment_size"] <= 250
    # Every language's fields: a unit only has those of its own language.
    assert list(highlight["fields"]) == [
        "da.title",
        "da.lead",
        "da.body",
        "en.title",
        "en.lead",
        "en.body",
    ]
    assert highlight["fields"]["da.title"] == {"number_of_fragments": 0}
    assert highlight["fields"]["en.title"] == {"number_of_fragments": 0}
    english = body("studies", language="en")["highlight"]
    assert list(english["fields"])[:3] == ["en.title", "en.lead", "en.body"]


def test_pagination():
    search = body("misbrug", page=3, per_page=10)
    assert (search["from"], search["size"]) == (20, 10)
    assert search["track_total_hits"] is True
    first = body("misbrug", page=0, per_page=5)
    assert (first["from"], first["size"]) == (0, 5)


def test_known_values():
    search = build_known_values("region", ["hovedstaden", "nowhere"], index="t").to_dict()
    assert search["size"] == 0
    assert search["query"] == {
        "bool": {"filter": [{"terms": {"region": ["hovedstaden", "nowhere"]}}]}
    }
    assert search["aggs"]["known"]["terms"]["field"] == "region"


# --- Autocomplete ---------------------------------------------------------------


def test_suggest_body():
    request = build_suggest(parse_prefix("misb"), "da", limit=5)
    # One completion per language, the reader's first, each in its own context.
    assert list(request["suggest"]) == ["da_typed", "en_typed"]
    for language in ("da", "en"):
        suggestion = request["suggest"][f"{language}_typed"]
        assert suggestion["prefix"] == "misb"
        completion = suggestion["completion"]
        assert completion["field"] == "suggest"
        assert completion["size"] >= 5
        assert completion["contexts"] == {"language": [language]}
        # Equal inputs of different titles must not hide each other (see build_suggest).
        assert completion["skip_duplicates"] is False
    assert set(request["_source"]) >= {"language", "da.title", "en.title", "url", "anchor", "kind"}
    assert request["size"] == 0  # the suggestions only, no hits


def test_suggest_body_also_tries_the_analysed_word():
    request = build_suggest(Prefix((), "rusmidler", "rusmiddel"), "da", limit=5)
    assert [s["prefix"] for s in request["suggest"].values()] == ["rusmidler", "rusmiddel"]


def test_suggest_body_for_folded_prefix():
    request = build_suggest(parse_prefix("forlø"), "da")
    assert [s["prefix"] for s in request["suggest"].values()][0] == "forloe"


def test_suggest_body_in_english_asks_english_first():
    request = build_suggest(parse_prefix("treatments", "en"), "en")
    assert list(request["suggest"]) == ["en_typed", "en_term", "da_typed", "da_term"]
    assert request["suggest"]["en_term"]["prefix"] == "treatment"
    assert request["suggest"]["en_term"]["completion"]["contexts"] == {"language": ["en"]}
    # The reader's language can also be given apart from the prefix's.
    assert list(build_suggest(parse_prefix("treatments", "en"), "da")["suggest"])[0] == "da_typed"


def option(title, kind="dokument", url="/a/", anchor="", language="da"):
    source = {"language": language, language: {"title": title}}
    return {"text": title, "_source": {**source, "kind": kind, "url": url, "anchor": anchor}}


def test_suggestions_keep_titles_with_the_earlier_words_once():
    raw = {
        "suggest": {
            "da_typed": [
                {
                    "options": [
                        option("Behandling i kommunen"),
                        option("Koordineret misbrugsbehandling", "afsnit", "/b/", "x"),
                        option("Koordineret misbrugsbehandling", "afsnit", "/c/"),
                    ]
                }
            ]
        }
    }
    found = suggestions_from_response(raw, parse_prefix("koordineret beh"), "da", limit=5)
    assert [(s.label, s.url, s.kind) for s in found] == [
        ("Koordineret misbrugsbehandling", "/b/#x", "Afsnit")
    ]
    everything = suggestions_from_response(raw, parse_prefix("beh"), "da", limit=1)
    assert [s.label for s in everything] == ["Behandling i kommunen"]


def test_suggestions_in_the_readers_language_first():
    raw = {
        "suggest": {
            "da_typed": [{"options": [option("Behandlingsforløb", url="/da/")]}],
            "en_typed": [{"options": [option("Behaviour", url="/en/", language="en")]}],
        }
    }
    english = suggestions_from_response(raw, parse_prefix("beh", "en"), "en")
    assert [(s.label, s.url, s.language) for s in english] == [
        ("Behaviour", "/en/", "en"),
        ("Behandlingsforløb", "/da/", "da"),
    ]
    danish = suggestions_from_response(raw, parse_prefix("beh", "da"), "da")
    assert [s.label for s in danish] == ["Behandlingsforløb", "Behaviour"]


# --- Responses ------------------------------------------------------------------


def test_hit_uses_highlights_and_escapes_the_rest():
    raw = {
        "_id": "page:3",
        "_score": 2.5,
        "_source": {
            "key": "page:3",
            "kind": "dokument",
            "language": "da",
            "da": {
                "title": "<Misbrug> & co",
                "lead": "<script>alert(1)</script> " + "ord " * 100,
                "body": "",
            },
            "url": "/v/",
            "anchor": "a",
            "trail": ["Vejledning", "Afsnit"],
            "region": ["hovedstaden"],
            "facet_labels": {"region:hovedstaden": "Region Hovedstaden"},
        },
    }
    hit = hit_from_raw(raw)
    assert hit.title == "&lt;Misbrug&gt; &amp; co"
    assert hit.snippet.startswith("&lt;script&gt;")
    assert len(hit.snippet) < 260
    assert hit.url == "/v/#a"
    assert hit.trail == "Vejledning › Afsnit"
    assert hit.region == "Region Hovedstaden"
    assert hit.score == 2.5
    assert hit.language == "da"

    raw["highlight"] = {
        "da.title": ["&lt;<mark>Misbrug</mark>&gt; &amp; co"],
        "da.lead": ["lead <mark>misbrug</mark>"],
        "da.body": ["body <mark>misbrug</mark>"],
    }
    hit = hit_from_raw(raw)
    assert hit.title == "&lt;<mark>Misbrug</mark>&gt; &amp; co"
    assert hit.snippet == "body <mark>misbrug</mark>"
    del raw["highlight"]["da.body"]
    assert hit_from_raw(raw).snippet == "lead <mark>misbrug</mark>"


def test_facets_from_aggregations():
    def bucket(value, count, label=None):
        labels = {"region:" + value: label} if label else {}
        hits = [{"_source": {"facet_labels": labels}}]
        return {"key": value, "doc_count": count, "label": {"hits": {"hits": hits}}}

    aggs = {
        "type": {
            "type": {
                "buckets": [{"key": "afsnit", "doc_count": 2}, {"key": "dokument", "doc_count": 1}]
            }
        },
        "region": {
            "region": {
                "buckets": [
                    bucket("sjaelland", 4, "Region Sjælland"),
                    bucket("hovedstaden", 1, "Region Hovedstaden"),
                ]
            }
        },
        "chosen": {
            "region": {"region": {"buckets": [bucket("nordjylland", 9, "Region Nordjylland")]}}
        },
    }
    facets = facets_from_aggs(aggs, {"region": ["hovedstaden", "nordjylland"]})
    assert [(v.value, v.count) for v in facets["type"]] == [("dokument", 1), ("afsnit", 2)]
    assert [(v.label, v.count, v.selected) for v in facets["region"]] == [
        ("Region Hovedstaden", 1, True),
        ("Region Nordjylland", 0, True),
        ("Region Sjælland", 4, False),
    ]
    assert facets["tema"] == []


# --- Ranking (docs/search.md, "Ranking") -----------------------------------------


def ranking(search):
    return search["query"]["function_score"]


def es_score(functions, language, tier, title_strict, title_any, strict, relevance):
    """What ES makes of the functions for a hit with these properties (sum of the
    weights of the functions whose filter it passes, boost_mode replace)."""
    total = 0.0
    for function in functions:
        if "script_score" in function:
            assert function["script_score"]["script"]["source"] == "_score / (_score + 1)"
            total += relevance / (relevance + 1)
            continue
        conditions = function["filter"].get("bool", {}).get("filter", [function["filter"]])
        passes = True
        for condition in conditions:
            if "term" in condition and "language" in condition["term"]:
                passes &= condition["term"]["language"] == language
            elif "term" in condition:
                passes &= condition["term"]["tier"] == tier
            elif "range" in condition:
                passes &= tier < condition["range"]["tier"]["lt"]
            else:  # a text match: on the title only, or on every field
                fields = {f for m in clauses(condition, "multi_match") for f in m["fields"]}
                on_title = fields == {f"{language}.title"}
                own = {m["query"] for m in clauses(condition, "multi_match")} == {"misbrug"}
                passes &= (title_strict if own else title_any) if on_title else strict
        total += function["weight"] if passes else 0
    return total


def test_hits_are_ordered_by_title_match_then_own_words_then_tier_then_score():
    search = body("misbrug")
    scoring = ranking(search)
    assert (scoring["score_mode"], scoring["boost_mode"]) == ("sum", "replace")
    assert search["sort"][-2:] == ["_score", {"key": "asc"}]
    # Every combination a hit can have: (own word in title, a clause in title,
    # own word anywhere); tier; the engine's score.
    matches = [(1, 1, 1), (0, 1, 1), (0, 1, 0), (0, 0, 1), (0, 0, 0)]
    hits = [
        (match, tier, relevance)
        for match in matches
        for tier in (1, 2, 3)
        for relevance in (0.2, 3.0, 40.0)
    ]

    def expected(hit):
        (title_strict, title_any, strict), tier, relevance = hit
        lifted = tier < 3  # a frozen copy's title does not lift it
        return (-(lifted and title_strict), -(lifted and title_any), -strict, tier, -relevance)

    def es(hit):
        (title_strict, title_any, strict), tier, relevance = hit
        return -es_score(
            scoring["functions"], "da", tier, title_strict, title_any, strict, relevance
        )

    assert sorted(hits, key=es) == sorted(hits, key=expected)


def test_title_matches_look_at_the_title_and_own_words_at_every_field():
    functions = ranking(body("misbrug"))["functions"]
    danish = [
        f
        for f in functions
        if {"term": {"language": "da"}} in f.get("filter", {}).get("bool", {}).get("filter", [])
    ]
    title_strict, title_any, strict = (f["filter"]["bool"]["filter"] for f in danish)
    assert [m["query"] for m in clauses(title_strict, "multi_match")] == ["misbrug"]
    # Any clause of the query in the title: the synonym too.
    assert {m["query"] for m in clauses(title_any, "multi_match")} == {"misbrug", "rusmiddel"}
    for conditions in (title_strict, title_any):
        assert {"range": {"tier": {"lt": 3}}} in conditions
        assert all(m["fields"] == ["da.title"] for m in clauses(conditions, "multi_match"))
    (own,) = clauses(strict, "multi_match")
    assert own["fields"] == ["da.title", "da.lead", "da.body"]


def test_superseded_units_are_left_out_unless_asked_for():
    today = datetime.date(2025, 6, 1)
    search = body("misbrug", today=today)
    (current,) = search["query"]["function_score"]["query"]["bool"]["filter"]
    assert {"range": {"superseded_on": {"gt": "2025-06-01"}}} in current["bool"]["should"]
    assert {"bool": {"must_not": [{"exists": {"field": "superseded_on"}}]}} in current["bool"][
        "should"
    ]
    everything = body("misbrug", today=today, include_superseded=True)
    assert "bool" in everything["query"]["function_score"]["query"]
    assert "superseded_on" not in str(everything["query"])


def test_unit_document_carries_tier_and_superseded_on():
    edition = Unit(
        kind="udgave",
        title="Dokument: 1. udgave",
        url="/d/udgaver/1/",
        page_id=3,
        superseded_on=datetime.date(2024, 1, 1),
    )
    _id, source = unit_document(edition, 3)
    assert source["tier"] == 3
    assert source["superseded_on"] == "2024-01-01"
    _id, section = unit_document(Unit(kind="afsnit", title="A", url="/a/", page_id=3), 3)
    assert (section["tier"], section["superseded_on"]) == (1, None)
