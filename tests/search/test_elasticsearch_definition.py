"""The Elasticsearch backend's index definition and request bodies, without a server."""

import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import snowballstemmer
from django.core.management import call_command
from django.test import override_settings

from search.analysis import DERIVATION, TOKEN, analyzer, normalise
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
from search.backends.elasticsearch_lexicon import (
    FILES,
    INLINE_PARTS,
    PARTS,
    STEMS,
    WRITTEN,
    lexicon_lists,
)
from search.lexicon import MAX_PART, MIN_PART
from search.query import Prefix, parse, parse_prefix
from search.units import Unit

pytestmark = pytest.mark.django_db  # parsing a query reads the index's vocabulary


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

LEXICON_PATH = "analysis/sitesearch"


@pytest.fixture(scope="module")
def config_dir(tmp_path_factory):
    """An Elasticsearch config directory with the exported lexicon in it."""
    config = tmp_path_factory.mktemp("es-config")
    call_command("export_search_lexicon", str(config / LEXICON_PATH), stdout=io.StringIO())
    return config


@pytest.fixture(scope="module")
def path_analysis():
    """The analysis settings when the nodes have the lexicon files."""
    with override_settings(ELASTICSEARCH_LEXICON_PATH=LEXICON_PATH):
        return index_definition("test-units").to_dict()["settings"]["analysis"]


def names(filters):
    return [f if isinstance(f, str) else f["type"] for f in filters]


def inner(analysis, condition):
    """The filters a condition filter applies."""
    return [analysis["filter"].get(n, n) for n in condition["filter"]]


def test_danish_analyzer_chain(analysis):
    """In the order of the Python analysis (Analyzer._word): normalise, stop
    words, written forms, stem on the Danish letters, derivation, fold to
    ASCII, stems of forms, and split the term that gives."""
    spec, chars, filters = chain(analysis, "sitesearch_da")
    assert spec["tokenizer"] == "standard"
    assert [c["type"] for c in chars] == ["mapping", "pattern_replace"]
    rules = chars[0]["mappings"]
    assert {"ä => æ", "Ä => æ", "ö => ø", "Ö => ø", "é => e", "Ü => u"} <= set(rules)
    # No folding before stemming: æ, ø and å reach the stemmer as they are.
    assert not [rule for rule in rules if rule[0] in "æøåÆØÅ"]
    assert names(filters) == [
        "lowercase",
        "stop",
        "keyword_marker",
        "stemmer_override",
        "stemmer",
        "condition",
        "pattern_replace",
        "pattern_replace",
        "pattern_replace",
        "stemmer_override",
        "condition",
        "remove_duplicates",
    ]
    # asciifolding would fold letters that normalise keeps (ł, ß), see the module.
    assert "asciifolding" not in names(filters)
    (stemmer,) = of_type(filters, "stemmer")
    assert stemmer["language"] == "danish"
    folds = {(f["pattern"], f["replacement"]) for f in of_type(filters, "pattern_replace")}
    assert folds == {("æ", "ae"), ("ø", "oe"), ("å", "aa")}
    derive, split = of_type(filters, "condition")
    assert names(inner(analysis, derive)) == ["pattern_replace"]
    assert names(inner(analysis, split)) == ["dictionary_decompounder"]


def test_derivation_is_the_python_pattern(analysis):
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    derive, _split = of_type(filters, "condition")
    (replace,) = inner(analysis, derive)
    assert replace["pattern"] == DERIVATION
    assert replace["replacement"] == "$1"  # Java's group reference
    # Not on written forms and numbers (keywords), which Python does not derive.
    assert derive["script"] == {"source": "!token.isKeyword()"}
    # It compiles in Python, and nothing in it is Python's own syntax (named
    # groups, conditionals, \Z, inline comments) that Java reads otherwise.
    pattern = re.compile(replace["pattern"])
    assert not re.search(r"\(\?P|\(\?\(|\(\?#|\\Z|\\A", replace["pattern"])
    assert pattern.sub(r"\1", "koordinering") == "koordin"
    assert pattern.sub(r"\1", "forening") == "foren"
    assert pattern.sub(r"\1", "ting") == "ting"


