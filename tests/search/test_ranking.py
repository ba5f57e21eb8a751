"""The order of results, through /soeg/, as a professional expects it
(docs/search.md, "Ranking"): title matches above body mentions, then for the
same match live guidance above cases and meetings above editions; superseded
editions only when asked for. Runs on whichever database the tests use, so the
same expectations hold on SQLite and PostgreSQL."""

import datetime
import re

import pytest

from casebook.factories import (
    CasebookIndexPageFactory,
    CasePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from guidelines.editions.release import release_edition
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text
from search.backends import SearchRequest, get_backend
from search.query import parse

from .conftest import publish

FILLER = (
    "Samarbejdet mellem region og kommune beskrives her i almindelige vendinger, "
    "så teksten får en vis længde uden at handle om det, der søges efter. "
)


def titles(client, q, **params):
    """The titles of the results on the first page, in order."""
    html = client.get("/soeg/", {"q": q, **params}).content.decode()
    found = re.findall(r'<h3 class="search-result__title"[^>]*><a href="[^"]+">(.*?)</a>', html)
    return [re.sub("<[^>]+>", "", title) for title in found]


def assert_order(found, *expected):
    """`expected` are all found, in this order (other results may come between)."""
    missing = [title for title in expected if title not in found]
    assert not missing, f"not found: {missing}; results: {found}"
    positions = [found.index(title) for title in expected]
    assert positions == sorted(positions), f"expected order {expected}; results: {found}"


@pytest.fixture
def casebook(home):
    return CasebookIndexPageFactory(parent=home)


@pytest.fixture
def meetings(home):
    return MeetingIndexPageFactory(parent=home)


def document_with_section(guidance_index, title, section_title, summary, body=""):
    document = publish(
        GuidanceDocumentPageFactory(parent=guidance_index, title=title, summary="Et resumé.")
    )
    section = publish(
        GuidanceSectionPageFactory(
            parent=document,
            title=section_title,
            number="1",
            summary=summary,
            body=[text(f"<p>{body}</p>")] if body else [],
        )
    )
    return document, section


def edition(document, label, effective_date, change_summary, user):
    return release_edition(
        document,
        label=label,
        slug=label.split(".")[0] + "-udgave",
        effective_date=effective_date,
        change_summary=change_summary,
        user=user,
    )


def test_for_the_same_match_guidance_then_cases_and_meetings_then_editions(
    client, guidance_index, casebook, meetings, admin_user
):
    # The word is in the summary of each, once. The case and the meeting say it
    # in a short text (the engines score that higher); the guidance in a long one.
    document, _section = document_with_section(
        guidance_index,
        "Vejledning om overgange",
        "Overgange mellem tilbud",
        FILLER * 6 + "Ventelisten bør ikke forsinke overgangen.",
    )
    edition(document, "1. udgave", datetime.date(2020, 1, 1), "Nyt om ventelisten.", admin_user)
    publish(CasePageFactory(parent=casebook, title="Åben rådgivning", summary="Ventelisten."))
    publish(
        MeetingPageFactory(
            parent=meetings,
            title="Temadag om overgange",
            date=datetime.date(2025, 3, 1),
            summary="Ventelisten.",
        )
    )
    found = titles(client, "ventelisten")
    assert_order(found, "1. Overgange mellem tilbud", "Åben rådgivning")
    assert_order(found, "1. Overgange mellem tilbud", "Temadag om overgange")
    assert found[-1] == "Vejledning om overgange: 1. udgave"


def test_a_title_match_ranks_above_body_mentions_of_any_type(
    client, guidance_index, casebook, admin_user
):
    document, _section = document_with_section(
        guidance_index,
        "Vejledning om natteberedskab",
        "Nattevagten i bostøtten",
        "Hvem har vagten om natten.",
        body="En ambulant opfølgning kan aftales.",
    )
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Aftaler om opfølgning",
            number="2",
            summary="Ambulant opfølgning aftales ved udskrivning.",
        )
    )
    # A case with the word in its title, and one with it in its text only.
    publish(CasePageFactory(parent=casebook, title="Ambulant team i Thisted", summary="Et team."))
    publish(
        CasePageFactory(
            parent=casebook,
            title="Fælles indsats i Skive",
            summary="Ambulant, ambulant og atter ambulant.",
        )
    )
    found = titles(client, "ambulant")
    # Title first (whatever its type), then body mentions: guidance before cases.
    assert found[0] == "Ambulant team i Thisted"
    assert_order(found, "Ambulant team i Thisted", "2. Aftaler om opfølgning")
    assert_order(found, "1. Nattevagten i bostøtten", "Fælles indsats i Skive")
    assert_order(found, "2. Aftaler om opfølgning", "Fælles indsats i Skive")


def test_among_title_matches_guidance_ranks_first(client, guidance_index, casebook):
    document_with_section(
        guidance_index, "Vejledning om tolkning", "Tolkning ved samtaler", "Brug en tolk."
    )
    publish(CasePageFactory(parent=casebook, title="Tolkning i praksis", summary="Tolkning."))
    assert_order(titles(client, "tolkning"), "1. Tolkning ved samtaler", "Tolkning i praksis")


