"""The Elasticsearch 8 backend.

One index, "<ELASTICSEARCH_INDEX_PREFIX>-units", holds a document per unit. Its
analyzers are built from the same word lists and lexicon as search.analysis,
so the terms ES indexes are the terms the query parser produces:

* Danish text, in the order of the Python analysis (Analyzer._word): a
  mapping char filter that is analysis.normalise written out letter by letter
  (ä/ö as æ/ø, accents dropped from every letter but æ/ø/å); stop words cut out
  of the text before tokenizing (so a phrase matches across them, as in the
  database backend); standard tokenizer, lowercase, stop; numbers marked as
  keywords (never stemmed or split); inflected forms as written to their term
  (Lexicon.written, in every spelling that folds alike: "rusmidler" ->
  "rusmiddel"), as keywords; Snowball Danish on the Danish letters; the
  derivational step (analysis.DERIVATION, the same pattern); æ/ø/å folded to
  ae/oe/aa; stems of inflected forms to their term (Lexicon.forms); and the
  term split with dictionary_decompounder against the lexicon's parts. The
  lexicon's lists come from backends/elasticsearch_lexicon.py: files on the
  nodes when ELASTICSEARCH_LEXICON_PATH is set, else a subset inline.
* English text is folded, stop-worded and stemmed with Snowball English
  (porter2), like the Python English analyzer.

Each unit is analysed in its own language only: its text goes under an object
named after the language ("da": {"title", "lead", "body"} or "en": {...}), whose
fields have that language's analyzer; `language` holds the code as a keyword.
A query is compiled once per language, from that language's analysis of it,
and each compiled query is limited to its language's units; the hits are
sorted by language (the reader's first), then by a function_score that orders
them by the steps of docs/search.md, "Ranking" (ranking_functions). Autocomplete asks one
completion per language (a context per language) and lists the reader's first.

Queries are compiled from the parsed tree, whose terms are already analysed;
the text fields therefore have a search analyzer that only splits on spaces.
The query-building functions return Search objects or dicts and need no
server, so they can be tested with .to_dict().

Differences from the Python analysis that remain:

* ES adds every part it finds inside a term (dictionary_decompounder is
  brute force: every word of the list at every letter), as extra tokens at the
  word's position. Python chooses one split, the likeliest by word frequency,
  and leaves a common word whole; ES splits any term that is not
  hand-listed. So "misbrugsbehandlingen" gets "misbrug" and "behandl" from both,
  and from ES also "brug", "handl" and the like: ES finds somewhat more, and a
  part matches with the weight of the word itself. Python's parts are among
  ES's, except where a compound holds a part in an irregular form ("-midler-"
  for "rusmiddel"): ES looks for the term's own letters in it.
* Without the lexicon files, ES knows only the inline subset: the common words'
  parts and forms. A rare inflected form then keeps its plain stem, and a rare
  part is not split off.
* The standard tokenizer follows Unicode word boundaries; Python's TOKEN
  regex splits at every non-word character (an apostrophe, an underscore).
* Python drops accents word by word after tokenizing; ES maps them in a char
  filter before it. A lone combining accent (decomposed text: an e followed
  by U+0301) ends a word for Python's TOKEN regex but is simply dropped by
  ES. The mapping covers the letters and marks of the Basic Multilingual
  Plane except Hangul syllables, which Python decomposes into jamo and ES
  leaves whole. ES lower-cases with Java's one-letter rules (no Greek final
  sigma).
* There is no asciifolding filter: normalise leaves letters without a Unicode
  decomposition (ß, ł, đ, œ, þ) as they are, and so must ES, or "Łódź" would be
  indexed as "lodz" while the parser asks for "łodz".
"""

import contextlib
import dataclasses
import functools
import math
import unicodedata

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Completion,
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Object,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from ..analysis import DERIVATION, DIGRAPH_LETTERS, LANGUAGES, fold, language_of, normalise
from ..analysis import analyzer as text_analyzer
from ..lexicon import MAX_PART, MAX_SPLIT, MIN_PART
from ..query import And, Or, Phrase, Term
from ..units import FACETS, KINDS, NOT_SUGGESTED, Tier
from . import FacetValue, Hit, SearchBackend, SearchResults, Suggestion
from .elasticsearch_lexicon import INLINE_PARTS, PARTS, STEMS, WRITTEN, lexicon_lists

