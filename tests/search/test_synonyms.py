"""Synonyms and abbreviations that editors keep in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from guidelines.factories import GuidanceSectionPageFactory, text
from guidelines.permissions import NATIONAL_EDITORS, REGION_EDITORS, setup_permissions
from search.models import SynonymGroup

from .conftest import publish, search

pytestmark = pytest.mark.django_db
ADD = "/admin/snippets/sitesearch/synonymgroup/add/"


@pytest.fixture
def sections(document):
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Samarbejde med skolen",
            slug="skolen",
            number="8",
            body=[
                text(
                    "<p>Den pædagogisk-psykologiske rådgivning deltager i mødet. "
                    "Misbrug og samtidig psykisk lidelse kræver fælles plan.</p>"
                )
            ],
        )
    )
    return document


def admin_client(django_user_model, group_name, username):
    setup_permissions()
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.set([Group.objects.get(name=str(group_name))])
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_with_csrf(client, url, data):
    form = client.get(url)
    assert form.status_code == 200
    return client.post(url, {**data, "csrfmiddlewaretoken": form.context["csrf_token"]})


def test_an_editor_adds_a_synonym_and_the_search_finds_by_it(django_user_model, regions, sections):
    assert search("skolepsykologerne") == []
    editor = admin_client(django_user_model, NATIONAL_EDITORS, "national")
    response = post_with_csrf(
        editor,
        ADD,
        {
            "kind": "synonym",
            "language": "da",
            "members": "skolepsykolog\npædagogisk psykologisk rådgivning",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # "PPR" is seeded as the abbreviation of "pædagogisk psykologisk rådgivning".
    assert "8. Samarbejde med skolen" in search("skolepsykologerne")
    assert "8. Samarbejde med skolen" in search("PPR")


def test_a_phrase_synonym_matches_in_other_order_and_inflection(sections):
    # Seeded: dobbeltdiagnose = psykisk lidelse og samtidigt misbrug.
    assert "8. Samarbejde med skolen" in search("dobbeltdiagnoser")


def test_kontaktperson_is_not_a_tovholder(sections):
    assert search("kontaktperson") == []
    assert "6. Tovholderen" in search("forløbskoordinator")


@pytest.mark.parametrize(
    "members, message",
    [
        ("", "Dette felt er påkrævet"),
        ("kun ét ord", "mindst to"),
        ("a" * 10_000 + "\nb", "højst"),
    ],
)
def test_bad_groups_are_form_errors(django_user_model, regions, members, message):
    editor = admin_client(django_user_model, NATIONAL_EDITORS, "national")
    response = post_with_csrf(
        editor, ADD, {"kind": "synonym", "language": "da", "members": members}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SynonymGroup.objects.filter(members=members).exists()


def test_regional_editors_cannot_edit_synonyms(django_user_model, regions):
    names = {"region": regions["midtjylland"].region.name}
    editor = admin_client(django_user_model, REGION_EDITORS % names, "midt")
    assert editor.get(ADD).status_code in (302, 403)
    assert editor.get("/admin/snippets/sitesearch/synonymgroup/").status_code in (302, 403)


@pytest.fixture
def indsatsplan(document):
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Koordinerende indsatsplaner",
            slug="indsatsplaner",
            number="9",
            body=[text("<p>Planen samler borgerens indsatser.</p>")],
        )
    )
    return document


def suggested(client, q):
    response = client.get("/soeg/forslag/", {"q": q})
    assert response.status_code == 200
    return [s["label"] for s in response.json()["suggestions"]]


def test_autocomplete_completes_an_abbreviation_to_what_it_stands_for(client, indsatsplan):
    # Seeded: KI-plan = KIP = koordinerende indsatsplan; the title says neither abbreviation.
    assert suggested(client, "KIP") == ["9. Koordinerende indsatsplaner"]
    assert suggested(client, "KI-plan") == ["9. Koordinerende indsatsplaner"]
    # An unfinished abbreviation is still only a prefix of words.
    assert suggested(client, "KI") == []


def test_autocomplete_uses_a_synonym_an_editor_adds(client, django_user_model, regions, document):
    assert suggested(client, "koordinatoren") == []
    editor = admin_client(django_user_model, NATIONAL_EDITORS, "national")
    response = post_with_csrf(
        editor, ADD, {"kind": "synonym", "language": "da", "members": "koordinator\ntovholder"}
    )
    assert response.status_code == 302
    assert "6. Tovholderen" in suggested(client, "koordinatoren")
