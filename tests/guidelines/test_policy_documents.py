"""Recommendations to government (document type "policy", KL's paper of May 2018): their
recommendations carry no skal/bør/kan. The document type decides, in the admin's forms
and in an import; the pages show no strength, yet keep every recommendation's code,
address, list entry, search unit and place in the editions."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.content import ContentError, export_content, import_content
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage
from tests.search.test_search_page import results

from .test_content_admin_round_trip import form_data
from .test_content_format import snapshot, write

pytestmark = pytest.mark.django_db

POLICY = """
format: vejledning/1
documents:
  - slug: udspil
    title: Anbefalinger om psykiatrien
    document_type: policy
    issuers: KL
    first_published: 2018-05-01
    summary: Anbefalinger til regeringen.
    sections:
      - slug: loeft
        title: Et samlet løft
        number: "3"
        body:
          - type: text
            value: <p>Tre ting står forrest.</p>
          - type: recommendation
            value:
              code: "3.1"
              title: Sociale akuttilbud i alle kommuner
              statement: <p>Staten afsætter penge til akuttilbud.</p>
              rationale: <p>Et akuttilbud forebygger indlæggelser.</p>
      - slug: udskrivning
        title: Udskrivning
        number: "4"
        body:
          - type: recommendation
            value:
              code: "4.1"
              title: Brobyggere på de psykiatriske afdelinger
              statement: <p>Kommunale brobyggere møder borgeren under indlæggelsen.</p>
              legal_basis:
                - {law: psykiatriloven, paragraph: "§ 13 a"}
    editions:
      - slug: maj-2018
        label: Udspil, maj 2018
        effective_date: 2018-05-01
        change_summary: Udspillet.
"""


@pytest.fixture
def admin(django_user_model):
    """A superuser's admin client that enforces CSRF, as a browser meets it."""
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