TEXT_FIELDS = ("title", "lead", "body")
BOOSTS = {"title": 10, "lead": 3, "body": 1}
FACET_SIZE = 100  # distinct values listed per facet
SNIPPET_CHARS = 200
MARK = ("<mark>", "</mark>")
# Characters the completion field refuses in its input.
COMPLETION_RESERVED = str.maketrans("", "", "\x00\x1e\x1f")


def index_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-units"


def text_field(language, field):
    """The analysed field of a text field for units in `language`: "en.title"."""
    return f"{language_of(language)}.{field}"


def unit_texts(source):
    """{"title", "lead", "body"} of a document's _source, in its language."""
    return source.get(language_of(source.get("language"))) or {}


# --- Index definition -----------------------------------------------------------


def _fold_char_filter():
    """English text and the completion field: æ/ø/å/ä/ö as ae/oe/aa/ae/oe, as
    analysis.fold reads them (the Danish analyzer folds after stemming instead)."""
    letters = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"}
    mappings = [f"{k} => {v}" for k, v in letters.items()]
    mappings += [f"{k.upper()} => {v.upper()}" for k, v in letters.items()]
    return char_filter("sitesearch_fold", "mapping", mappings=mappings)


def _rule_text(text):
    """A string for a mapping rule: marks, spaces and controls as \\uXXXX (the
    rule parser trims spaces and reads such escapes)."""
    return "".join(
        f"\\u{ord(ch):04x}" if ch == "\\" or unicodedata.category(ch)[0] in "MZC" else ch
        for ch in text
    )


@functools.cache
def _normalise_mappings():
    """analysis.normalise, one character at a time, for every letter and mark of
    the Basic Multilingual Plane (Hangul syllables aside) that it changes beyond
    lower-casing (the lowercase token filter does that): ä -> æ, ö -> ø, é -> e,
    a lone combining accent -> nothing; æ, ø and å are left alone."""
    rules = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or 0xAC00 <= code <= 0xD7A3:
            continue
        ch = chr(code)
        if unicodedata.category(ch)[0] not in "LM":
            continue
        target = normalise(ch)
        if target != ch.lower():
            rules.append(f"{_rule_text(ch)} => {_rule_text(target)}")
    return rules


def _normalise_char_filter():
    return char_filter("sitesearch_da_normalise", "mapping", mappings=_normalise_mappings())


def _stopword_char_filter(name, stopwords):
    """Cuts stop words out of the text before it is tokenized. The stop token
    filter would leave a gap in the positions, and then the phrase "psykisk
    lidelse samtidigt misbrug" (a synonym, stop words dropped by the parser)
    would not match "psykisk lidelse og samtidigt misbrug". It comes after the
    analyzer's other char filter, so `stopwords` are spelled as that leaves the
    text: normalised ("på") for Danish, folded for English."""
    words = sorted((w for w in stopwords if w.isalnum()), key=lambda w: (-len(w), w))
    letter = r"[\p{L}\p{N}\p{M}]"
    pattern = f"(?<!{letter})(?:{'|'.join(words)})(?!{letter})"
    return char_filter(
        name,
        "pattern_replace",
        pattern=pattern,
        replacement="",
        flags="CASE_INSENSITIVE|UNICODE_CASE",
    )


def _numbers_filter():
    # The Python analyzer neither stems nor splits a word that starts with a digit.
    return token_filter("sitesearch_numbers", "keyword_marker", keywords_pattern=r"\p{Nd}.*")


def _danish_fold_filters():
    """æ, ø, å as ae, oe, aa (analysis.fold), after stemming."""
    return [
        token_filter(
            f"sitesearch_da_fold_{folded}", "pattern_replace", pattern=letter, replacement=folded
        )
        for folded, letter in DIGRAPH_LETTERS.items()
    ]


def _lexicon_source(path, kind, name, lines):
    """A list's part of a filter definition: the file `name` under `path` in the
    nodes' config directory (ELASTICSEARCH_LEXICON_PATH), else the lines inline."""
    if path:
        return {f"{kind}_path": f"{path.rstrip('/')}/{name}"}
    return {kind: list(lines)}


