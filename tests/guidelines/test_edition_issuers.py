"""An edition carries the issuers' names of its time: Socialstyrelsen became Social- og
Boligstyrelsen in 2023, and a 2014 edition keeps the old name after the document's own
field moves on, whether the document is edited in the admin or by an import. The
edition list and each edition's page show the name the edition was issued under."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Revision

from core.content import ContentError, export_content, import_content
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text
from guidelines.models import Edition, GuidanceDocumentPage

from .test_content_admin_round_trip import form_data
from .test_content_format import snapshot, write

pytestmark = pytest.mark.django_db

THEN = "Sundhedsstyrelsen og Socialstyrelsen"
NOW = "Sundhedsstyrelsen og Social- og Boligstyrelsen"

DOCUMENT = f"""
format: vejledning/1
documents:
  - slug: dd
    title: Dobbeltdiagnose
    document_type: guideline
    issuers: {THEN}
    first_published: 2014-08-26
    summary: Retningslinjer.
    sections:
      - slug: maalgruppe
        title: Målgruppe
        number: "1"
        body:
          - type: text
            value: <p>Borgere med svær psykisk lidelse og misbrug.</p>
    editions:
      - slug: 1-udgave-2014
        label: 1. udgave, 2014
        effective_date: 2014-08-26
        change_summary: Første udgave.
"""


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_issuers(client, url):
    """The issuers beside each edition in the edition list, newest first."""
    page = soup(client.get(url))
    return [span.get_text() for span in page.select(".edition-list__issuers")]


def edition_issuers(client, url):
    return soup(client.get(url)).select_one(".edition__issuers").get_text()


def document_issuers(client, url, label="Udgivet af"):
    meta = soup(client.get(url)).select_one(".document-meta")
    term = next(dt for dt in meta.select("dt") if dt.get_text() == label)
    return term.find_next_sibling("dd").get_text()


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def release(client, document, label, effective_date):
    """Release an edition through the admin's form, with its CSRF token."""
    url = f"/admin/udgaver/frigiv/{document.pk}/"
    token = soup(client.get(url)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(
        url,
        {
            "label": label,
            "effective_date": effective_date,
            "change_summary": "Ændringer.",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_edition_keeps_its_issuers_when_the_document_is_changed_in_the_admin(
    admin, guidance_index, client
):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dd", issuers=THEN)
    GuidanceSectionPageFactory(parent=document, slug="et", body=[text("<p>Tekst.</p>")])
    release(admin, document, "1. udgave, 2014", "2014-08-26")

    # The agency is renamed: the editor changes the document's issuers and publishes.
    url = f"/admin/pages/{document.pk}/edit/"
    data = form_data(admin, url)
    data["issuers"] = NOW
    data["action-publish"] = "action-publish"
    assert admin.post(url, data).status_code == 302
    assert GuidanceDocumentPage.objects.get(pk=document.pk).issuers == NOW
    release(admin, document, "2. udgave, 2024", "2024-09-01")

    assert document_issuers(client, "/vejledninger/dd/") == NOW
    assert edition_issuers(client, "/vejledninger/dd/udgaver/1-udgave-2014/") == THEN
    assert edition_issuers(client, "/vejledninger/dd/udgaver/2-udgave-2024/") == NOW
    assert listed_issuers(client, "/vejledninger/dd/udgaver/") == [NOW, THEN]
    first, second = Edition.objects.order_by("effective_date")
    assert (first.issuers, second.issuers) == (THEN, NOW)


def test_an_import_keeps_the_issuers_an_edition_was_released_with(content, client, tmp_path):
    write(content, "dd.yaml", DOCUMENT)
    import_content(content)
    renamed = DOCUMENT.replace(f"issuers: {THEN}", f"issuers: {NOW}")

    # Without the edition's own names, the import would change a released edition:
    # refused, saying which field differs and what the edition has, and nothing changes.
    before = (snapshot(), Revision.objects.count())
    with pytest.raises(ContentError) as caught:
        import_content(write(content, "dd.yaml", renamed))
    message = str(caught.value)
    assert "editions[0] (1-udgave-2014)" in caught.value.item
    assert "issuers" in message and repr(THEN) in message
    assert (snapshot(), Revision.objects.count()) == before

    # The edition states the names of its time; a new edition takes the document's.
    renamed = renamed.replace(
        "        change_summary: Første udgave.\n",
        f"        change_summary: Første udgave.\n        document: {{issuers: {THEN}}}\n"
        "      - slug: 2-udgave-2024\n"
        "        label: 2. udgave, 2024\n"
        "        effective_date: 2024-09-01\n"
        "        change_summary: Nye navne.\n",
    )
    import_content(write(content, "dd.yaml", renamed))
    assert [e.issuers for e in Edition.objects.order_by("effective_date")] == [THEN, NOW]
    assert document_issuers(client, "/vejledninger/dd/") == NOW
    assert edition_issuers(client, "/vejledninger/dd/udgaver/1-udgave-2014/") == THEN
    assert listed_issuers(client, "/vejledninger/dd/udgaver/") == [NOW, THEN]

    # Export writes the edition's own names, and only what differs from the document.
    export_content(tmp_path / "export")
    exported = (tmp_path / "export" / "documents" / "dd.yaml").read_text(encoding="utf-8")
    assert f"    document:\n      issuers: {THEN}\n" in exported
    assert import_content(tmp_path / "export")["updated"] == 0


def test_the_demo_editions_carry_the_names_of_their_time(demo_site, client):
    base = "/vejledninger/dobbeltdiagnose/"
    assert document_issuers(client, base) == "Sundhedsstyrelsen og Social- og Boligstyrelsen"
    assert listed_issuers(client, base + "udgaver/") == [
        "Sundhedsstyrelsen og Social- og Boligstyrelsen",
        "Sundhedsstyrelsen og Socialstyrelsen",
    ]
    assert edition_issuers(client, base + "udgaver/1-udgave-2014/") == (
        "Sundhedsstyrelsen og Socialstyrelsen"
    )
    model = "/vejledninger/forloebsprogrammer/"
    assert listed_issuers(client, model + "udgaver/") == [
        "Social- og Boligstyrelsen og Sundhedsstyrelsen",
        "Socialstyrelsen og Sundhedsstyrelsen",
    ]
    english = "/en/vejledninger/forloebsprogrammer/"
    assert document_issuers(client, english, "Published by") == (
        "Danish Authority of Social Services and Housing and Danish Health Authority"
    )
    assert listed_issuers(client, english + "udgaver/") == [
        "Danish Authority of Social Services and Housing and Danish Health Authority",
        "National Board of Social Services and Danish Health and Medicines Authority",
    ]
    assert edition_issuers(client, english + "udgaver/1-udgave-2015/") == (
        "National Board of Social Services and Danish Health and Medicines Authority"
    )
    # The English dual-diagnosis document borrows the Danish editions (marked Danish).
    borrowed = soup(client.get("/en/vejledninger/dobbeltdiagnose/udgaver/"))
    issuers = borrowed.select(".edition-list__issuers")
    assert [(s.get_text(), s.get("lang")) for s in issuers] == [
        ("Sundhedsstyrelsen og Social- og Boligstyrelsen", "da"),
        ("Sundhedsstyrelsen og Socialstyrelsen", "da"),
    ]
    assert listed_issuers(client, "/vejledninger/kl-2018/udgaver/") == ["KL"]