def post_section(client, document, strength):
    """The admin's "add section" form with one recommendation, posted with its token."""
    url = f"/admin/pages/add/guidelines/guidancesectionpage/{document.pk}/"
    data = nested_form_data(
        {
            "title": "Nyt afsnit",
            "slug": "nyt",
            "number": "2",
            "summary": "",
            "body": streamfield(
                [
                    (
                        "recommendation",
                        {
                            "code": "2.1",
                            "title": "Brobyggere",
                            "strength": strength,
                            "statement": rich_text("<p>Kommunen sender brobyggere.</p>"),
                            "rationale": rich_text(""),
                            "legal_basis": streamfield([]),
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client, url)})


def body_errors(response):
    """The StreamField's errors as the block editor receives them (JSON)."""
    widget = BeautifulSoup(response.content, "html.parser").find(id="body")
    _value, errors = json.loads(widget["data-w-block-arguments-value"])
    return errors


@pytest.fixture
def policy(guidance_index):
    return GuidanceDocumentPageFactory(
        parent=guidance_index, slug="udspil", document_type="policy", issuers="KL"
    )


@pytest.fixture
def guideline(guidance_index):
    return GuidanceDocumentPageFactory(parent=guidance_index, slug="retningslinjer")


def test_a_strength_in_recommendations_to_government_is_a_form_error_on_the_strength(
    admin, policy, client
):
    response = post_section(admin, policy, "boer")
    assert response.status_code == 200
    errors = body_errors(response)
    assert errors["blockErrors"]["0"]["blockErrors"]["strength"]["messages"] == [
        "Anbefalinger til regeringen har ingen styrke: vælg “Ingen styrke”."
    ]
    assert not GuidanceSectionPage.objects.filter(slug="nyt").exists()

    assert post_section(admin, policy, "").status_code == 302
    section = GuidanceSectionPage.objects.get(slug="nyt", locale__language_code="da")
    assert section.live and section.recommendations[0]["strength"] == ""
    page = BeautifulSoup(client.get("/vejledninger/udspil/nyt/").content, "html.parser")
    assert page.select_one("#anbefaling-2-1 .recommendation__title")
    assert not page.select(".strength, .recommendation__strength")


def test_a_guideline_recommendation_without_a_strength_is_a_form_error(admin, guideline):
    response = post_section(admin, guideline, "")
    assert response.status_code == 200
    messages = body_errors(response)["blockErrors"]["0"]["blockErrors"]["strength"]["messages"]
    assert messages[0].startswith("Vælg en styrke (skal, bør eller kan)")
    assert not GuidanceSectionPage.objects.filter(slug="nyt").exists()
    assert post_section(admin, guideline, "kan").status_code == 302


def test_a_document_type_its_recommendations_do_not_fit_is_a_form_error(admin, guideline):
    GuidanceSectionPageFactory(
        parent=guideline, slug="et", title="Første afsnit", body=[recommendation("1.1")]
    )
    url = f"/admin/pages/{guideline.pk}/edit/"
    data = form_data(admin, url)
    data["document_type"] = "policy"
    data["action-publish"] = "action-publish"
    response = admin.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Anbefalingerne i “Første afsnit” har styrker" in form.errors["document_type"][0]
    assert GuidanceDocumentPage.objects.get(pk=guideline.pk).document_type == "guideline"


def test_a_policy_document_shows_no_strength_legend_or_badges(client, content):
    write(content, "policy.yaml", POLICY)
    import_content(content)  # and the guideline of test_content_format
    document = BeautifulSoup(client.get("/vejledninger/udspil/").content, "html.parser")
    assert (
        document.select_one(".document-meta")
        .get_text(" ", strip=True)
        .startswith("Type Anbefalinger til regeringen")
    )
    assert not document.select(".strength-legend")
    # The list of recommendations: codes, titles and sections, no strength column.
    listing = BeautifulSoup(client.get("/vejledninger/udspil/anbefalinger/").content, "html.parser")
    headers = [th.get_text(strip=True) for th in listing.select("thead th")]
    assert headers == ["Kode", "Anbefaling", "Afsnit"]
    assert [a.get_text() for a in listing.select("tbody td:first-child a")] == ["3.1", "4.1"]
    assert not listing.select(".strength-legend")
    for url in ("/vejledninger/udspil/loeft/", "/vejledninger/udspil/anbefaling/3-1/"):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert page.select(".recommendation"), url
        assert not page.select(".strength"), url
    # The register of acts names the recommendation without a badge.
    register = BeautifulSoup(client.get("/vejledninger/lovgrundlag/").content, "html.parser")
    entry = register.select_one('a[href="/vejledninger/udspil/anbefaling/4-1/"]').parent
    assert not entry.select(".strength")

    # A guideline keeps its legend and its badges.
    guideline = BeautifulSoup(client.get("/vejledninger/proeve/").content, "html.parser")
    assert guideline.select(".strength-legend")
    section = BeautifulSoup(client.get("/vejledninger/proeve/foerste/").content, "html.parser")
    assert section.select_one(".strength--skal").get_text() == "Skal"


def test_policy_recommendations_keep_codes_anchors_search_and_editions(client, content):
    write(content, "policy.yaml", POLICY)
    import_content(content)
    page = BeautifulSoup(client.get("/vejledninger/udspil/loeft/").content, "html.parser")
    assert page.select_one("#anbefaling-3-1")
    assert client.get("/vejledninger/udspil/anbefaling/3-1/").status_code == 200
    # The search finds the recommendation as a unit of its own.
    found = results(client.get("/soeg/", {"q": "brobyggere"}).content.decode())
    assert ("Anbefaling", "4.1 Brobyggere på de psykiatriske afdelinger") in [
        (kind, title) for kind, title, _href in found
    ]

    # A new edition that changes and adds recommendations is compared by code.
    document = GuidanceDocumentPage.objects.get(slug="udspil")
    loeft = GuidanceSectionPage.objects.get(slug="loeft")
    loeft.body = [
        text("<p>Tre ting står forrest.</p>"),
        recommendation("3.1", title="Sociale akuttilbud i alle kommuner", strength=""),
        recommendation("3.2", title="Kompetenceløft", strength=""),
    ]
    loeft.save_revision().publish()
    document = GuidanceDocumentPage.objects.get(pk=document.pk)
    second = release_edition(
        document,
        label="Opfølgning, 2019",
        effective_date=document.edition_list[0].effective_date.replace(year=2019),
        change_summary="Opfølgning.",
    )
    assert [r["strength"] for _s, r in second.recommendations] == ["", "", ""]
    response = client.get("/vejledninger/udspil/sammenlign/maj-2018/opfoelgning-2019/")
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert [(r.code, r.status) for r in comparison.recommendations] == [
        ("3.1", "changed"),
        ("3.2", "added"),
    ]
    frozen = BeautifulSoup(
        client.get("/vejledninger/udspil/udgaver/maj-2018/").content, "html.parser"
    )
    assert frozen.select_one("#anbefaling-3-1") and not frozen.select(".strength")


def test_importing_a_strength_into_recommendations_to_government_fails_and_changes_nothing(
    content,
):
    import_content(content)
    before = (snapshot(), Revision.objects.count())
    bad = POLICY.replace('code: "3.1"\n', 'code: "3.1"\n              strength: boer\n')
    with pytest.raises(ContentError) as caught:
        import_content(write(content.parent, "bad.yaml", bad))
    error = caught.value
    assert "sections[0] (loeft)" in error.item
    assert error.field == "body[1].strength"
    assert "Anbefalinger til regeringen har ingen styrke" in str(error)
    assert (snapshot(), Revision.objects.count()) == before


def test_importing_a_guideline_recommendation_without_a_strength_fails(content):
    import_content(content)
    before = (snapshot(), Revision.objects.count())
    bad = POLICY.replace("document_type: policy", "document_type: guideline")
    with pytest.raises(ContentError) as caught:
        import_content(write(content.parent, "bad.yaml", bad))
    assert caught.value.field == "body[1].strength"
    assert "Vælg en styrke" in str(caught.value)
    assert (snapshot(), Revision.objects.count()) == before


def test_changing_only_the_document_type_in_a_file_is_checked_too(content):
    """Sections that match the database are not saved again: the rule is checked on
    the file's items, so a guideline cannot become a policy under its strengths."""
    import_content(content)
    before = (snapshot(), Revision.objects.count())
    changed = (
        (content / "doc.yaml")
        .read_text()
        .replace("document_type: guideline", "document_type: policy")
    )
    with pytest.raises(ContentError) as caught:
        import_content(write(content.parent, "doc.yaml", changed))
    assert caught.value.field == "body[3].strength"
    assert (snapshot(), Revision.objects.count()) == before


def test_a_policy_document_round_trips_through_export_and_import(content, tmp_path):
    write(content, "policy.yaml", POLICY)
    import_content(content)
    exported = tmp_path / "export"
    export_content(exported)
    text = (exported / "documents" / "udspil.yaml").read_text(encoding="utf-8")
    assert "document_type: policy" in text
    assert "strength: ''" in text

    # Importing the export changes nothing; exporting again writes the same file.
    stats = import_content(exported)
    assert stats["created"] == stats["updated"] == 0
    again = tmp_path / "again"
    export_content(again)
    assert (again / "documents" / "udspil.yaml").read_text(encoding="utf-8") == text


def test_the_demo_has_kls_recommendations_to_government(demo_site, client):
    document = GuidanceDocumentPage.objects.get(slug="kl-2018", locale__language_code="da")
    assert (document.document_type, document.issuers, document.is_demo) == ("policy", "KL", True)
    assert all(r["strength"] == "" for _s, r in document.recommendations())
    page = soup_of(client, "/vejledninger/kl-2018/")
    assert "Demoindhold" in page.get_text() and not page.select(".strength-legend")
    figures = soup_of(client, "/vejledninger/kl-2018/udviklingen-i-tal/").select("figure")
    assert len(figures) >= 4
    for figure in figures:  # every figure with its year and its source
        assert figure.select_one(".key-figure__year").get_text().strip("()")
        assert figure.select_one("figcaption cite").get_text(strip=True)
    assert [f for f in figures if f.select(".key-figure__invented")]
    # The methods KL points to, linked to the method catalogue.
    methods = soup_of(client, "/vejledninger/kl-2018/metoder/")
    links = {a["href"] for a in methods.select("a[href^='/metoder/']")}
    assert {"/metoder/ips/", "/metoder/peerstoette/", "/metoder/fit/"} <= links
    english = soup_of(client, "/en/vejledninger/kl-2018/udviklingen-i-tal/")
    assert english.select_one("h1").get_text() == "2. The development in figures"


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")