def _split_condition(listed):
    """When Python splits a term (Lexicon.split): not a number, not hand-listed,
    at most MAX_SPLIT letters (the decompounder's min_word_size sets the least)."""
    words = " ".join(sorted(listed))
    return (
        "def t = token.getTerm(); "
        f"return t.length() > 0 && t.length() <= {MAX_SPLIT} && !Character.isDigit(t.charAt(0)) "
        f"&& ' {words} '.indexOf(' ' + t.toString() + ' ') < 0;"
    )


def danish_analyzer():
    """The Danish index analyzer, in the order of analysis.Analyzer._word (see
    the module's docstring)."""
    da = text_analyzer("da")
    path = settings.ELASTICSEARCH_LEXICON_PATH
    lists = lexicon_lists(None if path else INLINE_PARTS)
    # Before stemming, an inflected form as written becomes its term and is
    # marked as a keyword, so the stemmer and the steps after it leave it alone
    # (Python: Lexicon.written of the folded word). The text is not folded yet,
    # so the rules have every spelling that folds alike.
    written = token_filter(
        "sitesearch_da_written",
        "stemmer_override",
        **_lexicon_source(path, "rules", WRITTEN, lists.written),
    )
    # pattern_replace ignores keywords: the condition keeps it off written forms
    # and numbers, as in Python.
    derivation = token_filter(
        "sitesearch_da_derive",
        "condition",
        filter=[
            token_filter(
                "sitesearch_da_derivation",
                "pattern_replace",
                pattern=DERIVATION,
                replacement="$1",
            )
        ],
        script={"source": "!token.isKeyword()"},
    )
    # After stemming and folding, the stem of an inflected form becomes its term
    # (Python: Lexicon.forms); keywords are skipped by the filter itself.
    stems = token_filter(
        "sitesearch_da_stems",
        "stemmer_override",
        **_lexicon_source(path, "rules", STEMS, lists.stems),
    )
    # Python splits the term, so ES does too, against the terms a split gives.
    # Every term found inside is added (only_longest_match off: the longest word
    # from a letter on may be a compound itself, "misbrugsbehandl").
    compounds = token_filter(
        "sitesearch_da_compounds",
        "dictionary_decompounder",
        min_word_size=2 * MIN_PART,
        min_subword_size=MIN_PART,
        max_subword_size=MAX_PART,
        only_longest_match=False,
        **_lexicon_source(path, "word_list", PARTS, lists.parts),
    )
    split = token_filter(
        "sitesearch_da_split",
        "condition",
        filter=[compounds],
        script={"source": _split_condition(da.lexicon.listed)},
    )
    return analyzer(
        "sitesearch_da",
        tokenizer="standard",
        char_filter=[
            _normalise_char_filter(),
            _stopword_char_filter("sitesearch_da_stop_text", da.stopwords),
        ],
        filter=[
            "lowercase",
            token_filter("sitesearch_da_stop", "stop", stopwords=sorted(da.stopwords)),
            _numbers_filter(),
            written,
            token_filter("sitesearch_da_stem", "stemmer", language="danish"),
            derivation,
            *_danish_fold_filters(),
            stems,
            split,
            # A term that is itself on the word list is found in itself.
            "remove_duplicates",
        ],
    )


def english_analyzer():
    # Not the built-in "english" analyzer: that one stems with the older Porter
    # algorithm and has its own stop words, so it would not index the terms the
    # Python English analyzer (Snowball English = porter2) puts in queries.
    en = text_analyzer("en")
    return analyzer(
        "sitesearch_en",
        tokenizer="standard",
        char_filter=[
            _fold_char_filter(),
            _stopword_char_filter("sitesearch_en_stop_text", en.stopwords),
        ],
        filter=[
            "lowercase",
            "asciifolding",
            token_filter("sitesearch_en_stop", "stop", stopwords=sorted(en.stopwords)),
            _numbers_filter(),
            token_filter("sitesearch_en_stem", "stemmer", language="porter2"),
        ],
    )


def terms_analyzer():
    """For queries: the parser's terms are already analysed, so only split them."""
    return analyzer("sitesearch_terms", tokenizer="whitespace", filter=["lowercase"])


