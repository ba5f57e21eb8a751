"""A case's region follows where it lives, through the admin's own form.

As a region's editor (CSRF enforced, as in a browser) and as a superuser: the region
is set from the page the case lives under and locked for staff; a superuser who
contradicts it gets a form error; the municipalities offered are the region's, and
a region and its municipalities fixed in one save are checked as submitted.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casebook.models import CasePage, TargetGroup, Theme
from guidelines.models import Municipality, Region
from guidelines.permissions import setup_permissions

from .conftest import make_case

MIDT_EDITORS = "Region Midtjylland – redaktører"


def browser(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def midt_editor(django_user_model, casebook, region_pages):
    setup_permissions()
    user = django_user_model.objects.create_user("midt-redaktoer", password="x")
    user.groups.set([Group.objects.get(name=MIDT_EDITORS)])
    return browser(user)


@pytest.fixture
def superuser(django_user_model, casebook, region_pages):
    return browser(django_user_model.objects.create_superuser("admin", password="x"))


def municipalities(*names):
    return [Municipality.objects.get(name=name).pk for name in names]


def post_form(client, url, region, names, slug="ny-case", title="Ny case"):
    """GET the form (its CSRF token, as a browser has it), then POST a case."""
    page = client.get(url)
    assert page.status_code == 200
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Resumé.",
            "region": region.pk if region else "",
            "start_year": "2018",
            "status": "i-gang",
            "what_was_done": rich_text("<p>Gjort.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            "action-submit": "action-submit",
        }
    )
    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    data["municipalities"] = municipalities(*names)
    data["target_groups"] = [TargetGroup.objects.get(slug="voksne").pk]
    data["themes"] = [Theme.objects.get(slug="bolig").pk]
    return client.post(url, data)


def add_url(parent):
    return f"/admin/pages/add/casebook/casepage/{parent.pk}/"


def offered(html):
    """The municipality checkboxes' labels, and the groups' headings."""
    names = re.findall(r'name="municipalities" value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
    return names


def test_a_regional_editor_gets_the_region_set_and_its_municipalities_only(
    midt_editor, region_pages
):
    html = midt_editor.get(add_url(region_pages["midtjylland"])).content.decode()
    region_select = re.search(r'<select name="region"[^>]*>', html).group(0)
    assert "disabled" in region_select
    assert re.search(r'<option value="\d+" selected>Region Midtjylland</option>', html)
    names = offered(html)
    assert "Randers" in names and "Aarhus" in names
    assert "Aalborg" not in names and "Odense" not in names
    assert len(names) == Municipality.objects.filter(region__slug="midtjylland").count()
    # A filter box when JavaScript runs; the list works without it.
    assert "data-checkbox-filter" in html and "core/checkbox-filter.js" in html


def test_a_regional_editor_cannot_place_a_case_in_another_region(midt_editor, region_pages):
    nord = Region.objects.get(slug="nordjylland")
    response = post_form(midt_editor, add_url(region_pages["midtjylland"]), nord, ["Aalborg"])
    assert response.status_code == 200
    assert "Aalborg ligger ikke i Region Midtjylland" in response.content.decode()
    assert not CasePage.objects.filter(slug="ny-case").exists()

    # The region is locked: a submitted region is ignored, the place's is saved.
    response = post_form(midt_editor, add_url(region_pages["midtjylland"]), nord, ["Randers"])
    assert response.status_code == 302
    case = CasePage.objects.get(slug="ny-case", locale__language_code="da")
    assert case.get_latest_revision_as_object().region.slug == "midtjylland"


def test_region_and_municipalities_fixed_in_one_save(superuser, casebook, region_pages):
    # A case under Nordjylland's page that says Midtjylland, with Randers (as a move
    # or an old import can leave it): both are put right in one save.
    midt = Region.objects.get(slug="midtjylland")
    case = make_case(casebook, region_pages, region=midt, slug="flyttet")
    case.municipalities.set(Municipality.objects.filter(name="Randers"))
    case.save()
    case.move(region_pages["nordjylland"], pos="last-child")
    case = CasePage.objects.get(pk=case.pk)
    html = superuser.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert "Randers" in offered(html)  # what it has is shown, not dropped unseen

    nord = Region.objects.get(slug="nordjylland")
    response = post_form(
        superuser, f"/admin/pages/{case.pk}/edit/", nord, ["Aalborg"], slug="flyttet"
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = CasePage.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert saved.region == nord
    assert [m.name for m in saved.municipalities.all()] == ["Aalborg"]


def test_a_superuser_who_contradicts_the_place_gets_a_form_error(superuser, region_pages, casebook):
    nord = Region.objects.get(slug="nordjylland")
    response = post_form(superuser, add_url(region_pages["midtjylland"]), nord, ["Aalborg"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Casen ligger under Region Midtjylland; dens region skal være Region Midtjylland" in (
        html
    )
    response = post_form(superuser, add_url(casebook), nord, ["Aalborg"])
    assert "Casen ligger i den nationale casebog og kan ikke høre til en region" in (
        response.content.decode()
    )
    assert not CasePage.objects.filter(slug="ny-case").exists()


def test_a_national_case_offers_every_municipality_grouped_by_region(superuser, casebook):
    html = superuser.get(add_url(casebook)).content.decode()
    assert len(offered(html)) == Municipality.objects.count()
    for region in Region.objects.all():
        assert region.name in html
    response = post_form(superuser, add_url(casebook), None, ["Aalborg", "Odense"])
    assert response.status_code == 302
    case = CasePage.objects.get(slug="ny-case", locale__language_code="da")
    assert case.region is None
    assert sorted(m.name for m in case.municipalities.all()) == ["Aalborg", "Odense"]


# --- The recommendation picker ------------------------------------------------------


def with_link(data, document, code):
    data.update(
        {
            "recommendation_links-TOTAL_FORMS": "1",
            "recommendation_links-0-document": str(document.pk),
            "recommendation_links-0-code": code,
            "recommendation_links-0-ORDER": "1",
            "recommendation_links-0-id": "",
            "recommendation_links-0-DELETE": "",
        }
    )
    return data


def post_with_link(client, parent, document, code):
    url = add_url(parent)
    page = client.get(url)
    assert page.status_code == 200
    data = nested_form_data(
        {
            "title": "Ny case",
            "slug": "ny-case",
            "summary": "Resumé.",
            "region": "",
            "start_year": "2018",
            "status": "i-gang",
            "what_was_done": rich_text("<p>Gjort.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    data["target_groups"] = [TargetGroup.objects.get(slug="voksne").pk]
    data["themes"] = [Theme.objects.get(slug="bolig").pk]
    return client.post(url, with_link(data, document, code))


def test_the_recommendation_picker_lists_each_documents_codes(superuser, casebook, national):
    html = superuser.get(add_url(casebook)).content.decode()
    template = re.search(
        r'id="id_recommendation_links-EMPTY_FORM_TEMPLATE"(.*?)</template>', html, re.S
    ).group(1)
    assert f'<optgroup label="{national.title}">' in template
    assert re.search(r'<option value="2\.1">2\.1 Fælles plan</option>', template)
    english = national.get_translations().filter(locale__language_code="en")
    for document in english:
        assert f'<option value="{document.pk}"' not in template


def test_a_valid_recommendation_is_linked(superuser, casebook, national):
    response = post_with_link(superuser, casebook, national, "2.1")
    assert response.status_code == 302, response.content.decode()[:2000]
    case = CasePage.objects.get(slug="ny-case", locale__language_code="da")
    assert [(link.document_id, link.code) for link in case.recommendation_links.all()] == [
        (national.pk, "2.1")
    ]


@pytest.mark.parametrize(
    "code, message",
    [
        ("9.9", "Der findes ingen anbefaling med koden “9.9”"),
        ("abc", "Der findes ingen anbefaling med koden “abc”"),
    ],
)
def test_a_code_not_offered_is_a_danish_form_error(superuser, casebook, national, code, message):
    response = post_with_link(superuser, casebook, national, code)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CasePage.objects.filter(slug="ny-case").exists()
