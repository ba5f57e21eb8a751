"""Benchmark: the public search over 10,000 generated units.

Builds a throwaway test database (SQLite by default, or a test database on
DATABASE_URL's PostgreSQL server), indexes generated units of every kind
through the database backend, then runs a mix of queries (single words,
inflected and compound words, synonyms, phrases, facet filters, deep pages,
autocomplete) and prints indexing time and p50/p95 latency. With
ELASTICSEARCH_URL set, the same units and queries run against Elasticsearch too
(in an index of its own, deleted afterwards).

    .venv/bin/python bench/search.py [--units 10000] [--rounds 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/search.py
"""

import argparse
import random
import statistics
import time
import uuid

from common import configure, test_database

configure()

VOCABULARY = (
    "borger borgeren kommunen regionen psykiatrien misbrugsbehandlingen stofmisbrug "
    "rusmiddelbehandling rusmidler alkoholbehandling tovholderen indsatsplanen forløbet "
    "behandlingsforløb udredning udskrivning pårørende samarbejde koordinering sygehuset "
    "socialpsykiatrien bostøtte botilbud almen praksis egen læge opfølgning visitation "
    "beskæftigelse uddannelse netværket aftale sundhedsaftalen ambulatoriet akut krise "
    "screening medicin dobbeltdiagnose angst depression psykose skizofreni unge voksne "
    "tidlig indsats opsporing helhedsorienteret fælles møde konference plan ansvar"
)
COMMON = "og i på med til for af som der det en at skal bør kan når"
WORDS, FILLER = VOCABULARY.split(), COMMON.split()
QUERIES = [
    ("misbrug", {}),
    ("misbrugsbehandlingen", {}),
    ("behandling", {}),
    ("tovholder pårørende", {}),
    ("forloeb", {}),
    ("dobbeltdiagnose", {}),
    ('"egen læge"', {}),
    ("koordinering udskrivning sygehus", {}),
    ("rusmidler", {"type": ["case"]}),
    ("indsatsplan", {"region": ["midtjylland", "nordjylland"]}),
    ("psykiatrien", {"type": ["anbefaling"], "dokument": ["dokument-3"]}),
    ("borger", {}),  # matches nearly everything: the worst case for counting
]
PREFIXES = ["mis", "tovh", "koordinerende ind", "pår", "udskr"]
KINDS = ["dokument", "afsnit", "anbefaling", "case", "moede", "udgave", "side"]
REGIONS = [
    ("hovedstaden", "Region Hovedstaden"),
    ("sjaelland", "Region Sjælland"),
    ("syddanmark", "Region Syddanmark"),
    ("midtjylland", "Region Midtjylland"),
    ("nordjylland", "Region Nordjylland"),
]


def sentence(rng, n):
    words = [rng.choice(WORDS) if rng.random() < 0.7 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate(rng, count, per_page=100):
    """(page number, [Unit, ...]) batches: `per_page` units share a page."""
    from search.units import Unit

    for page_number in range(-(-count // per_page)):
        units = []
        for n in range(min(per_page, count - page_number * per_page)):
            kind = rng.choice(KINDS)
            region = rng.choice(REGIONS)
            units.append(
                Unit(
                    kind=kind,
                    title=sentence(rng, rng.randint(3, 8)),
                    url=f"/bench/{page_number}/",
                    anchor=f"u{n}",
                    trail=(f"Dokument {page_number % 7}",),
                    lead=sentence(rng, rng.randint(10, 30)),
                    body=" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(15)),
                    facets={
                        "dokument": [(f"dokument-{page_number % 7}", "Dokument")],
                        "region": [region],
                        "tema": [(f"tema-{rng.randint(1, 9)}", "Tema")],
                    },
                )
            )
        yield page_number, units


def percentiles(timings):
    timings = sorted(timings)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    median = statistics.median(timings)
    return f"p50 {median:7.1f} ms   p95 {p95:7.1f} ms   max {timings[-1]:7.1f} ms"


def run(backend, name, args, page_ids):
    from search.backends import SearchRequest
    from search.query import parse, parse_prefix

    rng = random.Random(2014)
    started = time.perf_counter()
    for page_number, units in generate(rng, args.units):
        for unit in units:
            unit.page_id = page_ids[page_number]
        backend.replace_page(page_ids[page_number], units)
    backend.optimize()
    if hasattr(backend, "refresh"):
        backend.refresh()
    print(f"{name}: {args.units} units indexed in {time.perf_counter() - started:.1f} s")

    search_times, suggest_times = [], []
    by_query = {}
    for round_number in range(args.rounds + 1):
        for text, filters in QUERIES:
            page = 1 + (round_number % 3) * 5  # first pages and deeper ones
            request = SearchRequest(parse(text), filters, page=page)
            start = time.perf_counter()
            results = backend.search(request)
            if round_number:  # round 0 warms caches
                elapsed = (time.perf_counter() - start) * 1000
                search_times.append(elapsed)
                by_query.setdefault((text, str(filters or "")), []).append(elapsed)
            assert results.total > 0, text
        for prefix in PREFIXES:
            start = time.perf_counter()
            backend.suggest(parse_prefix(prefix))
            if round_number:
                suggest_times.append((time.perf_counter() - start) * 1000)
    print(f"  search, {len(search_times)} queries with facets: {percentiles(search_times)}")
    print(f"  autocomplete, {len(suggest_times)} prefixes:     {percentiles(suggest_times)}")
    if args.by_query:
        for (text, filters), timings in by_query.items():
            print(f"    {text + ' ' + filters:60.60} {percentiles(timings)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--by-query", action="store_true", help="also each query's latency")
    args = parser.parse_args()

    from django.conf import settings

    with test_database() as connection:
        from wagtail.models import Page

        from search.backends.database import DatabaseBackend

        root = Page.get_first_root_node()
        pages = [
            root.add_child(instance=Page(title=f"Bench {n}", slug=f"bench-{n}"))
            for n in range(-(-args.units // 100))
        ]
        page_ids = [page.pk for page in pages]
        run(DatabaseBackend(), f"database ({connection.vendor})", args, page_ids)
        if settings.ELASTICSEARCH_URL:
            from search.backends.elasticsearch import ElasticsearchBackend

            settings.ELASTICSEARCH_INDEX_PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
            backend = ElasticsearchBackend()
            backend.clear()
            try:
                run(backend, "elasticsearch", args, page_ids)
            finally:
                backend.delete_index()
        else:
            print("elasticsearch: skipped (ELASTICSEARCH_URL is not set)")


if __name__ == "__main__":
    main()