def suggest_analyzer():
    return analyzer(
        "sitesearch_suggest",
        tokenizer="standard",
        char_filter=[_fold_char_filter()],
        filter=["lowercase", "asciifolding"],
    )


def text_analyzers():
    """The index analyzer of each language in LANGUAGES."""
    return {"da": danish_analyzer(), "en": english_analyzer()}


def index_definition(name=None):
    """The index, with its settings, analyzers and mapping (not created)."""
    analyzers, terms = text_analyzers(), terms_analyzer()
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for field in ("key", "kind", "language"):
        mapping.field(field, Keyword())
    for field in ("url", "anchor", "trail"):
        mapping.field(field, Keyword(ignore_above=2000))
    mapping.field("page_id", Integer())
    mapping.field("date", Date())
    mapping.field("tier", Integer())
    mapping.field("superseded_on", Date())
    # A unit's text under its language only, analysed as that language.
    for language in LANGUAGES:
        mapping.field(
            language,
            Object(
                properties={
                    field: Text(analyzer=analyzers[language], search_analyzer=terms)
                    for field in TEXT_FIELDS
                }
            ),
        )
    for facet in FACETS:
        mapping.field(facet, Keyword())
    # "facet:value" -> label, only read back (facet labels, the hit's region).
    mapping.field("facet_labels", Object(enabled=False))
    mapping.field(
        "suggest",
        Completion(
            analyzer=suggest_analyzer(),
            contexts=[{"name": "language", "type": "category"}],
        ),
    )
    index = Index(name or index_name())
    index.settings(number_of_shards=1)
    index.mapping(mapping)
    return index


# --- Documents ------------------------------------------------------------------


def suggest_inputs(title, language):
    """Completion entries: the whole title, and the title from each later word on,
    so a prefix of any word in it suggests it. The weights put titles that start
    with the prefix first, then shorter titles."""
    title = " ".join(title.translate(COMPLETION_RESERVED).split())
    if not title:
        return []
    words = title.split(" ")
    length = min(len(title), 999)
    contexts = {"language": [language]}
    entries = [{"input": [title], "weight": 2000 - length, "contexts": contexts}]
    tails = list(dict.fromkeys(" ".join(words[i:]) for i in range(1, len(words))))
    if tails:
        entries.append({"input": tails, "weight": 1000 - length, "contexts": contexts})
    return entries


def unit_document(unit, page_id):
    """(id, source) of the document for a unit."""
    language = language_of(unit.language)
    source = {
        "key": unit.key,
        "kind": unit.kind,
        "language": language,
        "url": unit.url,
        "anchor": unit.anchor,
        "trail": list(unit.trail),
        "page_id": page_id,
        "date": unit.date.isoformat() if unit.date else None,
        "tier": int(unit.tier),
        "superseded_on": unit.superseded_on.isoformat() if unit.superseded_on else None,
        language: {"title": unit.searched_title, "lead": unit.lead, "body": unit.body},
        "facet_labels": {},
        "suggest": ([] if unit.kind in NOT_SUGGESTED else suggest_inputs(unit.title, language)),
    }
    for facet in FACETS:
        source[facet] = []
    for facet, value, label in unit.facet_rows():
        if facet in FACETS and value not in source[facet]:
            source[facet].append(value)
            source["facet_labels"][f"{facet}:{value}"] = label
    return unit.key, source


# --- Queries --------------------------------------------------------------------


def text_fields(language, boost=True):
    return [
        text_field(language, field) + (f"^{BOOSTS[field]}" if boost and BOOSTS[field] != 1 else "")
        for field in TEXT_FIELDS
    ]


def compile_node(node, fields):
    """The ES query for a node of the parsed query tree."""
    if isinstance(node, Term):
        return Q(
            "multi_match",
            query=node.term,
            fields=fields,
            type="best_fields",
            operator="and",
            tie_breaker=0.3,  # a match in several fields counts a little more
        )
    if isinstance(node, Phrase):
        return Q("multi_match", query=" ".join(node.terms), fields=fields, type="phrase")
    if isinstance(node, And):
        return Q("bool", must=[compile_node(child, fields) for child in node.children])
    if isinstance(node, Or):
        return Q(
            "bool",
            should=[compile_node(child, fields) for child in node.children],
            minimum_should_match=1,
        )
    raise TypeError(f"Cannot compile {node!r}")


