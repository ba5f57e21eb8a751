"""A new adaptation starts from its document, through the admin as a region's editor.

The editor picks a live national document first (adaptations/new.py); the form then
offers only that document's published sections and its editions in the page's
language, with the title and slug taken from the document. Odd choices get a clear
Danish answer, never a server error.
"""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory
from guidelines.models import GuidanceDocumentPage, RegionalAdaptationPage

from .test_moderation import MIDT_EDITORS, adaptation_data, post_form

DRAFT_DOCUMENT = "Kladde til ny vejledning"
DRAFT_SECTION = "Kladdeafsnit om noget nyt"


@pytest.fixture
def editor(csrf_login, national):
    return csrf_login("midt-redaktoer", MIDT_EDITORS)


@pytest.fixture
def drafts(guidance_index, national):
    """A national document and a section of the live one, neither ever published."""
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="kladde", title=DRAFT_DOCUMENT, live=False
    )
    section = GuidanceSectionPageFactory(
        parent=national, slug="kladde", title=DRAFT_SECTION, number="4", live=False
    )
    return document, section


def add_url(region_page, document=None):
    url = f"/admin/pages/add/guidelines/regionaladaptationpage/{region_page.pk}/"
    return url if document is None else f"{url}?dokument={document}"


def test_the_editor_chooses_among_live_national_documents(editor, regions, national, drafts):
    response = editor.get(add_url(regions["midtjylland"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vælg først det nationale dokument" in html
    assert f'href="?dokument={national.pk}"' in html and national.title in html
    assert DRAFT_DOCUMENT not in html  # a national draft is not shown to a region
    english = GuidanceDocumentPage.objects.filter(locale__language_code="en")
    for document in english:
        assert f"?dokument={document.pk}" not in html


def test_the_form_offers_only_the_documents_sections_and_editions(
    editor, regions, national, drafts
):
    response = editor.get(add_url(regions["midtjylland"], national.pk))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("input", attrs={"name": "title"})["value"] == (
        "Model for forløbsprogrammer i Region Midtjylland"
    )
    assert page.find("input", attrs={"name": "slug"})["value"] == national.slug
    template = page.find(id="id_section_adaptations-EMPTY_FORM_TEMPLATE").decode_contents()
    select = BeautifulSoup(template, "html.parser").find("select", id=re.compile("-section$"))
    sections = [option["value"] for option in select.find_all("option")]
    assert sections == ["", "maalgruppe", "indsatser", "opfoelgning"]
    assert DRAFT_SECTION not in response.content.decode()
    editions = [
        option["value"]
        for option in page.find("select", attrs={"name": "based_on"}).find_all("option")
        if option["value"]
    ]
    assert editions == [str(edition.pk) for edition in national.edition_list]


@pytest.mark.parametrize("value", ["abc", "999999", "draft", "english", "-1"])
def test_an_odd_document_choice_is_answered_clearly(editor, regions, national, drafts, value):
    document = {
        "draft": drafts[0].pk,
        "english": next(
            iter(
                GuidanceDocumentPage.objects.filter(locale__language_code="en").values_list(
                    "pk", flat=True
                )
            ),
            999998,
        ),
    }.get(value, value)
    response = editor.get(add_url(regions["midtjylland"], document))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Det valgte dokument findes ikke eller er ikke udgivet" in html
    assert DRAFT_DOCUMENT not in html


def test_a_section_outside_the_document_is_a_danish_form_error(editor, regions, national, drafts):
    data = adaptation_data(national, "action-submit")
    data["section_adaptations-0-section"] = "kladde"  # the unpublished section
    response = post_form(editor, add_url(regions["midtjylland"]), data)
    assert response.status_code == 200
    assert "Dokumentet har intet udgivet afsnit “kladde”" in response.content.decode()
    assert not RegionalAdaptationPage.objects.exists()


def test_a_document_the_region_already_adapts_is_not_offered_again(editor, regions, national):
    response = post_form(
        editor, add_url(regions["midtjylland"]), adaptation_data(national, "action-submit")
    )
    assert response.status_code == 302
    html = editor.get(add_url(regions["midtjylland"])).content.decode()
    assert "regionen har allerede en tilpasning af dette dokument" in html
    assert f'href="?dokument={national.pk}"' not in html
    assert Page.objects.type(RegionalAdaptationPage).count() >= 1
