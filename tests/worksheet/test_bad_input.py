"""What a reader (or anyone) may post to the worksheet: long text, control
characters, markup and script in every field, and junk where the page posts
numbers. Never a 500; text over a limit gets a Danish error on its field and
comes back whole; everything else is kept as typed and shown as text."""

import pytest
from bs4 import BeautifulSoup

from worksheet.forms import CELL_LIMIT, TEXT_LIMIT

from .helpers import NATIONAL, SAME_SITE, docx_text, form_data, pdf_text, squashed

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b onmouseover=alert(1)>fed</b> & "citat"'
CONTROL = "før\x00\x01\x07\x0b\x1b\x7f\x85efter"


def empty_form(client):
    return form_data(client.get(NATIONAL).content.decode())


def text_fields(data):
    return [name for name in data if name != "made_on" and not name.endswith("-raekker")]


def test_markup_and_control_characters_in_every_field_are_text_in_every_output(demo_site, client):
    data = empty_form(client)
    typed = [name for name in text_fields(data) if name != "municipality"]
    for name in typed:
        data[name] = f"{name} {SCRIPT} {CONTROL}"

    printed = client.post(NATIONAL, {**data, "handling": "udskriv"}, **SAME_SITE)
    assert printed.status_code == 200
    soup = BeautifulSoup(printed.content, "html.parser")
    plan = soup.select_one("article.plan")
    assert not plan.select("script, b[onmouseover]")
    assert not soup.select("[onmouseover]")
    assert plan.get_text().count('<script>alert("x")</script>') == len(typed)
    assert "førefter" in plan.get_text()  # the control characters are gone, the rest kept
    for character in "\x00\x01\x07\x0b\x1b\x7f\x85":
        assert character not in printed.content.decode()

    pdf = client.post(NATIONAL, {**data, "handling": "pdf"}, **SAME_SITE)
    assert pdf.status_code == 200
    text = squashed(pdf_text(pdf.content))
    assert text.count(squashed('<script>alert("x")</script>')) == len(typed)
    assert "førefter" in text

    word = client.post(NATIONAL, {**data, "handling": "docx"}, **SAME_SITE)
    assert word.status_code == 200
    text = docx_text(word.content)
    assert text.count(SCRIPT) == len(typed)
    assert "førefter" in text


def test_a_text_of_the_limit_goes_through_and_one_over_it_gets_a_danish_error(demo_site, client):
    data = empty_form(client)
    long = ("ordene " * (TEXT_LIMIT // 7 + 1))[: TEXT_LIMIT - 3] + "END"
    assert len(long) == TEXT_LIMIT
    for handling in ("udskriv", "pdf", "docx"):
        response = client.post(
            NATIONAL, {**data, "del2-1": long, "handling": handling}, **SAME_SITE
        )
        assert response.status_code == 200, handling
    word = client.post(NATIONAL, {**data, "del2-1": long, "handling": "docx"}, **SAME_SITE)
    assert long in docx_text(word.content)

    too_long = long + "X"
    response = client.post(NATIONAL, {**data, "del2-1": too_long, "handling": "pdf"}, **SAME_SITE)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Højst 20000 tegn i dette felt (der er 20001)." in html
    # The field says so itself, tied to it for a screen reader, and the text is all there.
    soup = BeautifulSoup(html, "html.parser")
    field = soup.select_one("#id_del2-1")
    assert field["aria-invalid"] == "true"
    assert "id_del2-1-fejl" in field["aria-describedby"].split()
    assert form_data(html)["del2-1"] == too_long
    assert not field.has_attr("maxlength")  # a browser would cut pasted text silently


def test_twenty_thousand_characters_in_every_field_never_make_a_500(demo_site, client):
    data = empty_form(client)
    for name in text_fields(data):
        data[name] = "x" * 20_000
    for handling in ("udskriv", "pdf", "docx", "kommune", "tilfoej-1", ""):
        response = client.post(NATIONAL, {**data, "handling": handling}, **SAME_SITE)
        assert response.status_code == 400, handling
        html = response.content.decode()
        assert f"Højst {CELL_LIMIT} tegn i dette felt" in html
        assert "Højst 200 tegn i dette felt" in html  # the citizen's name
        assert "Vælg en kommune på listen." in html  # "xxx…" is no municipality


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("del1-raekker", "-5"),
        ("del1-raekker", "abc"),
        ("del1-raekker", "99999999999999999999"),
        ("handling", "tilfoej-99"),
        ("handling", "tilfoej-2"),  # a part that is not a list
        ("handling", "slet-alt"),
        ("made_on", "31-02-2026"),
        ("municipality", "0"),
        ("municipality", "abc"),
    ],
)
def test_junk_where_the_page_posts_numbers_and_choices(demo_site, client, name, value):
    data = empty_form(client)
    data["del1-r1-k1"] = "Det, jeg skrev"
    response = client.post(NATIONAL, {**data, "handling": "pdf", name: value}, **SAME_SITE)
    assert response.status_code in (200, 400)
    if response["Content-Type"].startswith("text/html"):
        again = form_data(response.content.decode())
        assert again["del1-r1-k1"] == "Det, jeg skrev"
        assert 1 <= int(again["del1-raekker"]) <= 30


