"""The action-plan worksheet over HTTP: the form made from the sketch's parts, the
parties and the coordinator filled in, the plan taken away as a print view, a PDF
and a Word file, and the blank sketch and the invented example beside them."""

import pytest
from bs4 import BeautifulSoup

from guidelines.models import (
    AdaptationMode,
    GuidanceDocumentPage,
    GuidanceSectionPage,
    Municipality,
    RegionalAdaptationPage,
    RegionPage,
    SectionAdaptation,
)

from .helpers import (
    NATIONAL,
    REGIONAL,
    SAME_SITE,
    docx_text,
    fields,
    form_data,
    pdf_text,
    squashed,
)

pytestmark = pytest.mark.django_db

PART_NAMES = [
    "Borgerens mål og ønsker",
    "Aktuelle problemer og ressourcer",
    "Indsatser, ansvarlige og kontaktpersoner",
    "Tovholder",
    "Samtykke og deling af oplysninger",
    "Krise- og tilbagefaldsplan",
    "Udskrivning og genindlæggelse",
    "Opfølgning og revision",
]


def legends(html):
    soup = BeautifulSoup(html, "html.parser")
    return [legend.get_text(" ", strip=True) for legend in soup.select("fieldset > legend h2")]


def test_the_form_has_a_fieldset_per_part_with_its_help(demo_site, client):
    response = client.get(NATIONAL)
    assert response.status_code == 200
    html = response.content.decode()
    assert legends(html) == ["Om planen"] + [f"{n}. {name}" for n, name in enumerate(PART_NAMES, 1)]
    # A part's purpose, who fills it in and its examples are its help.
    assert "At gøre borgerens egne mål til omdrejningspunktet" in html
    assert "Borgeren, med hjælp fra tovholderen" in html
    assert "At se sine børn hver anden weekend" in html
    # A text part gets one labelled field per line of what it holds.
    labels = fields(html)
    assert labels["del2-1"] == "Psykisk helbred"
    assert labels["del2-7"] == "Borgerens ressourcer og det, der går godt"
    # A list part gets rows of cells, each labelled with its column and row.
    assert labels["del1-r1-k1"] == "Mål, række 1"
    assert labels["del1-r2-k3"] == "Hvornår, række 2"
    assert "Intet gemmes på serveren" in html
    assert not response.cookies


def test_the_parties_and_the_coordinator_come_from_the_division_of_work(demo_site, client):
    data = form_data(client.get(NATIONAL).content.decode())
    parties = [data[f"del3-r{row}-k1"] for row in range(1, int(data["del3-raekker"]) + 1)]
    # The national matrix's actors, without the citizen, in its order.
    assert parties == [
        "Region/psykiatrien",
        "Kommune/socialpsykiatri",
        "Kommune/misbrugsbehandling",
        "Almen praksis",
    ]
    # Each with the tasks it leads first, then those it takes part in.
    assert data["del3-r1-k2"].splitlines()[0] == "Psykiatrisk udredning og behandling"
    assert "Være tovholder på planen" in data["del3-r2-k2"]
    # The coordinator: the one the matrix makes responsible for the coordinator's task.
    assert data["del4-raekker"] == "1"
    assert data["del4-r1-k1"] == "Kommune/socialpsykiatri"


def test_a_municipality_fills_in_who_the_parties_are_there(demo_site, client):
    data = form_data(client.get(REGIONAL).content.decode())
    randers = Municipality.objects.get(name="Randers")
    data.update(municipality=str(randers.code), handling="kommune", del1_r1_k1="")
    data["del3-r4-k3"] = "Min egen læge, typed by hand"
    response = client.post(REGIONAL, data, **SAME_SITE)
    assert response.status_code == 200
    filled = form_data(response.content.decode())
    assert "(demo)" in filled["del3-r1-k3"]  # the psychiatry's offer in Randers
    assert "(demo)" in filled["del3-r3-k3"]  # the substance-misuse treatment there
    assert filled["del3-r4-k3"] == "Min egen læge, typed by hand"  # never overwritten
    assert filled["del4-r1-k2"]  # the coordinator's contact
    assert "Kontakterne i Randers" in response.content.decode()
    assert not response.cookies
    # Only the region's municipalities are offered on the region's worksheet.
    options = BeautifulSoup(response.content, "html.parser").select("#id_municipality option")
    names = {option.get_text() for option in options if option.get("value")}
    assert "Randers" in names and "Odense" not in names


