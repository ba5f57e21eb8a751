"""Regional adaptations in the site search: the adaptation and each section the
region supplements or replaces, filtered by region and by the national document."""

import pytest

from guidelines.factories import (
    RegionalAdaptationPageFactory,
    entry,
)
from search.backends import SearchRequest, get_backend
from search.models import SearchUnit
from search.query import parse

from .conftest import publish, search

BASE = "/regioner/midtjylland/model/"


@pytest.fixture
def national(national):
    """The shared national model (tests/conftest.py), published so that it is indexed."""
    for page in [national, *national.sections]:
        publish(page)
    return type(national).objects.get(pk=national.pk)


@pytest.fixture
def adaptation(regions, national):
    """Midtjylland supplements 'maalgruppe', replaces 'opfoelgning', keeps 'indsatser'."""
    page = RegionalAdaptationPageFactory(
        parent=regions["midtjylland"],
        document=national,
        based_on=national.edition_list[-1],
        title="Model for forløbsprogrammer i Region Midtjylland",
        intro="Sådan arbejder kommunerne og regionen sammen i Midtjylland.",
        sections=[
            entry("maalgruppe", text="<p>Også unge fra 16 år i ungdomsteamet.</p>"),
            entry("indsatser", mode="national"),
            entry(
                "opfoelgning",
                mode="replaced",
                text="<p>Følg op hvert halve år på samarbejdsmødet.</p>",
                reason="Regionens sundhedsaftale har kortere interval.",
            ),
        ],
    )
    return publish(page)


def test_the_adaptation_and_its_adapted_sections_are_indexed(adaptation):
    units = {
        unit.title: unit
        for unit in SearchUnit.objects.filter(page_id=adaptation.pk).order_by("key")
    }
    assert set(units) == {
        "Model for forløbsprogrammer i Region Midtjylland",
        "1. Målgruppe – Region Midtjylland",
        "3. Opfølgning – Region Midtjylland",  # 2. Indsatser is as national: not indexed here
    }
    overview = units["Model for forløbsprogrammer i Region Midtjylland"]
    assert overview.kind == "tilpasning" and overview.url == BASE
    assert overview.trail == "Region Midtjylland"
    section = units["3. Opfølgning – Region Midtjylland"]
    assert section.kind == "tilpasning"
    assert section.url == BASE + "opfoelgning/"
    assert section.key == f"page:{adaptation.pk}/opfoelgning"


def test_a_word_only_in_the_local_text_finds_the_adaptation_section(adaptation):
    assert search("ungdomsteamet") == ["1. Målgruppe – Region Midtjylland"]
    assert search("ungdomsteamet", region=["midtjylland"]) == ["1. Målgruppe – Region Midtjylland"]
    assert search("ungdomsteamet", dokument=["model"]) == ["1. Målgruppe – Region Midtjylland"]
    assert search("ungdomsteamet", region=["nordjylland"]) == []


def test_the_reason_for_replacing_is_searchable(adaptation):
    assert search("sundhedsaftale") == ["3. Opfølgning – Region Midtjylland"]


def test_the_region_facet_counts_the_adaptation(adaptation):
    results = get_backend().search(SearchRequest(parse("ungdomsteamet"), {}))
    regions = {value.value: value.count for value in results.facets["region"]}
    assert regions == {"midtjylland": 1}
    kinds = {value.value: value.count for value in results.facets["type"]}
    assert kinds == {"tilpasning": 1}


def test_national_text_is_found_on_the_national_page_only(adaptation):
    # Målgruppe is supplemented: only the local addition is the adaptation's own.
    assert search("svære psykiske lidelser") == ["1. Målgruppe"]


def test_unpublishing_the_adaptation_removes_it(adaptation):
    assert search("ungdomsteamet")
    adaptation.unpublish()
    assert search("ungdomsteamet") == []
    assert not SearchUnit.objects.filter(page_id=adaptation.pk).exists()


def test_edited_local_text_replaces_the_old(adaptation):
    adaptation.section_adaptations.filter(section="maalgruppe").update(
        text="<p>Også unge fra 15 år i familieteamet.</p>"
    )
    page = type(adaptation).objects.get(pk=adaptation.pk)
    publish(page)
    assert search("familieteamet") == ["1. Målgruppe – Region Midtjylland"]
    assert search("ungdomsteamet") == []


def test_renaming_a_national_section_renames_the_adaptations_hit(adaptation, national):
    section = national.sections[2]
    section.title = "Opfølgning og justering"
    publish(section)
    assert search("samarbejdsmødet") == ["3. Opfølgning og justering – Region Midtjylland"]
