"""Facet counts are right for every combination, and odd URLs never break the page."""

import itertools
import random
import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Page

from casebook import facets
from casebook.models import CasePage

from .conftest import make_case


def values_of(case):
    """Each facet's values for one case, computed in Python from the case itself."""
    period = next(v for v, start, end in facets.PERIODS if start <= case.start_year <= end)
    return {
        "region": {case.region.slug if case.region else facets.NATIONAL},
        "kommune": {str(m.code) for m in case.municipalities.all()},
        "maalgruppe": {g.slug for g in case.target_groups.all()},
        "tema": {t.slug for t in case.themes.all()},
        "metode": {m.slug for m in case.methods.all()},
        "finansiering": {case.funding_source.slug if case.funding_source else facets.OTHER_FUNDING},
        "status": {case.status},
        "periode": {period},
    }


def expected(cases, selection):
    """Brute force: results and, per facet, counts with the other facets applied."""

    def matches(case_values, skip=None):
        return all(
            not chosen or case_values[param] & set(chosen)
            for param, chosen in selection.items()
            if param != skip
        )

    table = [(case, values_of(case)) for case in cases]
    results = {case.pk for case, v in table if matches(v)}
    counts = {}
    for facet in facets.FACETS:
        counts[facet.param] = {}
        for _case, v in table:
            if matches(v, skip=facet.param):
                for value in v[facet.param]:
                    counts[facet.param][value] = counts[facet.param].get(value, 0) + 1
    return results, counts


def run(selection):
    query = QueryDict(mutable=True)
    for param, values in selection.items():
        query.setlist(param, values)
    options = facets.all_options(CasePage)
    parsed = facets.parse(query, options)
    assert parsed.notices == []
    results, facet_results, _table = facets.apply(CasePage.objects.live(), parsed, options)
    counts = {
        fr.facet.param: {o["value"]: o["count"] for o in fr.options if o["count"]}
        for fr in facet_results
    }
    return set(results), counts


def selections(cases, n=40):
    """Combinations of zero to three facets with one or two values each."""
    rng = random.Random(7)
    pool = {
        param: sorted(set().union(*(values_of(c)[param] for c in cases)))
        for param in [f.param for f in facets.FACETS]
    }
    yield {}
    for size in (1, 2, 3):
        for params in itertools.combinations(pool, size):
            if rng.random() < 0.5:
                continue
            yield {p: rng.sample(pool[p], k=min(len(pool[p]), rng.randint(1, 2))) for p in params}


def test_counts_match_brute_force_for_every_combination(generated_cases):
    checked = 0
    for selection in selections(generated_cases):
        want_results, want_counts = expected(generated_cases, selection)
        got_results, got_counts = run(selection)
        assert got_results == want_results, selection
        assert got_counts == want_counts, selection
        checked += 1
    assert checked > 15


def test_unpublished_cases_are_not_counted(casebook, region_pages):
    make_case(casebook, region_pages, status="i-gang", slug="synlig")
    make_case(casebook, region_pages, status="i-gang", slug="kladde", live=False)
    results, counts = run({})
    assert counts["status"] == {"i-gang": 1}


@pytest.mark.parametrize(
    "query, notice",
    [
        ("region=atlantis", "“atlantis” findes ikke"),
        ("tema=%00%01&status=", "Filteret Tema = “\x00\x01” findes ikke"),
        ("kommune=abc&kommune=99999", "“abc” findes ikke"),
        ("periode=1990-1999", "“1990-1999” findes ikke"),
        ("sorter=skraat", "Ukendt sortering; viser nyeste først."),
        ("region=" + "x" * 5000, "“" + "x" * 40 + "” findes ikke"),
        ("maalgruppe=%F0%9F%99%82", "“🙂” findes ikke"),
    ],
)
def test_odd_filters_give_a_normal_page_with_a_notice(client, generated_cases, query, notice):
    response = client.get("/casebog/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "alert-warning" in html and escape(notice) in html
    assert 'class="case-list' in html  # the cases, unfiltered by what was ignored


@pytest.mark.parametrize(
    "query",
    [
        "region=midtjylland&region=midtjylland",
        "side=-1",
        "side=99999",
        "side=abc",
        "tema[]=bolig",
    ],
)
def test_repeated_values_odd_pages_and_unknown_parameters_give_a_normal_page(
    client, generated_cases, query
):
    response = client.get("/casebog/?" + query)
    assert response.status_code == 200
    assert 'class="case-list' in response.content.decode()


def test_unknown_value_is_named_in_a_notice(client, generated_cases):
    html = client.get("/casebog/?region=atlantis&tema=bolig").content.decode()
    assert "“atlantis” findes ikke og er ignoreret" in html
    assert 'value="bolig" checked' in html


def test_empty_result_tells_how_to_widen(client, casebook, region_pages):
    make_case(casebook, region_pages, status="i-gang")
    html = client.get("/casebog/?status=afsluttet").content.decode()
    assert "Ingen cases passer" in html and "Fjern et eller flere filtre" in html


def test_filters_are_carried_in_pagination_links(client, generated_cases):
    html = client.get("/casebog/?sorter=titel").content.decode()
    assert "?sorter=titel&amp;side=2" in html


def test_sort_by_title(client, generated_cases):
    html = client.get("/casebog/?sorter=titel").content.decode()
    titles = sorted(c.title for c in generated_cases)[:20]
    positions = [html.index(t) for t in titles]
    assert positions == sorted(positions)


def test_index_query_count_does_not_grow_with_cases(client, generated_cases):
    # Every facet chosen, with values the 15 cases left at the end still match.
    kept = next(c for c in generated_cases[45:] if c.methods.exists())
    values = values_of(kept)
    url = "/casebog/?" + "&".join(
        f"{param}={min(values[param])}"
        for param in ("region", "tema", "maalgruppe", "metode", "finansiering")
    )

    def queries():
        """Queries of a first request (the cases read) and of the next (kept)."""
        facets.forget_tables()
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as warm:
            assert client.get(url).status_code == 200
        return len(cold), len(warm)

    client.get(url)  # the site's own caches (site root, locales) filled
    many = queries()
    for case in generated_cases[:45]:
        case.delete()
    assert queries() == many
    assert many[1] < many[0]


def test_counts_follow_changes_made_elsewhere(client, generated_cases):
    # Another process publishes or unpublishes: no signal here, but the cases'
    # fingerprint in the database changes, so the kept table is read anew.
    region = generated_cases[0].region
    slug = region.slug if region else facets.NATIONAL

    def count():
        html = client.get("/casebog/").content.decode()
        return int(re.search(rf'value="{slug}"[^>]*>.*?\((\d+)\)', html, re.S).group(1))

    before = count()
    Page.objects.filter(pk=generated_cases[0].pk).update(live=False)
    assert count() == before - 1