def test_an_editions_title_does_not_lift_it_above_live_text(
    client, guidance_index, casebook, admin_user
):
    # The edition's title repeats its document's ("Sengepladser: 1. udgave"):
    # that is no reason to put the frozen copy above a case that mentions the word.
    document, _section = document_with_section(
        guidance_index, "Sengepladser", "Kapacitet", "Om pladser i psykiatrien."
    )
    edition(document, "1. udgave", datetime.date(2020, 1, 1), "Første udgave.", admin_user)
    publish(CasePageFactory(parent=casebook, title="Akutpladser", summary="Flere sengepladser."))
    found = titles(client, "sengepladser")
    assert_order(found, "Sengepladser", "Akutpladser", "Sengepladser: 1. udgave")


def test_the_readers_whole_word_ranks_above_its_parts_in_separate_words(
    client, guidance_index, casebook
):
    document_with_section(
        guidance_index,
        "Vejledning om samarbejde",
        "Roller",
        "Misbrug og behandling hænger sammen, og behandling af misbrug kræver samarbejde.",
    )
    publish(CasePageFactory(parent=casebook, title="Et forløb", summary="Misbrugsbehandlingen."))
    assert_order(titles(client, "misbrugsbehandling"), "Et forløb", "1. Roller")


def test_a_long_text_does_not_win_by_its_length(client, guidance_index):
    document, _short = document_with_section(
        guidance_index, "Vejledning om vagter", "Kort om vagten", "Ved en akut krise ring 112."
    )
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Langt om samarbejdet",
            number="2",
            summary=" ".join([FILLER * 20, "Krise.", FILLER * 20, "Krise.", FILLER * 20]),
        )
    )
    assert_order(titles(client, "krise"), "1. Kort om vagten", "2. Langt om samarbejdet")


# --- Earlier editions -------------------------------------------------------------


@pytest.fixture
def three_editions(guidance_index, admin_user):
    """A document with a superseded, a current and a future edition."""
    document, _section = document_with_section(
        guidance_index, "Vejledning om botilbud", "Indflytning", "Om at flytte ind."
    )
    today = datetime.date.today()
    edition(document, "1. udgave", datetime.date(2015, 1, 1), "Første udgave.", admin_user)
    edition(document, "2. udgave", datetime.date(2020, 1, 1), "Anden udgave.", admin_user)
    edition(document, "3. udgave", today + datetime.timedelta(days=30), "Tredje.", admin_user)
    return document


def test_superseded_editions_are_left_out_by_default(client, three_editions):
    found = titles(client, "botilbud")
    assert "Vejledning om botilbud: 1. udgave" not in found
    # The edition in force and the one to come are still found, after the live text.
    assert_order(
        found,
        "Vejledning om botilbud",
        "Vejledning om botilbud: 2. udgave",
    )
    assert "Vejledning om botilbud: 3. udgave" in found
    html = client.get("/soeg/", {"q": "botilbud"}).content.decode()
    assert re.search(r'<span class="count">\(2\)</span>', html.split('value="udgave"')[1])
    # The reader can ask for them.
    assert 'name="udgaver" value="tidligere"' in html
    assert "Søg også i tidligere udgaver" in html


def test_asking_for_earlier_editions_finds_them_last(client, three_editions):
    found = titles(client, "botilbud", udgaver="tidligere")
    assert found[0] == "Vejledning om botilbud"
    assert "Vejledning om botilbud: 1. udgave" in found
    html = client.get("/soeg/", {"q": "botilbud", "udgaver": "tidligere"}).content.decode()
    assert re.search(r'<span class="count">\(3\)</span>', html.split('value="udgave"')[1])
    # The choice stays in the form, so a new search keeps it.
    assert re.search(r'<input type="hidden" name="udgaver" value="tidligere">', html)
    assert re.search(r'id="f-udgaver" name="udgaver" value="tidligere" checked', html)


def test_an_unknown_value_for_earlier_editions_is_a_notice(client, three_editions):
    response = client.get("/soeg/", {"q": "botilbud", "udgaver": "<alle>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "kender ikke “&lt;alle&gt;”" in html
    assert "Vejledning om botilbud: 1. udgave" not in titles(client, "botilbud", udgaver="x")


def test_later_pages_continue_the_first_in_the_same_order(guidance_index):
    """A reader paging through many results sees each once, in the order of the
    whole list: on PostgreSQL only the units that can be on a page are scored
    (docs/search.md, "PostgreSQL at scale"), and the page must still be cut from
    the full order, across title matches and body mentions alike."""
    document = publish(
        GuidanceDocumentPageFactory(parent=guidance_index, title="Samlet", summary="Et resumé.")
    )
    for n in range(14):
        title = f"Koordinering {n}" if n % 4 == 0 else f"Afsnit {n}"
        mentions = " ".join(["koordinering"] * (1 + n % 5))
        publish(
            GuidanceSectionPageFactory(
                parent=document,
                title=title,
                number=str(n + 1),
                summary="Et afsnit.",
                body=[text(f"<p>{FILLER}{mentions} {FILLER}</p>")],
            )
        )
    backend = get_backend()
    whole = backend.search(SearchRequest(parse("koordinering"), {}, per_page=50))
    paged = [
        backend.search(SearchRequest(parse("koordinering"), {}, page=page, per_page=4))
        for page in (1, 2, 3, 4)
    ]
    assert whole.total == 14 and all(results.total == 14 for results in paged)
    assert [hit.key for results in paged for hit in results.hits] == [hit.key for hit in whole.hits]