def test_rows_stop_at_the_most_a_plan_can_have_and_say_so(demo_site, client):
    data = empty_form(client)
    data["del1-raekker"] = "30"
    response = client.post(NATIONAL, {**data, "handling": "tilfoej-1"}, **SAME_SITE)
    assert form_data(response.content.decode())["del1-raekker"] == "30"
    assert "Der kan højst være 30 rækker i en del." in response.content.decode()


def test_rows_past_the_count_or_the_limit_are_kept_with_an_error(demo_site, client):
    data = empty_form(client)
    for row in range(1, 32):  # 31 rows with text, though the page says 2
        data[f"del1-r{row}-k1"] = f"Mål nummer {row}"
    response = client.post(NATIONAL, {**data, "handling": "udskriv"}, **SAME_SITE)
    assert response.status_code == 400
    html = response.content.decode()
    assert "“Borgerens mål og ønsker” har 31 udfyldte rækker" in html
    again = form_data(html)
    assert again["del1-raekker"] == "31" and again["del1-r31-k1"] == "Mål nummer 31"
    # Emptied down to the limit, the plan goes out with every row.
    data["del1-r31-k1"] = ""
    printed = client.post(NATIONAL, {**data, "handling": "udskriv"}, **SAME_SITE)
    assert printed.status_code == 200
    assert "Mål nummer 30" in printed.content.decode()


def test_line_breaks_count_towards_the_length_of_a_plan(demo_site, client):
    """A line break costs the PDF as much as a line of text: 20,000 characters of
    short lines are refused where 20,000 of prose go through."""
    data = empty_form(client)
    lines = "a\n" * 10_000
    response = client.post(NATIONAL, {**data, "del2-1": lines, "handling": "pdf"}, **SAME_SITE)
    assert response.status_code == 400
    assert "et linjeskift tæller som 60 tegn" in response.content.decode()
    assert form_data(response.content.decode())["del2-1"] == lines


@pytest.mark.parametrize("typed", ["2026-12-06", "06-12-2026", "6.12.2026", "06/12/2026"])
def test_dates_as_danes_write_them(demo_site, client, typed):
    data = {**empty_form(client), "made_on": typed, "handling": "docx"}
    response = client.post(NATIONAL, data, **SAME_SITE)
    assert response.status_code == 200
    assert "6. december 2026" in docx_text(response.content)


def test_contacts_without_a_municipality_is_an_error_on_the_field(demo_site, client):
    data = {**empty_form(client), "municipality": "", "handling": "kommune"}
    response = client.post(NATIONAL, data, **SAME_SITE)
    assert response.status_code == 400
    assert "Vælg en kommune på listen." in response.content.decode()


def test_a_plan_too_long_for_one_file_is_refused_with_everything_kept(demo_site, client):
    data = empty_form(client)
    for index in range(1, 7):  # six fields at the field limit: 120,000 characters
        data[f"del2-{index}"] = "y" * TEXT_LIMIT
    response = client.post(NATIONAL, {**data, "handling": "pdf"}, **SAME_SITE)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Planen er for lang til én fil: den fylder" in html
    assert "og der kan højst være 100000" in html
    assert form_data(response.content.decode())["del2-6"] == "y" * TEXT_LIMIT


def test_many_pdfs_from_one_client_get_the_form_back_not_a_pdf(demo_site, client, settings):
    settings.WORKSHEET_PDFS_PER_HOUR = 2
    data = {**empty_form(client), "del1-r1-k1": "Mit mål", "handling": "pdf"}
    for _attempt in range(2):
        assert client.post(NATIONAL, data, **SAME_SITE)["Content-Type"] == "application/pdf"
    refused = client.post(NATIONAL, data, **SAME_SITE)
    assert refused.status_code == 429
    assert "Du har hentet mange PDF-filer på kort tid" in refused.content.decode()
    assert form_data(refused.content.decode())["del1-r1-k1"] == "Mit mål"
    # A Word file is cheap, and still there.
    word = client.post(NATIONAL, {**data, "handling": "docx"}, **SAME_SITE)
    assert word.status_code == 200
