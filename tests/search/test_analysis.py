"""The Danish analysis: the same terms for a word at index time and at query time."""

import pytest

from search.analysis import analyzer, fold
from search.backends.database import fts5, tsquery
from search.highlight import highlight, snippet
from search.query import And, Or, Phrase, Term, parse, parse_prefix

da = analyzer("da")


def terms(text):
    return {term for token in da.tokens(text) for term in token.terms}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("misbruget", "misbrugets"),
        ("indsatsplanerne", "indsatsplan"),
        ("kommunerne", "kommune"),
        ("forloeb", "forløbet"),
        ("paaroerende", "Pårørende"),
        ("aeldre", "ældre"),
        ("PSYKIATRIEN", "psykiatri"),
        ("rusmidler", "rusmiddel"),
        ("café", "cafe"),
        ("hjemloes", "hjemløse"),
        ("Aalborg", "Ålborg"),
        ("datoen", "dato"),
        ("udskrivningsdatoen", "udskrivningsdato"),
    ],
)
def test_a_word_and_its_forms_share_a_term(typed, written):
    assert da.word(written).term in {token.term for token in da.query_word(typed)}


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("misbrug", "misbrugsbehandlingen"),
        ("misbrug", "stofmisbruget"),
        ("behandling", "rusmiddelbehandling"),
        ("rusmiddel", "rusmiddelproblematik"),
        ("plan", "indsatsplanerne"),
        ("samarbejde", "kommunesamarbejdet"),
        ("forløb", "behandlingsforløbene"),
    ],
)
def test_compounds_are_indexed_with_their_parts(query, text):
    assert da.word(query).term in terms(text)


def test_listed_words_are_not_split_and_unknown_ones_neither():
    assert da.word("rusmiddel").parts == ()  # on the list itself
    assert da.word("behandling").parts == ()
    assert da.word("qwzxplorfinbraq").parts == ()


def test_stop_words_and_case():
    assert da.tokens("Og i på") == []
    assert fold("ÆØÅ äö") == "aeoeaa aeoe"


def test_a_recommendation_code_is_one_term():
    assert da.word("3.2").term == "3.2"
    assert [t.term for t in da.tokens("jf. anbefaling 3.2.")] == [
        "jf",
        da.word("anbefaling").term,
        "3.2",
    ]


def test_english_is_analysed_as_english():
    en = analyzer("en")
    assert en.word("treatments").term == en.word("treatment").term
    assert en.word("the") is None


@pytest.mark.django_db
def test_query_words_are_and_ed_and_compounds_accept_their_parts():
    query = parse("koordinering stofmisbruget")
    assert query.root == And(
        (
            Term(da.word("koordinering").term),
            Or((Term("stofmisbrug"), And((Term("stof"), Term("misbrug"))))),
        )
    )


@pytest.mark.django_db
def test_synonyms_both_ways():
    expanded = parse("dobbeltdiagnose").root
    # A phrase member matches as all its words, in any order and inflection.
    assert And(tuple(Term(t) for t in ("psykisk", "lid", "samtid", "misbrug"))) in expanded.children
    backwards = parse("psykisk lidelse og samtidigt misbrug").root
    assert Term("dobbeltdiagnos") in backwards.children


@pytest.mark.django_db
def test_quotes_make_a_phrase_and_an_odd_quote_is_ignored():
    assert parse('"psykisk lidelse"').root == Phrase(("psykisk", "lid"))
    unbalanced = parse('psykisk "lidelse')
    assert unbalanced.root == And((Term("psykisk"), Term("lid")))
    assert unbalanced.notices


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["a* NEAR b", "-x:y", "(OR)", "x^2 & y | !z <-> w"])
def test_engine_syntax_typed_by_a_reader_is_only_words(typed):
    query = parse(typed)
    if query.root is None:  # nothing but operators: a message, no query
        assert query.notices
        return
    compiled = fts5(query.root) + tsquery(query.root)
    for operator in ("*", "NEAR", ":", "^", "!", "<->", "-"):
        assert operator not in compiled.replace(" AND ", " ").replace(" OR ", " ")


@pytest.mark.django_db  # the finished words' synonyms are read
def test_autocomplete_prefix_keeps_the_last_word_unfinished():
    prefix = parse_prefix("koordinerende indsatspl")
    assert prefix.terms == (da.word("koordinerende").term,)
    assert prefix.prefix == "indsatspl"
    assert parse_prefix("x") is None


def test_highlight_marks_inflected_and_compound_forms_and_escapes():
    marked = highlight("Misbrugsbehandlingen <og> stofmisbrug", {"misbrug"})
    assert marked == "<mark>Misbrugsbehandlingen</mark> &lt;og&gt; <mark>stofmisbrug</mark>"


def test_snippet_shows_the_passage_that_matched():
    text = " ".join(["fyld"] * 80 + ["Pårørende", "inddrages"] + ["fyld"] * 80)
    shown = snippet([text], {da.word("pårørende").term})
    assert shown.startswith("… ") and shown.endswith(" …")
    assert "<mark>Pårørende</mark> inddrages" in shown
