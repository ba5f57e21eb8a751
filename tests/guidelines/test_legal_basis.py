"""A "skal" recommendation names the act it rests on (issue 20): refused without one
in the admin and in an import, shown with the recommendation, gathered in the register
/vejledninger/lovgrundlag/, and found by the search."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.content import ContentError, import_content
from guidelines.factories import GuidanceDocumentPageFactory
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage
from tests.guidelines.test_content_format import DOCUMENT, SITE, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    client.force_login(user)
    return client


def section_form(strength, legal_basis=()):
    recommendation = {
        "code": "2.1",
        "title": "Udskrivningsaftale",
        "strength": strength,
        "statement": rich_text("<p>Lav en aftale.</p>"),
        "rationale": rich_text(""),
        "legal_basis": streamfield(list(legal_basis)),
    }
    return nested_form_data(
        {
            "title": "Nyt afsnit",
            "slug": "nyt",
            "number": "2",
            "summary": "",
            "body": streamfield([("recommendation", recommendation)]),
            "action-publish": "action-publish",
        }
    )


def basis(law="psykiatriloven", paragraph="§ 13 a", url=""):
    return ("item", {"law": law, "paragraph": paragraph, "url": url})


def test_a_skal_recommendation_without_an_act_is_a_form_error(editor, guidance_index):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dok")
    url = f"/admin/pages/add/guidelines/guidancesectionpage/{document.pk}/"
    response = editor.post(url, section_form("skal"))
    assert response.status_code == 200
    assert "anbefaling skal have et lovgrundlag" in response.content.decode()
    assert not GuidanceSectionPage.objects.filter(slug="nyt").exists()

    response = editor.post(url, section_form("skal", [basis(paragraph="13 a")]))
    assert response.status_code == 200
    assert "Skriv paragraffen som i loven" in response.content.decode()

    response = editor.post(url, section_form("skal", [basis(paragraph="§13a")]))
    assert response.status_code == 302
    section = GuidanceSectionPage.objects.get(slug="nyt", locale__language_code="da")
    assert section.recommendations[0]["legal_basis"][0]["paragraph"] == "§ 13 a"
    page = editor.get("/vejledninger/dok/nyt/").content.decode()
    legal = BeautifulSoup(page, "html.parser").select_one(".recommendation__legal")
    assert " ".join(legal.get_text().split()) == "Lovgrundlag: Psykiatriloven § 13 a"

    # "Bør" and "Kan" are advice: no act needed.
    GuidanceSectionPage.objects.filter(slug="nyt").delete()
    assert editor.post(url, section_form("boer")).status_code == 302


def test_an_import_of_a_skal_without_an_act_says_why_and_changes_nothing(db, tmp_path):
    import_content(write(tmp_path, "site.yaml", SITE))
    text = DOCUMENT.replace('                - {law: psykiatriloven, paragraph: "§13a"}\n', "")
    text = text.replace("              legal_basis:\n", "")
    with pytest.raises(ContentError) as caught:
        import_content(write(tmp_path, "bad.yaml", text))
    assert "En “Skal”-anbefaling skal have et lovgrundlag" in str(caught.value)
    assert not GuidanceDocumentPage.objects.filter(slug="proeve").exists()


def test_every_skal_in_the_demo_rests_on_an_act(demo_site):
    musts = [
        (document.slug, recommendation["code"], recommendation["legal_basis"])
        for document in GuidanceDocumentPage.objects.live()
        for _section, recommendation in document.recommendations()
        if recommendation["strength"] == "skal"
    ]
    assert musts, "the demo shows a 'skal' with its act"
    assert all(legal_basis for _slug, _code, legal_basis in musts), musts


def test_the_register_lists_each_paragraph_with_what_rests_on_it(demo_site, client):
    response = client.get("/vejledninger/lovgrundlag/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    act = soup.select_one("#lov-psykiatriloven").find_parent("section")
    terms = [" ".join(dt.get_text().split()) for dt in act.select("dt")]
    assert terms == ["Psykiatriloven § 13 a", "Psykiatriloven § 13 b"]
    link = act.select_one("dd a")
    assert link["href"] == "/vejledninger/dobbeltdiagnose/anbefaling/9-3/"
    assert client.get(link["href"]).status_code == 200
    english = client.get("/en/vejledninger/lovgrundlag/")
    assert english.status_code == 200


def test_the_search_finds_a_recommendation_by_its_act(demo_site, client):
    html = client.get("/soeg/", {"q": "psykiatriloven"}).content.decode()
    assert "9.3 Udskrivningsaftale eller koordinationsplan" in html
