"""The responsibility matrix links each actor to who that is in the reader's
municipality: the region's directory, narrowed to the actor's kind. On a region's
own pages for that region; on national pages for the region the reader chose."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import RegionalDirectoryPageFactory
from guidelines.factories import GuidanceSectionPageFactory, RegionalAdaptationPageFactory, text

WHO = "Hvem er det i din kommune?"


def matrix(*actors):
    return {
        "type": "responsibility_matrix",
        "value": {
            "caption": "Hvem gør hvad",
            "actors": list(actors),
            "rows": [{"task": "Indkalde til mødet", "roles": ["A"] + ["M"] * (len(actors) - 1)}],
        },
    }


MATRIX = matrix("Region/psykiatrien", "Kommune/misbrugsbehandling", "Borgeren")


def actor_links(response):
    """{actor: link} from the matrix's column headings (None: no link)."""
    page = BeautifulSoup(response.content, "html.parser")
    headings = page.select(".responsibility-matrix thead th")[1:]
    return {
        th.contents[0].strip(): (th.find("a")["href"] if th.find("a") else None) for th in headings
    }


@pytest.fixture
def section(national):
    """A national section with a responsibility matrix."""
    return GuidanceSectionPageFactory(
        parent=national, slug="ansvar", title="Ansvar", number="4", body=[MATRIX]
    )


@pytest.fixture
def adaptation(regions, national, section):
    return RegionalAdaptationPageFactory(
        parent=regions["midtjylland"], document=national, based_on=national.edition_list[-1]
    )


def test_no_links_without_a_region(client, section, directories):
    response = client.get(section.url)
    assert actor_links(response) == {
        "Region/psykiatrien": None,
        "Kommune/misbrugsbehandling": None,
        "Borgeren": None,
    }
    assert WHO not in response.content.decode()


def test_the_national_section_links_the_chosen_regions_directory(client, section, directories):
    client.cookies["region"] = "syddanmark"
    response = client.get(section.url)
    assert actor_links(response) == {
        "Region/psykiatrien": "/regioner/syddanmark/hvem-goer-hvad/?aktoer=psykiatri",
        "Kommune/misbrugsbehandling": "/regioner/syddanmark/hvem-goer-hvad/?aktoer=misbrug",
        "Borgeren": None,  # no offer behind the citizen
    }
    # Each link says whose it is to a screen reader, and the page varies by the cookie.
    link = BeautifulSoup(response.content, "html.parser").select_one(".responsibility-matrix__who")
    assert link.get_text(" ", strip=True) == f"{WHO} (Region/psykiatrien)"
    assert "Cookie" in response["Vary"]
    # And the link leads to the offers.
    assert client.get("/regioner/syddanmark/hvem-goer-hvad/?aktoer=psykiatri").status_code == 200


def test_a_region_without_a_directory_gets_no_links(client, section, directories):
    directories["nordjylland"].unpublish()
    client.cookies["region"] = "nordjylland"
    assert set(actor_links(client.get(section.url)).values()) == {None}


def test_a_regional_adaptation_links_its_own_regions_directory(
    client, adaptation, section, directories
):
    client.cookies["region"] = "syddanmark"  # the page's own region wins
    response = client.get(adaptation.section_url(section.slug))
    assert response.status_code == 200
    assert actor_links(response)["Region/psykiatrien"] == (
        "/regioner/midtjylland/hvem-goer-hvad/?aktoer=psykiatri"
    )


def test_the_regions_own_division_of_work_links_its_directory(client, regions, directory_index):
    RegionalDirectoryPageFactory(
        parent=regions["midtjylland"],
        division_of_work=[matrix("Kommunens socialpsykiatri (bostøtten)", "Lægevagten")],
    )
    response = client.get("/regioner/midtjylland/hvem-goer-hvad/")
    assert actor_links(response) == {
        "Kommunens socialpsykiatri (bostøtten)": (
            "/regioner/midtjylland/hvem-goer-hvad/?aktoer=socialpsykiatri"
        ),
        "Lægevagten": "/regioner/midtjylland/hvem-goer-hvad/?aktoer=laegevagt",
    }


def test_the_links_cost_at_most_two_queries_however_many_matrices(client, section, directories):
    client.cookies["region"] = "syddanmark"

    def queries():
        client.get(section.url)  # warm: locales, site root paths
        with CaptureQueriesContext(connection) as context:
            response = client.get(section.url)
        assert response.status_code == 200
        return len(context.captured_queries)

    with_matrices = {}
    for count in (0, 1, 3):
        section.body = [MATRIX] * count or [text("<p>Ingen matrix.</p>")]
        section.save_revision().publish()
        with_matrices[count] = queries()
    assert with_matrices[1] - with_matrices[0] <= 2
    assert with_matrices[3] == with_matrices[1]