def test_a_row_is_added_without_javascript_and_nothing_typed_is_lost(demo_site, client):
    data = form_data(client.get(NATIONAL).content.decode())
    data.update({"del1-r1-k1": "At få et job", "del2-1": "Har det bedre", "handling": "tilfoej-1"})
    response = client.post(NATIONAL, data, **SAME_SITE)
    assert response.status_code == 200
    again = form_data(response.content.decode())
    assert again["del1-raekker"] == "3"
    assert "del1-r3-k1" in again
    assert again["del1-r1-k1"] == "At få et job" and again["del2-1"] == "Har det bedre"


def test_the_plan_goes_out_as_print_view_pdf_and_word(demo_site, client):
    data = form_data(client.get(NATIONAL).content.decode())
    data.update(
        {
            "citizen": "Testborger Alfa",
            "made_on": "2026-12-06",
            "del1-r1-k1": "Egen bolig inden sommer",
            "del5-2": "Kun oplysninger om medicin",
        }
    )
    printed = client.post(NATIONAL, {**data, "handling": "udskriv"}, **SAME_SITE)
    assert printed.status_code == 200
    assert "Egen bolig inden sommer" in printed.content.decode()
    assert "no-store" in printed["Cache-Control"]

    pdf = client.post(NATIONAL, {**data, "handling": "pdf"}, **SAME_SITE)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="indsatsplan.pdf"'
    assert "no-store" in pdf["Cache-Control"]
    text = pdf_text(pdf.content)
    for typed in ("Testborger Alfa", "Egen bolig inden sommer", "Kun oplysninger om medicin"):
        assert squashed(typed) in squashed(text)
    assert "6. december 2026" in text

    word = client.post(NATIONAL, {**data, "handling": "docx"}, **SAME_SITE)
    assert word["Content-Disposition"] == 'attachment; filename="indsatsplan.docx"'
    text = docx_text(word.content)
    for typed in ("Testborger Alfa", "Egen bolig inden sommer", "Kun oplysninger om medicin"):
        assert typed in text
    # Empty rows are left out; the parts are all there, in order.
    positions = [text.index(f"{n}. {name}") for n, name in enumerate(PART_NAMES, 1)]
    assert positions == sorted(positions)


def test_the_print_view_takes_the_plan_back_to_the_form(demo_site, client):
    data = form_data(client.get(NATIONAL).content.decode())
    data["del6-1"] = "Sover dårligt\nflere nætter"
    printed = client.post(NATIONAL, {**data, "handling": "udskriv"}, **SAME_SITE)
    soup = BeautifulSoup(printed.content, "html.parser")
    back = {field["name"]: field["value"] for field in soup.select("form input[type=hidden][name]")}
    assert back["del6-1"] == "Sover dårligt\nflere nætter"
    again = client.post(NATIONAL, {**back, "handling": "ret"}, **SAME_SITE)
    assert form_data(again.content.decode())["del6-1"] == "Sover dårligt\nflere nætter"


def test_the_blank_sketch_and_the_example_come_from_the_same_parts(demo_site, client):
    blank = client.get(NATIONAL + "tom/")
    example = client.get(NATIONAL + "eksempel/")
    assert blank.status_code == example.status_code == 200
    for response in (blank, example):
        html = response.content.decode()
        for name in PART_NAMES:
            assert name in html
    assert "opdigtet" in example.content.decode()
    assert "Tom grundskitse" in blank.content.decode()
    assert client.head(NATIONAL + "tom.pdf").status_code == 200
    pdf = client.get(NATIONAL + "eksempel.pdf")
    assert pdf["Content-Disposition"] == 'attachment; filename="indsatsplan-eksempel.pdf"'
    assert "Demoindhold" in pdf_text(pdf.content)
    word = client.get(NATIONAL + "tom.docx")
    text = docx_text(word.content)
    assert all(name in text for name in PART_NAMES)


