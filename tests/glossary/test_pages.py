"""The glossary page, and the links to it from guidance sections, over HTTP."""

import re
import string

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.i18n import sync_trees
from glossary.factories import GlossaryPageFactory, term
from glossary.models import GlossaryPage
from guidelines.editions.release import release_edition

from .conftest import DANISH_TERMS, publish

SECTION = "/vejledninger/model/samarbejde/"


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def glossary_links(html):
    """[(href, text)] of the glossary links on a page."""
    return [(a["href"], a.get_text()) for a in html.select("a.glossary-term")]


# --- The glossary page ---------------------------------------------------------------


def test_the_glossary_lists_its_terms_in_danish_order_with_a_letter_index(client, home):
    words = ["Åben dialog", "Øvrige ydelser", "Ærlighed", "Zoneterapi", "Étape", "Abe"]
    page = GlossaryPageFactory(
        parent=home, terms=[term(word, f"ord-{n}") for n, word in enumerate(words)]
    )
    publish(page)
    html = soup(client, page.url)
    assert [dt.get_text(strip=True) for dt in html.select("dt.glossary__term")] == [
        "Abe",
        "Étape",
        "Zoneterapi",
        "Ærlighed",
        "Øvrige ydelser",
        "Åben dialog",
    ]
    # Each term has its anchor; each letter of the alphabet is in the index, a link
    # where there are words (to its heading), plain text where there are none.
    assert [dt["id"] for dt in html.select("dt.glossary__term")][:2] == ["ord-5", "ord-4"]
    letters = [li.get_text(strip=True) for li in html.select(".glossary__letter-list li")]
    assert letters == list(string.ascii_uppercase + "ÆØÅ")
    targets = [a["href"] for a in html.select(".glossary__letter-list a")]
    assert targets == [
        "#bogstav-a",
        "#bogstav-e",
        "#bogstav-z",
        "#bogstav-ae",
        "#bogstav-oe",
        "#bogstav-aa",
    ]
    for target in targets:
        assert html.find(id=target[1:]).name == "h2"
    assert html.find("html")["lang"] == "da"


def test_a_term_shows_its_forms_its_see_also_and_its_source(client, glossary):
    html = soup(client, "/ordliste/")
    entry = html.find(id="koordinerende-indsatsplan").parent
    assert "KI-plan, KI-planen" in entry.select_one(".glossary__forms").get_text()
    see_also = entry.select_one(".glossary__see-also a")
    assert (see_also["href"], see_also.get_text()) == ("#tovholder", "Tovholder")
    assert html.select_one("dl.glossary__terms dt dfn")


def test_the_english_glossary_names_each_danish_word(client, english):
    html = soup(client, "/en/ordliste/")
    assert html.find("html")["lang"] == "en"
    terms = [dt.find("dfn").get_text() for dt in html.select("dt.glossary__term")]
    assert terms == ["Action plan", "Coordinated action plan", "Coordinating contact person", "ROP"]
    original = html.find(id="tovholder").select_one('[lang="da"]')
    assert original.get_text() == "Tovholder"
    # The anchors are the Danish ones, so a link means the same term in both languages.
    assert {dt["id"] for dt in html.select("dt.glossary__term")} == {
        value["value"]["anchor"] for value in DANISH_TERMS
    }


def test_an_untranslated_english_glossary_shows_the_danish_marked_as_danish(
    client, glossary, english
):
    english["glossary"].delete()
    sync_trees()
    html = soup(client, "/en/ordliste/")
    assert html.find("main")["lang"] == "da"
    assert "Tovholder" in [dt.find("dfn").get_text() for dt in html.select("dt.glossary__term")]


# --- Links from sections -------------------------------------------------------------------


def test_a_section_links_the_first_occurrence_of_each_term_outside_links_and_headings(
    client, glossary, section
):
    html = soup(client, SECTION)
    assert glossary_links(html) == [
        ("/ordliste/#tovholder", "tovholder"),  # not the heading above it, nor "Tovholderen"
        ("/ordliste/#koordinerende-indsatsplan", "KI-planen"),  # not "indsatsplanen": a link
        ("/ordliste/#indsatsplan", "indsatsplan"),  # after the longer "koordinerende indsatsplan"
        ("/ordliste/#rop", "ROP"),  # in capitals only
    ]
    assert html.select_one(".block-text h2").get_text() == "Tovholderen"
    assert html.find("a", href="/andet/").get_text() == "indsatsplanen"


