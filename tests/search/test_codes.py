"""Recommendation codes in the search: typed alone they lead to the recommendation;
a number in a query does not find every section with that number."""

import pytest

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)

from .conftest import publish, search
from .test_search_page import results

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_document(guidance_index, document):
    """A second document whose codes carry a letter, as local documents number them."""
    local = publish(
        GuidanceDocumentPageFactory(parent=guidance_index, title="Lokal aftale", slug="lokal")
    )
    publish(
        GuidanceSectionPageFactory(
            parent=local,
            title="Udskrivning",
            slug="udskrivning",
            number="2",
            body=[
                text("<p>Aftalen gælder fra 2.1 mio. indbyggere og 6 kommuner.</p>"),
                recommendation("R2.1", title="Ring til kommunen før udskrivning"),
                recommendation("6.1", title="En plan for hver borger"),
            ],
        )
    )
    return local


def test_a_code_typed_alone_opens_its_recommendation(client, local_document):
    target = "/vejledninger/lokal/udskrivning/#anbefaling-R2-1"
    for typed in ("R2.1", "r2.1", "anbefaling R2.1", "Anbefaling r2.1"):
        response = client.get("/soeg/", {"q": typed})
        assert response.status_code == 302, typed
        assert response["Location"] == target
    # The recommendation's own page answers under the code, dotted or not.
    assert client.get("/vejledninger/lokal/anbefaling/R2-1/").status_code == 200
    dotted = client.get("/vejledninger/lokal/anbefaling/R2.1/")
    assert dotted.status_code == 301
    assert dotted["Location"] == "/vejledninger/lokal/anbefaling/R2-1/"


def test_a_code_in_two_documents_lists_both(client, local_document):
    response = client.get("/soeg/", {"q": "6.1"})
    assert response.status_code == 200
    titles = [title for _kind, title, _href in results(response.content.decode())]
    assert titles[:2] == ["6.1 Udpeg en fast tovholder", "6.1 En plan for hver borger"] or titles[
        :2
    ] == ["6.1 En plan for hver borger", "6.1 Udpeg en fast tovholder"]


def test_numbers_in_a_query_do_not_find_sections_by_their_number(local_document):
    # Section 7 ("7. Pårørende") and section 2 ("2. Udskrivning") are not found by
    # their numbers; "2.1" finds the text that says "2.1 mio.", not section 2.
    assert search("7") == []
    assert "2. Udskrivning" not in search("2")
    assert search("2.1") == ["2. Udskrivning"]
    assert search("6 kommuner") == ["2. Udskrivning"]
