"""Editors work through Wagtail's admin: creating sections, and clear errors on bad codes."""

import pytest
from django.utils.html import escape
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
)
from guidelines.models import GuidanceSectionPage


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    client.force_login(user)
    return client


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dok")
    GuidanceSectionPageFactory(parent=document, slug="et", body=[recommendation("1.1")])
    return document


def section_form(code, slug="nyt"):
    return nested_form_data(
        {
            "title": "Nyt afsnit",
            "slug": slug,
            "number": "2",
            "summary": "",
            "body": streamfield(
                [
                    (
                        "recommendation",
                        {
                            "code": code,
                            "title": "Ny anbefaling",
                            "strength": "boer",
                            "statement": rich_text("<p>Gør sådan.</p>"),
                            "rationale": rich_text(""),
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )


def add_url(document):
    return f"/admin/pages/add/guidelines/guidancesectionpage/{document.pk}/"


@pytest.mark.parametrize("code, slug", [("2.1", "2-1"), ("R2.1", "R2-1"), ("2.1a", "2-1a")])
def test_editor_can_add_and_publish_a_section_with_a_recommendation(
    editor, document, client, code, slug
):
    response = editor.post(add_url(document), section_form(code))
    assert response.status_code == 302
    section = GuidanceSectionPage.objects.get(slug="nyt", locale__language_code="da")
    assert section.live and section.recommendations[0]["code"] == code
    assert client.get(f"/vejledninger/dok/anbefaling/{slug}/").status_code == 200


@pytest.mark.parametrize(
    "code, message",
    [
        ("1.1", "bruges allerede i afsnittet"),
        ("2,1", "tal adskilt af punktum"),
        ("to", "tal"),
        ("REGION2.1", "tal"),
    ],
)
def test_duplicate_or_malformed_code_is_a_form_error_not_a_500(editor, document, code, message):
    response = editor.post(add_url(document), section_form(code))
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not GuidanceSectionPage.objects.filter(slug="nyt").exists()


def test_admin_edit_views_render_for_every_page_type(editor, demo_site):
    """The demo has a page of every type (tests/test_page_tree.py lists them)."""
    for model in get_page_models():
        if not model.is_creatable:
            continue  # Wagtail's own root page
        page = model.objects.filter(locale__language_code="da").first()
        assert page is not None, f"the demo has no {model.__name__}"
        response = editor.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model.__name__
        assert f'value="{escape(page.title)}"' in response.content.decode(), model.__name__


def test_reference_data_is_listed_in_the_admin(editor):
    response = editor.get("/admin/snippets/guidelines/municipality/", {"q": "Randers"})
    assert response.status_code == 200
    assert "Randers" in response.content.decode()
