"""Key figures in a section's body: a number with what it measures, its year and its
source, never without the last two; an unchecked demo figure is marked. Part of the
content format, the editions and their comparison, and the search."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Revision

from core.content import ContentError, export_content, import_content
from guidelines.blocks import KeyFigureBlock
from guidelines.editions.release import release_edition
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage
from tests.search.test_search_page import results

from .test_content_format import snapshot, write

pytestmark = pytest.mark.django_db

FIGURES = """
format: vejledning/1
documents:
  - slug: tal
    title: Udviklingen i psykiatrien
    document_type: policy
    issuers: KL
    first_published: 2018-05-01
    summary: Tal om udviklingen.
    sections:
      - slug: udviklingen
        title: Udviklingen i tal
        number: "2"
        body:
          - type: key_figures
            value:
              title: Nøgletal
              figures:
                - figure: "19,2"
                  unit: dage
                  measure: gennemsnitlig indlæggelsestid i psykiatrien
                  year: "2017"
                  source:
                    citation: KL, Momentum 26. november 2018
                    url: https://www.kl.dk/nyheder/momentum/2018/
                  invented: false
                - figure: "+30 %"
                  unit: ""
                  measure: flere voksne i behandlingspsykiatrien
                  year: 2010 - 2017
                  source: {citation: Opfundet til demoen, url: ""}
                  invented: true
          - type: key_figure
            value:
              figure: "22,3 %"
              unit: ""
              measure: af indlæggelserne blev fulgt af en akut genindlæggelse
              year: "2017"
              source: {citation: "KL, Momentum 26. november 2018", url: ""}
              invented: false
"""


def block_value(**changes):
    value = {
        "figure": "44 %",
        "unit": "",
        "measure": "af borgerne",
        "year": "2017",
        "source": {"citation": "KL (2018)", "url": ""},
        "invented": False,
    }
    value.update(changes)
    block = KeyFigureBlock()
    return block, block.to_python(value)


def field_errors(error):
    """{field: [messages]} of a struct block's error, one level down."""
    return {
        name: (
            field_errors(child) if getattr(child, "block_errors", None) else list(child.messages)
        )
        for name, child in error.block_errors.items()
    }


@pytest.mark.parametrize(
    "changes, errors",
    [
        (
            {"year": ""},
            {"year": ["Et nøgletal skal have det år eller den periode, tallet gælder."]},
        ),
        (
            {"source": {"citation": " ", "url": "https://www.kl.dk/"}},
            {"source": {"citation": ["Et nøgletal skal have en kilde."]}},
        ),
        (
            {"year": "i fjor"},
            {"year": ["Skriv året som fx 2017, eller perioden som fx 2010–2017."]},
        ),
    ],
)
def test_a_figure_without_a_year_or_a_source_is_refused(changes, errors):
    block, value = block_value(**changes)
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert field_errors(caught.value) == errors


def test_a_period_is_written_with_an_en_dash():
    block, value = block_value(year="2010 - 2017")
    assert block.clean(value)["year"] == "2010–2017"


def test_a_key_figure_is_a_figure_with_its_measure_year_and_source_as_caption(client, content):
    write(content, "tal.yaml", FIGURES)
    import_content(content)
    page = BeautifulSoup(client.get("/vejledninger/tal/udviklingen/").content, "html.parser")
    group = page.select_one("section.key-figures")
    assert group.select_one("h2").get_text() == "Nøgletal"
    first, invented = group.select("li > figure.key-figure")
    assert first.select_one(".key-figure__value").get_text(" ", strip=True) == "19,2 dage"
    caption = first.select_one("figcaption")
    assert caption.select_one(".key-figure__measure").get_text(" ", strip=True) == (
        "gennemsnitlig indlæggelsestid i psykiatrien (2017)"
    )
    cite = caption.select_one("cite")
    assert cite.get_text(strip=True) == "KL, Momentum 26. november 2018"
    assert cite.select_one("a")["href"] == "https://www.kl.dk/nyheder/momentum/2018/"
    assert not first.select(".key-figure__invented")
    # The unchecked figure says so, where the number is.
    assert invented.select_one(".key-figure__invented").get_text(strip=True) == (
        "Opfundet tal (demo)"
    )
    assert invented.select_one(".key-figure__year").get_text() == "(2010–2017)"
    assert not invented.select("cite a")  # no address given: the citation alone
    # A single figure outside a group.
    single = page.select("figure.key-figure")[-1]
    assert single.find_parent("section", class_="key-figures") is None
    assert single.select_one(".key-figure__figure").get_text() == "22,3 %"