@pytest.mark.skipif(not shutil.which("java"), reason="needs java")
def test_derivation_reads_alike_in_java(tmp_path):
    """Java's regex engine (Elasticsearch's) gives what Python's does, for the
    stems of every word of the test corpus and some made to test the edges."""
    da = analyzer("da")
    corpus = (Path(__file__).parent / "corpus.yaml").read_text("utf-8")
    words = {normalise(m.group()) for m in TOKEN.finditer(corpus)}
    stems = sorted({da._stemmer.stemWord(w) for w in words if w.isalpha()})
    stems += ["koordinering", "forening", "vurdering", "udskrivning", "ting", "ering", "søgning"]
    source = tmp_path / "Derive.java"
    source.write_text(
        "import java.io.*; import java.nio.charset.StandardCharsets; import java.util.regex.*;\n"
        "public class Derive { public static void main(String[] a) throws IOException {\n"
        "  BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "
        "StandardCharsets.UTF_8));\n"
        "  PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);\n"
        "  Pattern p = Pattern.compile(in.readLine()); String w;\n"
        '  while ((w = in.readLine()) != null) out.println(p.matcher(w).replaceAll("$1"));\n'
        "} }\n",
        "utf-8",
    )
    run = subprocess.run(
        ["java", str(source)],
        input="\n".join([DERIVATION, *stems]) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    python = [re.sub(DERIVATION, r"\1", stem) for stem in stems]
    assert run.stdout.splitlines() == python
    assert python != stems  # the corpus has words the step changes


def test_stop_words_are_normalised(analysis):
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    (stop,) = of_type(filters, "stop")
    assert {"og", "på", "også"} <= set(stop["stopwords"])
    assert "paa" not in stop["stopwords"]  # an ASCII "paa" is a word in the text


def lexicon_filters(analysis):
    """(written forms, stems of forms, decompounder) of the Danish analyzer."""
    _spec, _chars, filters = chain(analysis, "sitesearch_da")
    written, stems = of_type(filters, "stemmer_override")
    _derive, split = of_type(filters, "condition")
    (compounds,) = inner(analysis, split)
    return written, stems, compounds


def test_inline_lexicon_is_the_common_part(analysis):
    """Without the files, the hand list and the most common parts, with their
    forms, inline; rare words are left out so the settings stay small."""
    da = analyzer("da")
    written, stems, compounds = lexicon_filters(analysis)
    assert compounds["min_subword_size"] == MIN_PART
    assert compounds["max_subword_size"] == MAX_PART
    assert compounds["min_word_size"] == 2 * MIN_PART
    assert compounds["only_longest_match"] is False
    words = set(compounds["word_list"])
    listed = {term for term in da.lexicon.listed if MIN_PART <= len(term) <= MAX_PART}
    assert listed <= words
    assert {"misbrug", "behandl", "forloeb", "psykiatri", "hjem", "konsulent"} <= words
    assert "abacavir" in da.lexicon.parts and "abacavir" not in words
    assert len(listed) < len(words) <= INLINE_PARTS + len(listed)
    whole = lexicon_lists()
    assert len(words) < len(whole.parts) / 4
    # Written forms in each spelling that folds alike, to the term Python gives.
    assert {"rusmidler => rusmiddel", "afløste => afloes", "afloeste => afloes"} <= set(
        written["rules"]
    )
    assert da.word("rusmidler").term == "rusmiddel"
    assert da.word("afløste").term == "afloes"
    assert "rusmidl => rusmiddel" in stems["rules"]
    assert set(written["rules"]) < set(whole.written)
    assert set(stems["rules"]) < set(whole.stems)
    # Stems are folded, and no rule changes nothing.
    for rule in stems["rules"]:
        stem, term = rule.split(" => ")
        assert stem != term
        assert not set(stem) & set("æøå")


def test_lexicon_files_when_the_nodes_have_them(path_analysis):
    written, stems, compounds = lexicon_filters(path_analysis)
    assert compounds["word_list_path"] == f"{LEXICON_PATH}/{PARTS}"
    assert written["rules_path"] == f"{LEXICON_PATH}/{WRITTEN}"
    assert stems["rules_path"] == f"{LEXICON_PATH}/{STEMS}"
    assert "word_list" not in compounds
    assert "rules" not in written and "rules" not in stems


def read_lines(path):
    return path.read_text("utf-8").splitlines()


def test_exported_files_hold_the_whole_lexicon(config_dir, analysis):
    folder = config_dir / LEXICON_PATH
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    files = {name: read_lines(folder / name) for name in FILES}
    whole = lexicon_lists()
    assert files == {name: list(lines) for name, lines in whole.files().items()}
    # Every part Python may give, from every base word of the lexicon.
    da = analyzer("da")
    terms = {term for term, _score in da.lexicon.parts.values()}
    assert set(files[PARTS]) == {t for t in terms if MIN_PART <= len(t) <= MAX_PART}
    assert len(files[PARTS]) > 50_000
    # The inline lists are a part of the files, line for line.
    written, stems, compounds = lexicon_filters(analysis)
    subset = lexicon_lists(INLINE_PARTS)
    assert compounds["word_list"] == list(subset.parts)
    assert written["rules"] == list(subset.written)
    assert stems["rules"] == list(subset.stems)
    assert set(subset.parts) < set(files[PARTS])
    assert set(subset.written) < set(files[WRITTEN])
    assert set(subset.stems) < set(files[STEMS])


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


SPLIT_SCRIPT = re.compile(
    r"def t = token\.getTerm\(\); return t\.length\(\) > 0 && t\.length\(\) <= (\d+) "
    r"&& !Character\.isDigit\(t\.charAt\(0\)\) "
    r"&& ' ([a-z ]*) '\.indexOf\(' ' \+ t\.toString\(\) \+ ' '\) < 0;"
)


class Chain:
    """A model of an analyzer, applying its filters as Elasticsearch does, with
    the lists inline or read from `config` (the nodes' config directory)."""

    def __init__(self, analysis, name, config=None):
        _spec, self.chars, self.filters = chain(analysis, name)
        self.analysis = analysis
        self.config = config
        self._lists = {}

    def _cached(self, spec, kind, make):
        key = (id(spec), kind)  # the filter definitions live as long as the model
        if key not in self._lists:
            self._lists[key] = make()
        return self._lists[key]

    def lines(self, spec, kind):
        if kind in spec:
            return spec[kind]
        return read_lines(self.config / spec[f"{kind}_path"])

    def rules(self, spec):
        return self._cached(
            spec, "rules", lambda: dict(rule.split(" => ") for rule in self.lines(spec, "rules"))
        )

    def words(self, spec):
        return self._cached(spec, "word_list", lambda: set(self.lines(spec, "word_list")))

    def __call__(self, word):
        """The tokens of one word: [(text, keyword)], the word's own first."""
        for char_filter in self.chars:
            if char_filter["type"] == "mapping":
                pairs = [rule.split(" => ") for rule in char_filter["mappings"]]
                rules = {_unescape(lhs): _unescape(rhs) for lhs, rhs in pairs}
                assert all(len(lhs) == 1 for lhs in rules)
                word = "".join(rules.get(ch, ch) for ch in word)
            elif char_filter["type"] == "pattern_replace":
                (words,) = re.findall(r"\(\?:([^)]*)\)", char_filter["pattern"])
                if word.lower() in words.split("|"):
                    return []
            else:
                raise AssertionError(f"no model of {char_filter['type']}")
        return self.apply(self.filters, [(word, False)])

    def apply(self, filters, tokens):
        for token_filter in filters:
            if token_filter == "remove_duplicates":
                # One word's tokens share a position: each text once, the first.
                seen = set()
                tokens = [t for t in tokens if not (t[0] in seen or seen.add(t[0]))]
                continue
            tokens = [out for token in tokens for out in self.one(token_filter, *token)]
        return tokens

    def one(self, token_filter, word, keyword):
        kind = token_filter if isinstance(token_filter, str) else token_filter["type"]
        if kind == "lowercase":
            return [(word.lower(), keyword)]
        if kind == "stop":
            return [] if word in token_filter["stopwords"] else [(word, keyword)]
        if kind == "keyword_marker":
            pattern = token_filter["keywords_pattern"].replace(r"\p{Nd}", r"\d")
            return [(word, keyword or bool(re.fullmatch(pattern, word)))]
        if kind == "stemmer_override":
            term = None if keyword else self.rules(token_filter).get(word)
            return [(term, True)] if term else [(word, keyword)]
        if kind == "stemmer":
            assert token_filter["language"] == "danish"
            if keyword:
                return [(word, keyword)]
            return [(snowballstemmer.stemmer("danish").stemWord(word), keyword)]
        if kind == "pattern_replace":
            replacement = re.sub(r"\$(\d)", r"\\\1", token_filter["replacement"])
            return [(re.sub(token_filter["pattern"], replacement, word), keyword)]
        if kind == "condition":
            if not self.condition(token_filter["script"]["source"], word, keyword):
                return [(word, keyword)]
            return self.apply(inner(self.analysis, token_filter), [(word, keyword)])
        if kind == "dictionary_decompounder":
            assert token_filter["only_longest_match"] is False
            found = [(word, keyword)]
            if len(word) >= token_filter["min_word_size"]:
                words = self.words(token_filter)
                low, high = token_filter["min_subword_size"], token_filter["max_subword_size"]
                for i in range(len(word)):
                    for j in range(i + low, min(len(word), i + high) + 1):
                        if word[i:j] in words:
                            found.append((word[i:j], keyword))
            return found
        raise AssertionError(f"no model of {kind}")

    @staticmethod
    def condition(source, word, keyword):
        if source == "!token.isKeyword()":
            return not keyword
        match = SPLIT_SCRIPT.fullmatch(source)
        assert match, f"no model of the script {source}"
        longest, listed = int(match[1]), match[2].split()
        return 0 < len(word) <= longest and not word[0].isdigit() and word not in listed

    def terms(self, word):
        """(term, parts) as ES indexes a word; None for a stop word."""
        tokens = [text for text, _keyword in self(word)]
        if not tokens:
            return None
        assert len(set(tokens)) == len(tokens)
        return tokens[0], set(tokens[1:])


TRICKY = (
    "Forløbet HJEMLØSE hjemloese PÅ paa Pårørende paaroerende første foerste læg "
    "rusmidlerne Stofferne Ärger Öl idéerne Müller café Łódź straße 2år 3.2 også Også "
    "koordinering koordinere koordinerende Behandling behandlingen forening centret "
    "misbrugsbehandlingen stofmisbrugskonsulent 2000tallet"
)


def corpus_words():
    corpus = (Path(__file__).parent / "corpus.yaml").read_text("utf-8")
    words = {m.group() for m in TOKEN.finditer(f"{corpus} {TRICKY}")}
    assert len(words) > 300
    return sorted(words)


def differences(model, known=None):
    """Words whose ES term is not Python's, or whose ES parts miss one of Python's
    (of those in `known`, if given)."""
    da = analyzer("da")
    wrong = {}
    for word in corpus_words():
        token = da.word(word)
        got = model.terms(word)
        if token is None or got is None:
            if token != got:
                wrong[word] = (got, token)
            continue
        term, parts = got
        expected = {p for p in token.parts if known is None or p in known}
        if term != token.term or not expected <= parts:
            wrong[word] = (got, token)
    return wrong


def test_danish_chain_gives_the_python_terms(path_analysis, config_dir):
    """With the whole lexicon, every word of the test corpus, and some hard
    ones, gets the term Python gives it (the query parser sends Python's terms)
    and at least Python's compound parts."""
    assert differences(Chain(path_analysis, "sitesearch_da", config_dir)) == {}


def test_inline_chain_gives_the_python_terms_of_common_words(analysis):
    """The inline subset is enough for the terms of the test corpus, written in
    everyday professional Danish; of Python's parts, ES finds those on its list."""
    _written, _stems, compounds = lexicon_filters(analysis)
    known = set(compounds["word_list"])
    assert differences(Chain(analysis, "sitesearch_da"), known) == {}


def test_es_parts_are_all_it_finds(path_analysis, config_dir):
    """Where ES differs: it adds every part it finds inside a term, not only
    the split Python chooses."""
    model = Chain(path_analysis, "sitesearch_da", config_dir)
    term, parts = model.terms("misbrugsbehandlingen")
    assert term == "misbrugsbehandl"
    assert {"misbrug", "behandl"} <= parts
    assert analyzer("da").word("misbrugsbehandlingen").parts == ("misbrug", "behandl")
    # Hand-listed words and numbers are never split, by either.
    assert model.terms("behandling") == ("behandl", set())
    assert model.terms("2000tallet") == ("2000tallet", set())


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
    # ("misbrugsbehandling" has synonyms; "stofmisbruget" has none.)
    (root,) = in_language(body("stofmisbruget"))["must"]
    whole, parts = root["bool"]["should"]
    assert whole["multi_match"]["query"] == "stofmisbrug"
    assert [m["multi_match"]["query"] for m in parts["bool"]["must"]] == ["stof", "misbrug"]


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


def test_suggest_body_completes_what_an_abbreviation_stands_for():
    # Seeded: KI-plan = KIP = koordinerende indsatsplan.
    request = build_suggest(parse_prefix("KIP"), "da")
    said = {name: s["prefix"] for name, s in request["suggest"].items() if "_said" in name}
    assert sorted(said.values()) == ["ki-plan", "koordinerende indsatsplan"]
    assert all(name.startswith("da_") for name in said)


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


def test_suggestions_by_a_synonym_hold_its_words():
    prefix = parse_prefix("KIP")
    name = next(
        f"da_said{n}"
        for n, (_terms, member) in enumerate(prefix.alternatives)
        if member.written == "koordinerende indsatsplan"
    )
    raw = {
        "suggest": {
            name: [
                {
                    "options": [
                        option("Koordinerende indsatsplaner", url="/plan/"),
                        # A title starting alike that is not the plan.
                        option("Koordinerende indsats i kommunen", url="/andet/"),
                    ]
                }
            ]
        }
    }
    found = suggestions_from_response(raw, prefix, "da")
    assert [s.url for s in found] == ["/plan/"]


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
