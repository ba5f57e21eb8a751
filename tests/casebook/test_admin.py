import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casebook.models import CasePage, TargetGroup, Theme
from guidelines.models import Municipality


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "x"))
    return client


def form(municipality):
    data = nested_form_data(
        {
            "title": "Ny case",
            "slug": "ny-case",
            "summary": "Resumé.",
            "region": "",
            "start_year": "2018",
            "end_year": "2016",
            "status": "i-gang",
            "what_was_done": rich_text("<p>Gjort.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    # Multiple-choice fields post one value per choice, as a browser does.
    data["municipalities"] = [Municipality.objects.get(name=municipality).pk]
    data["target_groups"] = [TargetGroup.objects.get(slug="voksne").pk]
    data["themes"] = [Theme.objects.get(slug="bolig").pk]
    return data


def test_case_rules_are_form_errors_in_the_admin(editor, region_pages):
    midt = region_pages["midtjylland"]
    data = form("Odense")
    data["region"] = midt.region.pk
    response = editor.post(f"/admin/pages/add/casebook/casepage/{midt.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Odense ligger ikke i Region Midtjylland" in html
    assert "Slutåret ligger før startåret" in html
    assert not CasePage.objects.exists()


def test_editor_creates_a_national_case(editor, casebook):
    data = form("Odense")
    data["end_year"] = ""
    response = editor.post(f"/admin/pages/add/casebook/casepage/{casebook.pk}/", data)
    assert response.status_code == 302
    case = CasePage.objects.get(slug="ny-case", locale__language_code="da")
    assert case.live and [m.name for m in case.municipalities.all()] == ["Odense"]
    # wagtail-localize keeps the English tree in step: an alias until translated.
    assert CasePage.objects.get(slug="ny-case", locale__language_code="en").alias_of_id == case.pk


def test_a_case_slug_is_unique_across_regions(editor, casebook, region_pages):
    data = form("Odense")
    data["end_year"] = ""
    editor.post(f"/admin/pages/add/casebook/casepage/{casebook.pk}/", data)
    midt = region_pages["midtjylland"]
    data = form("Randers")
    data.update(region=midt.region.pk, end_year="")
    response = editor.post(f"/admin/pages/add/casebook/casepage/{midt.pk}/", data)
    assert response.status_code == 200
    assert "En anden case bruger allerede denne slug" in response.content.decode()
    assert CasePage.objects.filter(locale__language_code="da").count() == 1