@pytest.mark.parametrize(
    "old, new, field",
    [
        (
            "                    citation: KL, Momentum 26. november 2018\n"
            "                    url: https://www.kl.dk/nyheder/momentum/2018/\n",
            "                    url: https://www.kl.dk/nyheder/momentum/2018/\n",
            "body[0].figures[0].source.citation",
        ),
        ('                  year: "2017"\n', "", "body[0].figures[0].year"),
        (
            '              source: {citation: "KL, Momentum 26. november 2018", url: ""}\n',
            "",
            "body[1].source.citation",
        ),
    ],
    ids=["group figure without source", "group figure without year", "figure without source"],
)
def test_an_import_of_a_figure_without_year_or_source_says_where_and_changes_nothing(
    content, old, new, field
):
    import_content(content)
    before = (snapshot(), Revision.objects.count())
    assert old in FIGURES
    with pytest.raises(ContentError) as caught:
        import_content(write(content.parent, "tal.yaml", FIGURES.replace(old, new)))
    error = caught.value
    assert "sections[0] (udviklingen)" in error.item
    assert error.field == field, str(error)
    assert "Et nøgletal skal have" in str(error)
    assert (snapshot(), Revision.objects.count()) == before


def test_a_year_written_as_a_number_must_be_quoted(content):
    import_content(content)
    with pytest.raises(ContentError) as caught:
        import_content(
            write(content.parent, "tal.yaml", FIGURES.replace('year: "2017"', "year: 2017", 1))
        )
    assert caught.value.field == "body[0].value.figures[0].year"
    assert "sæt anførselstegn" in str(caught.value)


def test_key_figures_round_trip_through_export_and_import(content, tmp_path):
    write(content, "tal.yaml", FIGURES)
    import_content(content)
    exported = tmp_path / "export"
    export_content(exported)
    text = (exported / "documents" / "tal.yaml").read_text(encoding="utf-8")
    assert "type: key_figures" in text and "type: key_figure\n" in text
    assert "year: 2010–2017" in text  # as the block stored it
    assert "invented: true" in text

    assert import_content(exported)["updated"] == 0  # idempotent
    again = tmp_path / "again"
    export_content(again)
    assert (again / "documents" / "tal.yaml").read_text(encoding="utf-8") == text
    # And the original file, once more: nothing changes either.
    assert import_content(content)["updated"] == 0


def test_editions_freeze_key_figures_and_compare_them(client, content):
    write(content, "tal.yaml", FIGURES)
    import_content(content)
    document = GuidanceDocumentPage.objects.get(slug="tal")
    release_edition(
        document,
        label="1. udgave",
        effective_date=datetime.date(2018, 5, 1),
        change_summary="Første.",
    )
    section = GuidanceSectionPage.objects.get(slug="udviklingen")
    body = section.body.raw_data
    body[1]["value"]["figure"] = "24,1 %"
    body[1]["value"]["year"] = "2018"
    section.body = body
    section.save_revision().publish()
    release_edition(
        GuidanceDocumentPage.objects.get(pk=document.pk),
        label="2. udgave",
        effective_date=datetime.date(2019, 5, 1),
        change_summary="Nye tal.",
    )

    frozen = BeautifulSoup(client.get("/vejledninger/tal/udgaver/1-udgave/").content, "html.parser")
    assert [f.get_text() for f in frozen.select(".key-figure__figure")] == [
        "19,2",
        "+30 %",
        "22,3 %",
    ]
    assert frozen.select_one(".key-figure__invented")

    response = client.get("/vejledninger/tal/sammenlign/1-udgave/2-udgave/")
    assert response.status_code == 200
    compared = BeautifulSoup(response.content, "html.parser")
    for hidden in compared.select(".sr-only"):  # "[slettet: …]" for screen readers
        hidden.decompose()
    changed = [box for box in compared.select(".key-figure--diff") if box.select("ins, del")]
    assert len(changed) == 1  # the changed figure, in a box of its own
    assert [d.get_text(strip=True) for d in changed[0].select("del")] == ["22,3", "(2017)"]
    assert [i.get_text(strip=True) for i in changed[0].select("ins")] == ["24,1", "(2018)"]


def test_the_search_finds_a_key_figures_text(client, content):
    write(content, "tal.yaml", FIGURES)
    import_content(content)
    for query in ("indlæggelsestid", "Momentum"):
        found = results(client.get("/soeg/", {"q": query}).content.decode())
        assert ("Afsnit", "2. Udviklingen i tal", "/vejledninger/tal/udviklingen/") in found, (
            query,
            found,
        )
