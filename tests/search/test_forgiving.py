"""A forgiving search: word families, real compounds, plain letters, typos, and
input that would stall the indexer."""

import pytest

from guidelines.factories import GuidanceSectionPageFactory, text
from search import vocabulary
from search.analysis import analyzer
from search.lexicon import MAX_PART, MAX_SPLIT
from search.models import SearchTerm

from .conftest import publish, search
from .test_search_page import results

da = analyzer("da")


@pytest.mark.parametrize(
    "family",
    [
        ("koordinering", "koordinere", "koordinerende", "koordineret"),
        ("behandling", "behandle", "behandles", "behandlet"),
        ("udskrivning", "udskrive", "udskrives", "udskrivelse"),
        ("vurdering", "vurdere", "vurderet"),
        ("indlæggelse", "indlægge", "indlæggelsen"),
        ("planlægning", "planlægge"),
        ("opsporing", "opspore", "opsporet"),
        ("center", "centret", "centre", "centrene"),
        ("middel", "midler", "midlerne"),
    ],
)
def test_a_word_family_shares_one_term(family):
    assert len({da.word(word).term for word in family}) == 1, [da.word(w) for w in family]


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        # None of these is on the hand list (wordlists/da_compounds.txt).
        ("tovholderfunktion", ("tovholder", "funktion")),
        ("forløbsprogrammet", ("forløb", "program")),
        ("bostøttemedarbejder", ("bostøtte", "medarbejder")),
        ("samarbejdsaftalen", ("samarbejde", "aftale")),
        ("udskrivningskoordinator", ("udskrivning", "koordinator")),
        ("sundhedscentret", ("sundhed", "center")),
        ("sundhedscenter", ("sundhed", "center")),
        ("erhvervsskoler", ("erhverv", "skole")),
    ],
)
def test_compounds_split_into_real_words_from_the_lexicon(compound, parts):
    assert da.word(compound).parts == tuple(da.word(part).term for part in parts)


def test_common_words_and_endings_stay_whole():
    assert da.word("samarbejde").parts == ()  # not "sam" + "arbejde"
    assert da.word("indsats").parts == ()
    assert da.word("forløb").parts == ()  # "for" is a stop word, never a part
    assert "hed" not in da.word("tryghedsskabende").parts


def split_steps(word):
    steps = []
    da.lexicon.split(word, steps)
    return len(steps)


def test_the_splitters_work_grows_linearly_with_the_word():
    word = "misbrugsbehandlingstovholderfunktion"
    for length in (12, 24, 48):
        steps = split_steps(word[:length])
        assert steps <= MAX_PART * length
    # Doubling the word at most doubles the pieces tried (plus a constant).
    assert split_steps(word[:48]) <= 2 * split_steps(word[:24]) + MAX_PART
    # A "word" too long to be one is not split at all, however long.
    assert split_steps("a" * (MAX_SPLIT + 1)) == 0
    assert split_steps("a" * 10_000) == 0
    token = da.word("behandling" * 1_000)
    assert token.parts == ()


@pytest.fixture
def sections(document):
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Bostøtte",
            slug="bostoette",
            number="8",
            body=[
                text(
                    "<p>Koordinerende indsatsplaner sikrer, at tovholderfunktionen og "
                    "bostøtten hænger sammen i forløbet.</p>"
                )
            ],
        )
    )
    return document


@pytest.mark.django_db
def test_words_typed_without_danish_letters_find_them(sections):
    for typed in ("bostotte", "bostøtte", "bostoette", "forlobet", "parorende", "hanger"):
        assert search(typed), typed
    assert "8. Bostøtte" in search("bostotte")
    assert "7. Pårørende" in search("parorende")


@pytest.mark.django_db
def test_a_plain_word_that_is_a_rarer_word_too_finds_the_common_one(document):
    for number, title, body in (
        ("8", "Åben dialog", "Åben dialog samler netværket. Mødet er åbent og ligeværdigt."),
        ("9", "Dyrene", "Aben i haven. Modet til at tale."),
        ("10", "Møder", "Mødet holdes for åbne døre i kommunen."),
    ):
        publish(
            GuidanceSectionPageFactory(
                parent=document,
                title=title,
                slug=f"s{number}",
                number=number,
                body=[text(f"<p>{body}</p>")],
            )
        )
    # "aben" is a word (the ape) on one page, "åben" on two: both are read.
    assert search("aben dialog") == ["8. Åben dialog"]
    assert set(search("aben")) == {"8. Åben dialog", "9. Dyrene", "10. Møder"}
    # Typed with its own letters, a known word is meant as typed.
    assert set(search("åben")) == {"8. Åben dialog", "10. Møder"}
    assert set(search("mødet")) == {"8. Åben dialog", "10. Møder"}


@pytest.mark.django_db
def test_a_derived_word_finds_its_family(sections):
    assert "8. Bostøtte" in search("koordinering")
    assert "8. Bostøtte" in search("tovholderfunktion")
    assert "8. Bostøtte" in search("funktion")  # a part of a compound not on any list


@pytest.mark.django_db
def test_the_vocabulary_follows_what_is_indexed(sections):
    term = da.word("tovholderfunktionen").term
    row = SearchTerm.objects.get(language="da", term=term)
    assert row.pages == 1 and row.word == "tovholderfunktionen"
    section = sections.get_children().get(slug="bostoette").specific
    section.body = [text("<p>Ny tekst uden det ord.</p>")]
    publish(section)
    assert not SearchTerm.objects.filter(language="da", term=term).exists()
    section.unpublish()
    assert not SearchTerm.objects.filter(language="da", term=da.word("tekst").term).exists()


@pytest.mark.django_db
def test_a_typo_gets_did_you_mean_and_one_click_runs_it(client, sections):
    assert vocabulary.correction("tovholderfuntionen", "da") == "tovholderfunktionen"
    html = client.get("/soeg/", {"q": "tovholderfuntionen"}).content.decode()
    assert "Mente du" in html
    assert 'href="?q=tovholderfunktionen"' in html
    html = client.get("/soeg/", {"q": "tovholderfunktionen"}).content.decode()
    assert "Mente du" not in html
    assert results(html)[0][1] == "8. Bostøtte"
    # Known words are left alone; a word nothing is near gets no suggestion.
    assert vocabulary.correction("pårørende tovholderfuntionen", "da") == (
        "pårørende tovholderfunktionen"
    )
    assert vocabulary.correction("qqqqzzzz", "da") is None


@pytest.mark.django_db
def test_nonsense_queries_get_a_notice_not_an_error(client, sections):
    for q in ("x" * 10_000, "og i på at det", "a" * 300 + " " + "æ" * 300, "🙂" * 50):
        response = client.get("/soeg/", {"q": q})
        assert response.status_code == 200
    html = client.get("/soeg/", {"q": "og i på at det"}).content.decode()
    assert "kun meget almindelige ord" in html
    html = client.get("/soeg/", {"q": "x" * 10_000}).content.decode()
    assert "forkortet til 200 tegn" in html
