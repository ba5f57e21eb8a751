"""A publication known only to its month ("KL, maj 2018") is shown as "maj 2018", never
as an invented first of the month: on the document, its edition list and edition page,
in both languages, set in a file or in the admin's release form, and kept by export."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from core.content import ContentError, export_content, import_content
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text
from guidelines.models import Edition

from .test_content_format import write

pytestmark = pytest.mark.django_db

DOCUMENT = """
format: vejledning/1
documents:
  - slug: udspil
    title: Et udspil
    document_type: policy
    issuers: KL
    first_published: 2018-05-01
    first_published_month_only: true
    summary: Anbefalinger.
    sections:
      - slug: et
        title: Et afsnit
        number: "1"
        body:
          - type: text
            value: <p>Tekst.</p>
    editions:
      - slug: maj-2018
        label: Udspil, maj 2018
        effective_date: 2018-05-01
        effective_month_only: true
        change_summary: Udspillet.
"""


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def first_published(client, url, label):
    meta = soup(client.get(url)).select_one(".document-meta")
    term = next(dt for dt in meta.select("dt") if dt.get_text() == label)
    time = term.find_next_sibling("dd").find("time")
    return time.get_text(), time["datetime"]


def test_a_month_known_date_shows_the_month_on_every_page(content, client):
    write(content, "udspil.yaml", DOCUMENT)
    import_content(content)

    assert first_published(client, "/vejledninger/udspil/", "Først udgivet") == (
        "maj 2018",
        "2018-05",
    )
    listed = soup(client.get("/vejledninger/udspil/udgaver/")).select_one(".edition-list time")
    assert (listed.get_text(), listed["datetime"]) == ("maj 2018", "2018-05")
    edition = soup(client.get("/vejledninger/udspil/udgaver/maj-2018/")).get_text(" ")
    assert "maj 2018" in edition and "1. maj 2018" not in edition
    assert "1. maj 2018" not in soup(client.get("/vejledninger/udspil/")).get_text(" ")


def test_the_demo_dates_kls_paper_to_its_month(demo_site, client):
    assert first_published(client, "/vejledninger/kl-2018/", "Først udgivet") == (
        "maj 2018",
        "2018-05",
    )
    assert first_published(client, "/en/vejledninger/kl-2018/", "First published") == (
        "May 2018",
        "2018-05",
    )
    # A document dated to the day keeps its day.
    assert first_published(client, "/vejledninger/dobbeltdiagnose/", "Først udgivet") == (
        "26. august 2014",
        "2014-08-26",
    )


def test_export_keeps_the_precision_and_reimports_unchanged(content, tmp_path):
    write(content, "udspil.yaml", DOCUMENT)
    import_content(content)
    export_content(tmp_path / "export")
    exported = (tmp_path / "export" / "documents" / "udspil.yaml").read_text(encoding="utf-8")
    assert "first_published_month_only: true" in exported
    assert "effective_month_only: true" in exported
    assert import_content(tmp_path / "export")["updated"] == 0

    # An edition is released once: a file that drops the precision is refused.
    changed = DOCUMENT.replace("        effective_month_only: true\n", "")
    with pytest.raises(ContentError, match="allerede frigivet"):
        write(content, "udspil.yaml", changed)
        import_content(content)
    assert Edition.objects.get(slug="maj-2018").effective_month_only is True


def test_the_release_form_takes_a_month_only_date(guidance_index, django_user_model, client):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dd")
    GuidanceSectionPageFactory(parent=document, slug="et", body=[text("<p>Tekst.</p>")])
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(user)
    url = f"/admin/udgaver/frigiv/{document.pk}/"
    token = soup(admin.get(url)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = admin.post(
        url,
        {
            "label": "Udspil, maj 2018",
            "effective_date": "2018-05-01",
            "effective_month_only": "on",
            "change_summary": "Udspillet.",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    listed = soup(client.get("/vejledninger/dd/udgaver/")).select_one(".edition-list time")
    assert (listed.get_text(), listed["datetime"]) == ("maj 2018", "2018-05")