def language_query(parsed):
    """Matches one language's analysis of the query in units of that language.
    Units that also match the reader's own words (parsed.strict) score higher
    than those found only through a synonym or a compound part."""
    fields = text_fields(parsed.language)
    clauses = {
        "must": [compile_node(parsed.root, fields)],
        "filter": [Q("term", language=parsed.language)],
    }
    strict = getattr(parsed, "strict", None)
    if strict is not None and strict != parsed.root:
        clauses["should"] = [compile_node(strict, fields)]
    return Q("bool", **clauses)


def build_query(parsed):
    """Matches the query in every language: each language's units with that
    language's analysis of it (one should clause per language)."""
    queries = [language_query(query) for query in parsed.by_language().values()]
    if not queries:
        return Q("match_none")
    if len(queries) == 1:
        return queries[0]
    return Q("bool", should=queries, minimum_should_match=1)


# function_score weights that order the hits as the database backend does
# (docs/search.md, "Ranking"): each one more than all below it together, and
# the engine's score squeezed into [0, 1) below them all.
TITLE_STRICT_WEIGHT = 16
TITLE_ANY_WEIGHT = 8
STRICT_WEIGHT = 4
TIER_WEIGHTS = {tier: max(Tier) - tier for tier in Tier if tier < max(Tier)}  # 2, 1
SQUEEZED_SCORE = "_score / (_score + 1)"


def ranking_functions(parsed):
    """function_score functions: the reader's own words in the title, a clause
    of the query in the title (neither counts in a tier a title does not lift),
    own words anywhere, the tier, then the engine's score."""
    lifted = Q("range", tier={"lt": int(Tier.HISTORY)})
    functions = []
    for language, query in parsed.by_language().items():
        title = [text_field(language, "title")]
        own = getattr(query, "strict", None) or query.root
        in_language = Q("term", language=language)
        for weight, conditions in (
            (TITLE_STRICT_WEIGHT, [lifted, compile_node(own, title)]),
            (TITLE_ANY_WEIGHT, [lifted, compile_node(query.any_clause, title)]),
            (STRICT_WEIGHT, [compile_node(own, text_fields(language, boost=False))]),
        ):
            functions.append(
                {"filter": Q("bool", filter=[in_language, *conditions]), "weight": weight}
            )
    for tier, weight in TIER_WEIGHTS.items():
        functions.append({"filter": Q("term", tier=int(tier)), "weight": weight})
    functions.append({"script_score": {"script": {"source": SQUEEZED_SCORE}}})
    return functions


def current_only(today):
    """Units not superseded by `today` (an edition whose successor is in force)."""
    return Q(
        "bool",
        should=[
            Q("bool", must_not=[Q("exists", field="superseded_on")]),
            Q("range", superseded_on={"gt": today.isoformat()}),
        ],
        minimum_should_match=1,
    )


def ranked_query(request):
    """The query of a search: the match in every language, earlier versions left
    out unless asked for, scored by ranking_functions alone."""
    matched = build_query(request.query)
    if not request.include_superseded:
        matched = Q("bool", must=[matched], filter=[current_only(request.today)])
    return Q(
        "function_score",
        query=matched,
        functions=ranking_functions(request.query),
        score_mode="sum",
        boost_mode="replace",
    )


def language_sort(language):
    """Sorts the units in `language` (the reader's) before the others."""
    return {
        "_script": {
            "type": "number",
            "order": "asc",
            "script": {
                "source": "doc['language'].value == params.language ? 0 : 1",
                "params": {"language": language_of(language)},
            },
        }
    }


def facet_filters(filters):
    """facet -> terms query, for the facets that have values chosen."""
    return {
        facet: Q("terms", **{facet: list(dict.fromkeys(filters[facet]))})
        for facet in FACETS
        if filters.get(facet)
    }


def _with_labels(facet, terms_agg):
    """One document per value, to read the value's label from (types are
    labelled from KINDS instead, in the reader's language)."""
    if facet != "type":
        terms_agg.metric("label", "top_hits", size=1, _source={"includes": ["facet_labels"]})


