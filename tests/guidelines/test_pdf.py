"""Editions on paper: the PDF read back with a PDF text extractor (pypdf), as a
reader's printout or screen reader would read it."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from guidelines.editions.pdf import render_pdf
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import GuidanceDocumentPage

ACTORS = ["Kommunens socialpsykiatri", "Regionens psykiatri", "Almen praksis"]


def squeeze(value):
    return " ".join(value.split())


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [squeeze(page.extract_text()) for page in reader.pages]


def matrix_rows(edition):
    """(task, [role labels]) of every row of every responsibility matrix in the edition."""
    for section in edition.sections:
        soup = BeautifulSoup(section["html"], "html.parser")
        for row in soup.select(".responsibility-matrix tbody tr"):
            yield squeeze(row.th.get_text()), [squeeze(td.get_text()) for td in row.select("td")]


def assert_rows_are_whole(edition, pages):
    """Each task is printed on one page with its roles after it: a row is never
    split, so no page shows a task without who does it."""
    rows = list(matrix_rows(edition))
    for task, labels in rows:
        whole = squeeze(" ".join([task, *labels]))
        assert any(whole in page for page in pages), f"split or missing: {whole}"
    return rows


def numbered(section):
    return f"{section['number']}. {section['title']}" if section["number"] else section["title"]


def assert_numbering_matches(edition, reader, pages):
    expected = [numbered(section) for section in edition.sections]
    # The bookmarks: the document, and under it every section with its own number.
    (document_mark, sections_marks) = reader.outline[0], reader.outline[1]
    assert document_mark.title == edition.snapshot["document"]["title"]
    titles = [mark.title for mark in sections_marks if not isinstance(mark, list)]
    assert titles == expected
    # The printed contents: the same numbers and titles, in the same order.
    contents = pages[0] + " " + pages[1]
    positions = [contents.find(squeeze(title)) for title in expected]
    assert -1 not in positions and positions == sorted(positions)


def test_demo_editions_print_whole_rows_numbering_and_addresses(demo_site):
    documents = GuidanceDocumentPage.objects.live().filter(locale__language_code="da")
    checked_rows = 0
    for document in documents:
        edition = document.edition_in_force()
        if edition is None:
            continue
        reader, pages = read(render_pdf(edition))
        checked_rows += len(assert_rows_are_whole(edition, pages))
        assert_numbering_matches(edition, reader, pages)
        everything = "".join(page.replace(" ", "") for page in pages)
        for _section, rec in edition.recommendations:
            slug = rec["code"].replace(".", "-")
            assert f"{document.full_url}anbefaling/{slug}/" in everything, rec["code"]
        # The running header and footer: document, edition and address on every page.
        for page in pages:
            assert edition.label in page and document.full_url in page.replace(" ", "")
            assert re.search(r"Side \d+ af \d+", page)
    assert checked_rows > 0  # the demo has responsibility matrices


@pytest.fixture
def long_matrix(guidance_index):
    """A matrix that runs over several pages, with long tasks that wrap."""
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="matrix", title="Matrix")
    roles = ["A", "M", "I", ""]
    rows = [
        {
            "task": f"Opgave {n}: "
            + "aftal med borgeren og de andre parter, hvem der gør hvad og hvornår, " * 2,
            "roles": [roles[(n + i) % 4] for i in range(3)],
        }
        for n in range(1, 45)
    ]
    GuidanceSectionPageFactory(
        parent=document,
        slug="ansvar",
        title="Ansvar",
        number="4",
        body=[
            text("<p>Hvem gør hvad.</p>"),
            {
                "type": "responsibility_matrix",
                "value": {"caption": "Ansvar i forløbet", "actors": ACTORS, "rows": rows},
            },
            recommendation("4.1"),
        ],
    )
    return release_edition(
        document, label="1. udgave", effective_date=datetime.date(2020, 1, 1), change_summary="x"
    )


def test_a_matrix_over_several_pages_keeps_rows_whole_and_repeats_its_actors(long_matrix):
    reader, pages = read(render_pdf(long_matrix))
    assert len(assert_rows_are_whole(long_matrix, pages)) == 44
    matrix_pages = [page for page in pages if "Opgave " in page]
    assert len(matrix_pages) >= 3
    for page in matrix_pages:  # the header row (the actors) on every page of the table
        assert all(actor in page for actor in ACTORS)


def test_choosing_the_whole_edition_as_pdf_gives_the_stored_one(client, long_matrix):
    response = client.get("/vejledninger/matrix/udskriv/", {"afsnit": ["ansvar"], "format": "pdf"})
    assert response.status_code == 302
    assert response["Location"] == "/vejledninger/matrix/udgaver/1-udgave/pdf/"


def test_chosen_sections_print_alone_as_pdf(client, national):
    response = client.get(
        "/vejledninger/model/udskriv/", {"afsnit": ["indsatser"], "format": "pdf"}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader, pages = read(response.content)
    text = " ".join(pages)
    assert "2. Indsatser" in text and "Fælles plan" in text
    assert "Målgruppe" not in text and "Opfølgning" not in text
    section_marks = [mark for mark in reader.outline[1] if not isinstance(mark, list)]
    assert [mark.title for mark in section_marks] == ["2. Indsatser"]


def test_chosen_sections_as_a_page_for_the_browsers_print(client, national):
    response = client.get(
        "/vejledninger/model/udskriv/",
        {"afsnit": ["maalgruppe", "opfoelgning"], "format": "html"},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h.get_text() for h in soup.select(".print-section h2")] == [
        "1. Målgruppe",
        "3. Opfølgning",
    ]
    # The form keeps the reader's choice.
    checked = [box["value"] for box in soup.select("input[name=afsnit][checked]")]
    assert checked == ["maalgruppe", "opfoelgning"]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"format": "pdf"}, "Vælg mindst ét afsnit."),
        ({"afsnit": ["findes-ikke"], "format": "pdf"}, "Udgaven har ikke afsnittet"),
        ({"afsnit": ["indsatser"], "format": "docx"}, "Vælg side til udskrift eller PDF."),
    ],
)
def test_a_bad_choice_is_a_form_error_not_a_file(client, national, query, message):
    response = client.get("/vejledninger/model/udskriv/", query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_document_page_offers_the_pdf_with_its_size_and_the_print_view(client, national):
    html = client.get("/vejledninger/model/").content.decode()
    assert 'href="/vejledninger/model/udgaver/1-udgave-2015/pdf/"' in html
    assert 'href="/vejledninger/model/udskriv/"' in html
    client.get("/vejledninger/model/udgaver/1-udgave-2015/pdf/")  # made and stored now
    html = client.get("/vejledninger/model/").content.decode()
    assert re.search(r"Download PDF \(\d+(,\d)?\xa0(KB|kB|bytes)\)", html)


def test_a_document_without_an_edition_has_no_print_view(client, guidance_index):
    GuidanceDocumentPageFactory(parent=guidance_index, slug="tom", title="Tom")
    assert client.get("/vejledninger/tom/udskriv/").status_code == 404


def test_a_section_in_the_edition_offers_itself_as_pdf_and_for_print(client, national):
    html = client.get("/vejledninger/model/indsatser/").content.decode()
    link = "/vejledninger/model/udskriv/?afsnit=indsatser&amp;format=pdf"
    assert f'href="{link}"' in html
    response = client.get(link.replace("&amp;", "&"))
    assert response["Content-Type"] == "application/pdf"
    assert "2. Indsatser" in read(response.content)[1][0]


def test_a_section_not_yet_in_an_edition_offers_no_print(client, national):
    GuidanceSectionPageFactory(parent=national, slug="nyt", title="Nyt", number="4")
    assert "udskriv/?afsnit=nyt" not in client.get("/vejledninger/model/nyt/").content.decode()