def test_a_document_without_parts_has_no_worksheet(demo_site, client):
    assert client.get("/vejledninger/forloebsprogrammer/udfyld/").status_code == 404
    # Only the document's own address: not its editions' or other sub-addresses.
    assert client.get("/vejledninger/indsatsplan/udgaver/udfyld/").status_code == 404
    assert client.get("/vejledninger/indsatsplan/udskriv/udfyld/").status_code == 404
    assert client.get("/vejledninger/indsatsplan/indsatsplanens-dele/udfyld/").status_code == 404
    assert client.get("/regioner/midtjylland/udfyld/").status_code == 404
    assert client.get("/vejledninger/findes-ikke/udfyld/").status_code == 404
    assert client.get("/regioner/findes-ikke/indsatsplan/udfyld/").status_code == 404
    assert client.get(NATIONAL + "andet.pdf").status_code == 404


def test_unpublished_parts_are_not_in_the_worksheet(demo_site, client):
    section = GuidanceSectionPage.objects.get(
        slug="indsatsplanens-dele", locale__language_code="da"
    )
    section.unpublish()
    assert client.get(NATIONAL).status_code == 404


def test_the_document_and_region_pages_link_to_the_worksheet(demo_site, client):
    document = client.get("/vejledninger/indsatsplan/").content.decode()
    assert f'href="{NATIONAL}"' in document
    region = client.get("/regioner/midtjylland/").content.decode()
    assert f'href="{REGIONAL}"' in region


def test_a_post_from_another_site_is_refused(demo_site, client):
    data = form_data(client.get(NATIONAL).content.decode())
    response = client.post(
        NATIONAL, {**data, "handling": "pdf"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403


def test_english_readers_get_the_worksheet_under_en(demo_site, client):
    response = client.get("/en" + NATIONAL)
    assert response.status_code == 200
    assert "Nothing is stored on the server" in response.content.decode()


def test_a_regions_adaptation_of_the_sketch_shows_its_text_with_the_part(demo_site, client):
    """Region Midtjylland adapts the sketch under a slug of its own: the region's page
    links to the worksheet at the adaptation's address, and the local text of the
    adapted section stands with its parts in the form and in the outputs."""
    region_page = RegionPage.objects.get(region__slug="midtjylland", locale__language_code="da")
    document = GuidanceDocumentPage.objects.get(slug="indsatsplan", locale__language_code="da")
    adaptation = RegionalAdaptationPage(
        title="Indsatsplan i Region Midtjylland",
        slug="midt-indsatsplan",
        document=document,
        based_on=document.editions.order_by("-effective_date").first(),
        intro="Demo.",
    )
    adaptation.section_adaptations.add(
        SectionAdaptation(
            section="indsatsplanens-dele",
            mode=AdaptationMode.SUPPLEMENTED,
            text="<p>Lokal regel: planen ligger i det fælles system Demo-IT.</p>",
        )
    )
    region_page.add_child(instance=adaptation)
    adaptation.save_revision().publish()

    region = client.get("/regioner/midtjylland/").content.decode()
    address = "/regioner/midtjylland/midt-indsatsplan/udfyld/"
    assert f'href="{address}"' in region
    for url in (address, REGIONAL):  # by its own slug, and by the document's
        html = client.get(url).content.decode()
        assert "Lokal regel: planen ligger i det fælles system Demo-IT." in html
    data = {**form_data(client.get(address).content.decode()), "handling": "docx"}
    word = client.post(address, data, **SAME_SITE)
    assert "Lokal regel: planen ligger i det fælles system Demo-IT." in docx_text(word.content)