def build_search(request, page=None, index=None):
    """The Search for a SearchRequest (for `page`, default request.page)."""
    per_page = max(1, request.per_page)
    page = max(1, page or request.page)
    languages = request.query.by_language()
    s = Search(index=index or index_name()).query(ranked_query(request))
    s = s.extra(track_total_hits=True, track_scores=True)
    # The reader's language first, then by score (scores of different
    # languages' analyses are not comparable anyway).
    sort = [language_sort(request.language)] if len(languages) > 1 else []
    s = s.sort(*sort, "_score", {"key": "asc"}).source(excludes=["suggest"])
    s = s[(page - 1) * per_page : page * per_page]

    # Facet filters narrow the hits only (post_filter); each facet's counts are
    # taken with every filter but its own, so its other values stay selectable.
    filters = facet_filters(request.filters)
    if filters:
        s = s.post_filter("bool", filter=list(filters.values()))
    for facet in FACETS:
        others = [query for name, query in filters.items() if name != facet]
        scope = Q("bool", filter=others) if others else Q("match_all")
        _with_labels(
            facet,
            s.aggs.bucket(facet, "filter", filter=scope).bucket(
                facet, "terms", field=facet, size=FACET_SIZE
            ),
        )
    if filters:
        # Labels of the chosen values, which may have no hits left (global: the
        # query does not restrict it).
        chosen = s.aggs.bucket("chosen", "global")
        for facet, query in filters.items():
            values = list(dict.fromkeys(request.filters[facet]))
            _with_labels(
                facet,
                chosen.bucket(facet, "filter", filter=query).bucket(
                    facet, "terms", field=facet, include=values, size=len(values)
                ),
            )

    s = s.highlight_options(
        encoder="html",  # the text around the marks comes back HTML-escaped
        pre_tags=[MARK[0]],
        post_tags=[MARK[1]],
        fragment_size=SNIPPET_CHARS,
        number_of_fragments=1,
        max_analyzed_offset=500_000,
    )
    # Each unit has the fields of its own language only.
    for language in languages:
        title, *rest = text_fields(language, boost=False)
        s = s.highlight(title, number_of_fragments=0)  # the whole title
        s = s.highlight(*rest)
    return s


def suggest_languages(prefix, language=None):
    """[(language, Prefix)]: the prefix in every language, the reader's first."""
    reader = language_of(language or prefix.language)
    return sorted(prefix.by_language().items(), key=lambda item: item[0] != reader)


def build_suggest(prefix, language=None, limit=8):
    """The body of an autocomplete request for a search.query.Prefix.

    One completion per language (named "<language>_typed", "<language>_term"),
    limited to that language's titles by the context, with that language's
    analysis of the words; the reader's language (`language`, default the
    prefix's) comes first.

    The completion field holds titles analysed only by folding, while the
    Prefix's earlier words are stemmed and so would not match a title's start.
    So the completion prefix is the unfinished last word alone ("typed"), plus
    its analysed form when that differs ("term": "rusmidler" -> "rusmiddel");
    the earlier words are checked against each title afterwards (see
    suggestions_from_response), which is why more than `limit` are asked for.

    Synonyms of the finished words ("KIP") ask for titles starting with what
    the other member says, written as the editor wrote it ("<language>_said<n>").

    skip_duplicates is off on purpose: it compares the matched input, and a
    title's later words are inputs of their own, so two titles ending alike
    ("... i kommunen") would hide each other. Equal titles are merged afterwards.
    """
    suggest = {}
    for unit_language, words in suggest_languages(prefix, language):
        size = limit * 4 if words.terms else limit * 2
        asked = []
        for name, text, _terms in completions(words):
            if text and text not in asked:
                asked.append(text)
                suggest[f"{unit_language}_{name}"] = {
                    "prefix": text,
                    "completion": {
                        "field": "suggest",
                        "size": size,
                        "skip_duplicates": False,
                        "contexts": {"language": [unit_language]},
                    },
                }
    source = ["language", *(text_field(lang, "title") for lang in LANGUAGES), "url", "anchor"]
    # size 0: no ordinary hits, only the suggestions (which honour _source).
    return {"size": 0, "_source": [*source, "kind"], "suggest": suggest}


