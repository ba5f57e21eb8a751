"""The index follows what editors do: publish, unpublish, move, delete, privacy, editions."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from guidelines.editions.release import release_edition
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text
from search.models import SearchUnit

from .conftest import publish, search


def test_publishing_indexes_a_page_and_each_recommendation(document):
    kinds = dict(SearchUnit.objects.values_list("title", "kind"))
    assert kinds["Dobbeltdiagnose"] == "dokument"
    assert kinds["6. Tovholderen"] == "afsnit"
    assert kinds["6.1 Udpeg en fast tovholder"] == "anbefaling"
    unit = SearchUnit.objects.get(title="6.1 Udpeg en fast tovholder")
    assert unit.url == "/vejledninger/dobbeltdiagnose/tovholderen/#anbefaling-6-1"
    assert unit.trail == "Dobbeltdiagnose › 6. Tovholderen"


def test_a_draft_is_not_searchable_until_published(document):
    section = GuidanceSectionPageFactory(
        parent=document, title="Kladde", live=False, body=[text("<p>Hemmeligt udkast</p>")]
    )
    section.save_revision()
    assert search("udkast") == []
    publish(section)
    assert search("udkast") == ["Kladde"]


def test_unpublished_pages_leave_the_index(document):
    section = document.get_children().get(slug="paaroerende").specific
    assert "7. Pårørende" in search("pårørende")
    section.unpublish()
    assert "7. Pårørende" not in search("pårørende")


def test_edited_text_replaces_the_old_text(document):
    section = document.get_children().get(slug="paaroerende").specific
    section.body = [("text", "<p>Netværket omkring borgeren.</p>")]
    publish(section)
    assert search("netværket") == ["7. Pårørende"]
    assert "7. Pårørende" not in search("forløbet")


def test_private_pages_leave_the_index_and_come_back(document):
    section = document.get_children().get(slug="tovholderen")
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert search("tovholder") == []
    restriction.delete()
    assert "6. Tovholderen" in search("tovholder")


def test_moving_a_page_updates_its_address(document, guidance_index):
    other = publish(GuidanceDocumentPageFactory(parent=guidance_index, slug="andet"))
    section = document.get_children().get(slug="paaroerende")
    section.move(other, pos="last-child")
    unit = SearchUnit.objects.get(title="7. Pårørende")
    assert unit.url == "/vejledninger/andet/paaroerende/"


def test_renaming_a_document_updates_its_sections_trail(document):
    document.title = "Retningslinjer om dobbeltdiagnose"
    document.slug = "retningslinjer"
    publish(document)
    unit = SearchUnit.objects.get(title="7. Pårørende")
    assert unit.trail == "Retningslinjer om dobbeltdiagnose"
    assert unit.url == "/vejledninger/retningslinjer/paaroerende/"


def test_deleting_a_page_removes_it_and_its_recommendations(document):
    document.get_children().get(slug="tovholderen").delete()
    assert search("tovholder") == []
    assert not SearchUnit.objects.filter(title__startswith="6.1").exists()


def test_releasing_an_edition_makes_it_searchable(document, admin_user):
    release_edition(
        document,
        label="1. udgave, 2014",
        slug="1-udgave-2014",
        effective_date=document.first_published,
        change_summary="Første udgave med kapitlet om tovholderen.",
        user=admin_user,
    )
    unit = SearchUnit.objects.get(kind="udgave")
    assert unit.title == "Dobbeltdiagnose: 1. udgave, 2014"
    assert unit.url == "/vejledninger/dobbeltdiagnose/udgaver/1-udgave-2014/"
    assert "Dobbeltdiagnose: 1. udgave, 2014" in search("udgave")


def test_rebuild_command_restores_a_lost_index(document):
    SearchUnit.objects.all().delete()
    assert search("tovholder") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "6. Tovholderen" in search("tovholder")


@pytest.mark.parametrize("query", ["tovholder", "pårørende", "dobbeltdiagnose"])
def test_the_index_never_holds_unpublished_or_private_pages(document, query):
    document.get_children().get(slug="paaroerende").specific.unpublish()
    PageViewRestriction.objects.create(
        page=document.get_children().get(slug="tovholderen"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    live_public = {"Dobbeltdiagnose"}
    assert set(search(query)) <= live_public
