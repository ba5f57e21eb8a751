"""The accessibility statement the web accessibility law asks for: every field of
the WAS-Tool statement on the rendered page, /was leading to it, and bad values
refused in the editor's form."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from home.models import AccessibilityStatementPage


@pytest.fixture
def statement(demo_site):
    return AccessibilityStatementPage.objects.get(locale__language_code="da")


def text(node):
    return " ".join(node.get_text(" ").split())


def test_the_statement_shows_every_field_the_law_asks_for(client, statement):
    response = client.get(statement.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    page = text(soup.select_one("main"))
    # Compliance status against the standard.
    assert "overholder standarden delvist" in text(soup.select_one(".statement-compliance"))
    assert "EN 301 549" in page
    # Content that is not accessible, each with why and the alternative.
    issues = soup.select(".statement-issue")
    assert len(issues) == 2
    assert "Uforholdsmæssig stor byrde" in text(issues[1])
    assert "Skriv til os" in text(issues[1])
    # How and when it was assessed, made and last reviewed.
    assert "Vi har selv evalueret webstedet" in text(soup.select_one(".statement-method"))
    dates = text(soup.select_one(".statement-dates"))
    assert "1. november 2026" in dates and "15. november 2026" in dates
    # Feedback: in writing, by phone, and the feedback form on the page itself.
    contact = soup.select_one(".statement-contact")
    assert contact.select_one('a[href="mailto:tilgaengelighed@vejledning.invalid"]')
    assert contact.select_one('a[href="tel:00000000"]')
    assert soup.select_one("form.page-feedback, .page-feedback form")
    # The complaint to Digitaliseringsstyrelsen, and the statement in WAS-Tool.
    complaint = soup.select_one("a.statement-complaint")["href"]
    assert complaint.startswith("https://digst.dk/")
    assert soup.select_one('a[href="https://www.was.digst.dk/vejledning-eksempel-dk"]')


def test_the_english_statement_is_a_translation(client, statement):
    html = client.get("/en/tilgaengelighedserklaering/").content.decode()
    assert "The site partially meets the standard" in html
    assert "Disproportionate burden" in html


def test_was_leads_to_the_statement(client, statement):
    response = client.get("/was")
    assert response.status_code == 302
    assert response["Location"] == "https://www.was.digst.dk/vejledning-eksempel-dk"
    statement.was_url = ""
    statement.save_revision().publish()
    assert client.get("/was")["Location"] == statement.url


def test_was_without_a_statement_is_a_404(client, home):
    assert client.get("/was").status_code == 404


def test_a_was_address_elsewhere_and_dates_out_of_order_are_form_errors(statement):
    statement.was_url = "https://example.com/erklaering"
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "was.digst.dk" in str(error.value)
    statement.was_url = ""
    statement.reviewed_on = statement.prepared_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "reviewed_on" in error.value.message_dict