def completions(words):
    """(name, prefix text, terms a title must hold) of each completion asked
    for a Prefix (see build_suggest)."""
    return [
        ("typed", words.prefix, words.terms),
        ("term", words.term, words.terms),
        *(
            (f"said{n}", fold(normalise(member.written)), terms)
            for n, (terms, member) in enumerate(words.alternatives)
        ),
    ]


def build_known_values(facet, values, index=None):
    values = list(dict.fromkeys(values))
    s = Search(index=index or index_name()).filter("terms", **{facet: values}).extra(size=0)
    s.aggs.bucket("known", "terms", field=facet, include=values, size=len(values))
    return s


# --- Responses ------------------------------------------------------------------


def _first(fragments):
    return fragments[0] if fragments else ""


def _excerpt(text):
    return escape(Truncator(" ".join((text or "").split())).chars(SNIPPET_CHARS))


def hit_from_raw(raw):
    source = raw.get("_source", {})
    marks = raw.get("highlight", {})
    language = language_of(source.get("language"))
    texts = unit_texts(source)
    # Highlight fragments are escaped by ES (encoder "html"); everything else
    # is escaped here, before it is marked safe.
    title = _first(marks.get(text_field(language, "title"))) or escape(texts.get("title", ""))
    snippet = (
        _first(marks.get(text_field(language, "body")))
        or _first(marks.get(text_field(language, "lead")))
        or _excerpt(texts.get("lead") or texts.get("body"))
    )
    labels = source.get("facet_labels") or {}
    regions = [labels.get(f"region:{value}", value) for value in source.get("region") or ()]
    anchor = source.get("anchor") or ""
    url = source.get("url", "")
    return Hit(
        key=source.get("key", raw.get("_id", "")),
        kind=source.get("kind", ""),
        title=mark_safe(title),
        url=f"{url}#{anchor}" if anchor else url,
        trail=" › ".join(source.get("trail") or ()),
        snippet=mark_safe(snippet),
        region=regions[0] if regions else "",
        score=raw.get("_score") or 0.0,
        language=language,
    )


def _bucket_label(facet, bucket):
    value = bucket["key"]
    if facet == "type":
        return str(KINDS.get(value, value))
    for hit in bucket.get("label", {}).get("hits", {}).get("hits", []):
        labels = hit.get("_source", {}).get("facet_labels") or {}
        if f"{facet}:{value}" in labels:
            return labels[f"{facet}:{value}"]
    return value


def sort_facet(facet, values):
    """Types in the order of KINDS, other facets' values by label."""
    if facet == "type":
        order = list(KINDS)
        return sorted(values, key=lambda v: order.index(v.value) if v.value in order else 99)
    return sorted(values, key=lambda v: (v.label.lower(), v.value))


def facets_from_aggs(aggs, filters):
    chosen = aggs.get("chosen", {})
    facets = {}
    for facet in FACETS:
        selected = set(filters.get(facet) or ())
        values = {}
        for bucket in aggs.get(facet, {}).get(facet, {}).get("buckets", []):
            value = bucket["key"]
            values[value] = FacetValue(
                value, _bucket_label(facet, bucket), bucket["doc_count"], value in selected
            )
        # A chosen value stays listed (with 0) so that it can be unchecked.
        for bucket in chosen.get(facet, {}).get(facet, {}).get("buckets", []):
            value = bucket["key"]
            if value not in values:
                values[value] = FacetValue(value, _bucket_label(facet, bucket), 0, True)
        facets[facet] = sort_facet(facet, values.values())
    return facets


def results_from_response(raw, request, page):
    per_page = max(1, request.per_page)
    return SearchResults(
        total=raw["hits"]["total"]["value"],
        hits=[hit_from_raw(hit) for hit in raw["hits"]["hits"]],
        facets=facets_from_aggs(raw.get("aggregations", {}), request.filters),
        page=page,
        per_page=per_page,
    )


