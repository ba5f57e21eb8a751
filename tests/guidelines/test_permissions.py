import datetime

import pytest
from django.contrib.auth.models import Group

from guidelines.models import Edition, GuidanceDocumentPage, RegionPage
from guidelines.permissions import setup_national_editors


@pytest.fixture
def national_editor(demo_site, client, django_user_model):
    setup_national_editors()
    user = django_user_model.objects.create_user("national", password="x")
    user.groups.add(Group.objects.get(name="Nationale redaktører"))
    client.force_login(user)
    return user


def test_setup_is_idempotent(demo_site):
    first = setup_national_editors()
    setup_national_editors()
    # Five on the guidance index, the glossary, the casebook, the method catalogue and
    # "Hvem gør hvad", in Danish and in English.
    assert first.page_permissions.count() == 50
    # And the meeting series the casebook's meetings belong to (a snippet).
    codenames = set(first.permissions.values_list("codename", flat=True))
    assert {"add_meetingseries", "change_meetingseries"} <= codenames
    assert Group.objects.filter(name="Nationale redaktører").count() == 1


def test_national_editor_edits_guidance_and_releases_editions(national_editor, client):
    document = GuidanceDocumentPage.objects.get(slug="indsatsplan", locale__language_code="da")
    assert client.get(f"/admin/pages/{document.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/udgaver/frigiv/{document.pk}/",
        {
            "label": "1. udgave",
            "effective_date": datetime.date.today().isoformat(),
            "change_summary": "Første udgave.",
        },
    )
    assert response.status_code == 302
    assert Edition.objects.filter(document=document, label="1. udgave").exists()


def test_national_editor_cannot_edit_region_pages(national_editor, client):
    region = RegionPage.objects.get(slug="midtjylland", locale__language_code="da")
    assert client.get(f"/admin/pages/{region.pk}/edit/").status_code in (302, 403)
