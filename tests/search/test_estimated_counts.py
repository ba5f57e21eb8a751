"""PostgreSQL: a query that matches much of a large index is counted by sample.

The total and the facet counts are then estimates, shown with "ca.", within a few
per cent of the truth; the first page is the exact first page (the units whose
title matches come first, and they fill it); below SEARCH_EXACT_COUNT_LIMIT
expected matches every count is exact.
"""

import random

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from search.backends import SearchRequest
from search.backends.database import DatabaseBackend
from search.query import parse
from search.units import Unit

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="sampling is PostgreSQL's (TABLESAMPLE)"
)

REGIONS = ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]
WORDS = [
    "plan",
    "samarbejde",
    "udredning",
    "opfølgning",
    "bostøtte",
    "medicin",
    "netværk",
    "aftale",
]


@pytest.fixture
def index(home):
    """1,200 units that all say "borger", a fifth of them in the title; region
    Nordjylland on a tenth of them."""
    rng = random.Random(7)
    backend = DatabaseBackend()
    root = Page.get_first_root_node()
    for number in range(12):
        page = root.add_child(instance=Page(title=f"Side {number}", slug=f"side-{number}"))
        units = []
        for n in range(100):
            unit_number = number * 100 + n
            region = "nordjylland" if unit_number % 10 == 0 else rng.choice(REGIONS[:4])
            title = " ".join(rng.choice(WORDS) for _ in range(4)).capitalize()
            if unit_number % 5 == 0:
                title += " for borgeren"
            body = " ".join(rng.choice(WORDS) for _ in range(150))
            units.append(
                Unit(
                    kind="afsnit",
                    title=title,
                    url=f"/side-{number}/",
                    anchor=f"u{n}",
                    body=f"{body} borger {body}",
                    facets={"region": [(region, region.capitalize())]},
                    page_id=page.pk,
                )
            )
        backend.replace_page(page.pk, units)
    backend.optimize()  # statistics for the planner's estimate
    return backend


def search(backend, text, **filters):
    return backend.search(SearchRequest(parse(text), filters))


def counts(results, facet):
    return {value.value: value.count for value in results.facets[facet]}


def test_a_query_matching_much_of_the_index_is_counted_by_sample(index, settings):
    settings.SEARCH_EXACT_COUNT_LIMIT = 0
    exact = search(index, "borger")
    settings.SEARCH_EXACT_COUNT_LIMIT = 300
    estimated = search(index, "borger")

    assert not exact.approximate and exact.total == 1200
    assert estimated.approximate
    assert 0.8 * 1200 <= estimated.total <= 1.2 * 1200
    assert estimated.total % 10 == 0  # rounded: it claims two digits
    exact_regions, estimated_regions = counts(exact, "region"), counts(estimated, "region")
    assert exact_regions["nordjylland"] == 120
    assert set(estimated_regions) == set(exact_regions)
    for region, count in exact_regions.items():
        assert 0.6 * count <= estimated_regions[region] <= 1.4 * count, region
    # The page is not estimated: the same units in the same order.
    assert [hit.key for hit in estimated.hits] == [hit.key for hit in exact.hits]
    assert all("borger" in hit.title.lower() for hit in estimated.hits)


def test_deeper_pages_than_the_title_matches_are_ranked_over_every_match(index, settings):
    settings.SEARCH_EXACT_COUNT_LIMIT = 0
    exact = index.search(SearchRequest(parse("borger"), {}, page=30))
    settings.SEARCH_EXACT_COUNT_LIMIT = 300
    estimated = index.search(SearchRequest(parse("borger"), {}, page=30))
    assert estimated.approximate and estimated.page == 30
    assert [hit.key for hit in estimated.hits] == [hit.key for hit in exact.hits]


def test_a_filter_that_leaves_too_few_to_sample_is_counted_exactly(index, settings):
    # Nordjylland has a tenth of the matches: the largest sample holds ~50 of them,
    # too few to scale up, so the counts are exact.
    settings.SEARCH_EXACT_COUNT_LIMIT = 300
    results = search(index, "borger", region=["nordjylland"])
    assert not results.approximate and results.total == 120
    assert all(hit.region == "Nordjylland" for hit in results.hits)
    # A filter that keeps most matches stays estimated.
    results = search(index, "borger", region=REGIONS[:4])
    assert results.approximate and 0.8 * 1080 <= results.total <= 1.2 * 1080


def test_a_query_matching_less_than_the_limit_is_counted_exactly(index, settings):
    settings.SEARCH_EXACT_COUNT_LIMIT = 5000
    results = search(index, "borger")
    assert not results.approximate and results.total == 1200


def test_the_search_page_says_the_figures_are_estimates(index, settings, client):
    settings.SEARCH_EXACT_COUNT_LIMIT = 300
    cache.clear()
    page = BeautifulSoup(client.get("/soeg/?q=borger").content, "html.parser")
    heading = page.find(id="results-heading").get_text()
    assert heading.startswith("ca. ") and heading.endswith(" resultater")
    assert "antallene er skøn" in page.get_text()
    assert "(ca. " in page.find("form", class_="facets").get_text()

    settings.SEARCH_EXACT_COUNT_LIMIT = 0
    cache.clear()
    page = BeautifulSoup(client.get("/soeg/?q=borger").content, "html.parser")
    assert page.find(id="results-heading").get_text() == "1200 resultater"
    assert "(ca. " not in page.find("form", class_="facets").get_text()