def test_an_english_section_links_the_english_terms_to_the_english_glossary(client, english):
    html = soup(client, "/en" + SECTION)
    assert glossary_links(html) == [("/en/ordliste/#tovholder", "coordinator")]


def test_an_untranslated_section_in_english_links_its_danish_words_to_the_english_glossary(
    client, english
):
    html = soup(client, "/en/vejledninger/model/ikke-oversat/")
    assert glossary_links(html) == [("/en/ordliste/#tovholder", "tovholder")]


def test_without_a_live_glossary_a_section_has_no_links(client, glossary, section):
    glossary.unpublish()
    assert glossary_links(soup(client, SECTION)) == []


def test_a_published_change_to_the_glossary_shows_at_once(client, glossary, section):
    assert glossary_links(soup(client, SECTION))[0] == ("/ordliste/#tovholder", "tovholder")
    glossary.terms = [term("Borger", "borger", forms=["borgeren"])]
    publish(glossary)
    assert glossary_links(soup(client, SECTION)) == [("/ordliste/#borger", "Borgeren")]


def test_a_change_published_by_another_process_shows_too(client, glossary, section):
    """No signal reaches this process: the glossary's fingerprint changed."""
    assert glossary_links(soup(client, SECTION))
    revision = glossary.save_revision()
    GlossaryPage.objects.filter(pk=glossary.pk).update(
        terms=[term("Målgruppen", "maalgruppe")],
        last_published_at=timezone.now(),
        live_revision=revision,
    )
    assert glossary_links(soup(client, SECTION)) == [("/ordliste/#maalgruppe", "Målgruppen")]


def test_a_frozen_edition_shows_its_text_without_links(client, glossary, section, document):
    release_edition(
        type(document).objects.get(pk=document.pk),
        label="1. udgave",
        effective_date=timezone.now().date(),
        change_summary="Første udgave.",
    )
    html = soup(client, "/vejledninger/model/udgaver/1-udgave/")
    assert "Borgeren får en tovholder" in html.get_text()
    assert glossary_links(html) == []


def count_queries(client, path):
    client.get(path)  # the process's caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_glossary_costs_a_section_one_query(client, glossary, section):
    client.get(SECTION)
    with CaptureQueriesContext(connection) as queries:
        client.get(SECTION)
    asked = [q["sql"] for q in queries.captured_queries if "glossary_glossarypage" in q["sql"]]
    assert len(asked) == 1, asked


def test_a_section_costs_the_same_queries_however_many_terms(client, glossary, section):
    few = count_queries(client, SECTION)
    glossary.terms = DANISH_TERMS + [term(f"Ord nummer {n}", f"ord-{n}") for n in range(200)]
    publish(glossary)
    assert count_queries(client, SECTION) == few
    # The glossary costs one query, also when there is none to link to.
    glossary.unpublish()
    assert count_queries(client, SECTION) == few


@pytest.mark.parametrize("path", ["/ordliste/", "/en/ordliste/"])
def test_the_glossary_page_costs_the_same_queries_however_many_terms(client, english, path):
    few = count_queries(client, path)
    glossary = GlossaryPage.objects.get(url_path__endswith="/ordliste/", locale__language_code="da")
    glossary.terms = DANISH_TERMS + [term(f"Ord {n}", f"ord-{n}") for n in range(100)]
    publish(glossary)
    assert count_queries(client, path) == few


def test_the_links_are_in_the_section_not_in_its_title_or_summary(client, glossary, section):
    section.summary = "Om tovholderen."
    section.title = "Tovholder"
    publish(section)
    html = soup(client, SECTION)
    assert html.find("h1").find("a") is None
    assert html.select_one(".lead").find("a") is None
    assert re.search(r"Borgeren får en <a class=\"glossary-term\"", str(html))