def suggestions_from_response(raw, prefix, language=None, limit=8):
    """Suggestions from the completions, the reader's language first and within
    a language typed-prefix ones first; only titles that contain the earlier
    words (analysed in the title's language), each title once."""
    found, seen = [], set()
    for unit_language, words in suggest_languages(prefix, language):
        an = text_analyzer(unit_language)
        for name, _text, required in completions(words):
            for entry in raw.get("suggest", {}).get(f"{unit_language}_{name}", []):
                for option in entry.get("options", []):
                    source = option.get("_source", {})
                    title = unit_texts(source).get("title", "")
                    if not title or title in seen:
                        continue
                    if required:
                        terms = {t for token in an.tokens(title) for t in token.terms}
                        if not all(term in terms for term in required):
                            continue
                    seen.add(title)
                    anchor = source.get("anchor") or ""
                    url = source.get("url", "")
                    kind = source.get("kind", "")
                    found.append(
                        Suggestion(
                            label=title,
                            url=f"{url}#{anchor}" if anchor else url,
                            kind=str(KINDS.get(kind, "")),
                            language=language_of(source.get("language")),
                        )
                    )
    return found[:limit]


# --- Backend --------------------------------------------------------------------


class ElasticsearchBackend(SearchBackend):
    transactional = False

    def ping(self):
        if not self.client.ping():
            raise ConnectionError(f"Elasticsearch at {settings.ELASTICSEARCH_URL} does not answer")

    def __init__(self, client=None):
        self._client = client

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=30)
        return self._client

    @property
    def index(self):
        return index_name()

    # --- Index ---------------------------------------------------------------

    def create_index(self):
        index_definition(self.index).create(using=self.client)

    def ensure_index(self):
        if not self.client.indices.exists(index=self.index):
            self.create_index()

    def delete_index(self):
        self.client.indices.delete(index=self.index, ignore_unavailable=True)

    def refresh(self):
        self.client.indices.refresh(index=self.index)

    # --- Writing -------------------------------------------------------------

    def _delete_pages(self, page_ids):
        # delete_by_query only sees what a refresh has made visible; without one
        # a unit indexed moments ago (the page published twice in a row) would
        # survive its page's next replacement.
        self.refresh()
        self.client.delete_by_query(
            index=self.index,
            query={"terms": {"page_id": list(page_ids)}},
            conflicts="proceed",
        )

    def replace_page(self, page_id, units):
        self.ensure_index()
        self._delete_pages([page_id])
        actions = []
        for unit in units:
            if unit.page_id != page_id:
                unit = dataclasses.replace(unit, page_id=page_id)
            doc_id, source = unit_document(unit, page_id)
            actions.append({"_index": self.index, "_id": doc_id, "_source": source})
        if actions:
            helpers.bulk(self.client, actions)

    def remove_pages(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids:
            return
        with contextlib.suppress(NotFoundError):  # no index: nothing to remove
            self._delete_pages(page_ids)

    def clear(self):
        self.delete_index()
        self.create_index()

    # --- Reading -------------------------------------------------------------

    def search(self, request):
        per_page = max(1, request.per_page)
        if request.query.root is None:
            return SearchResults(0, [], {facet: [] for facet in FACETS}, 1, per_page)
        page = max(1, request.page)
        try:
            raw = self._run(build_search(request, page, self.index))
            last_page = max(1, math.ceil(raw["hits"]["total"]["value"] / per_page))
            if page > last_page:
                page = last_page
                raw = self._run(build_search(request, page, self.index))
        except NotFoundError:
            return SearchResults(0, [], {facet: [] for facet in FACETS}, 1, per_page)
        return results_from_response(raw, request, page)

    def _run(self, search):
        return self.client.search(index=self.index, body=search.to_dict()).body

    def suggest(self, prefix, language=None, limit=8):
        if prefix is None:
            return []
        body = build_suggest(prefix, language, limit)
        if not body["suggest"]:
            return []
        try:
            raw = self.client.search(index=self.index, body=body).body
        except NotFoundError:
            return []
        return suggestions_from_response(raw, prefix, language, limit)

    def known_values(self, facet, values):
        values = list(values)
        if facet not in FACETS or not values:
            return set()
        try:
            raw = self._run(build_known_values(facet, values, self.index))
        except NotFoundError:
            return set()
        return {bucket["key"] for bucket in raw["aggregations"]["known"]["buckets"]}
