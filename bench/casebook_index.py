"""Benchmark: the casebook index over 5,000 generated cases.

Builds a throwaway SQLite database (or uses DATABASE_URL's server, creating a
test database there), generates cases with random facets, then requests the
index with a range of filter combinations and prints p50/p95 latency; and the
latency of the first request after a change (the cases read anew).

    .venv/bin/python bench/casebook_index.py [--cases 5000] [--requests 200]
"""

import argparse
import random
import statistics
import time
import uuid

from common import configure, test_database

configure()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    with test_database() as connection:
        run(args, connection)


def run(args, connection):
    from django.contrib.contenttypes.models import ContentType
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Page, Site

    from casebook.models import CasebookIndexPage, CasePage, CaseStatus, TargetGroup, Theme
    from guidelines.models import Municipality, Region
    from home.models import HomePage

    rng = random.Random(42)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Forside", slug="forside"))
    Site.objects.update(root_page=home, hostname="testserver")
    casebook = home.add_child(instance=CasebookIndexPage(title="Casebog", slug="casebog"))

    regions = list(Region.objects.all()) + [None]
    municipalities = {r.pk: list(Municipality.objects.filter(region=r)) for r in regions if r}
    groups, themes = list(TargetGroup.objects.all()), list(Theme.objects.all())
    started = time.perf_counter()
    # Pages are written in bulk, their tree paths computed as treebeard would, rather
    # than one add_child per case, which takes minutes for 5,000 cases.
    content_type = ContentType.objects.get_for_model(CasePage)
    now = timezone.now()
    pages, cases = [], []
    for n in range(args.cases):
        pages.append(
            Page(
                title=f"Case {n}",
                draft_title=f"Case {n}",
                slug=f"case-{n}",
                path=Page._get_path(casebook.path, casebook.depth + 1, n + 1),
                depth=casebook.depth + 1,
                numchild=0,
                url_path=f"{casebook.url_path}case-{n}/",
                content_type=content_type,
                locale_id=casebook.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=1000)
    for page in pages:
        region = rng.choice(regions)
        case = CasePage(
            page_ptr_id=page.pk,
            region=region,
            start_year=rng.randint(2012, 2026),
            status=rng.choice(CaseStatus.values),
            summary="Genereret til benchmark.",
            what_was_done="<p>Genereret.</p>",
        )
        case.pk = page.pk
        cases.append((case, region))
    for batch in range(0, len(cases), 1000):
        CasePage._base_manager._insert(
            [case for case, _region in cases[batch : batch + 1000]],
            fields=CasePage._meta.local_concrete_fields,
        )
    Page.objects.filter(pk=casebook.pk).update(numchild=len(pages))
    through_m = CasePage.municipalities.through
    through_g = CasePage.target_groups.through
    through_t = CasePage.themes.through
    through_m.objects.bulk_create(
        through_m(casepage_id=c.pk, municipality_id=m.pk)
        for c, r in cases
        if r
        for m in rng.sample(municipalities[r.pk], k=min(2, len(municipalities[r.pk])))
    )
    through_g.objects.bulk_create(
        through_g(casepage_id=c.pk, targetgroup_id=g.pk)
        for c, _ in cases
        for g in rng.sample(groups, k=rng.randint(1, 2))
    )
    through_t.objects.bulk_create(
        through_t(casepage_id=c.pk, theme_id=t.pk)
        for c, _ in cases
        for t in rng.sample(themes, k=rng.randint(1, 3))
    )
    print(
        f"{args.cases} cases generated in {time.perf_counter() - started:.1f} s "
        f"({connection.vendor})"
    )

    queries = [
        "",
        "region=midtjylland",
        "tema=bolig&tema=overgange",
        "status=i-gang&maalgruppe=unge",
        "region=hovedstaden&region=national&tema=peerstoette&periode=2018-2020",
        "sorter=titel&side=7",
        "kommune=751&maalgruppe=voksne",
    ]
    from casebook import facets

    client = Client()
    client.get("/casebog/")  # warm caches
    # Cold: the cases read anew, as after any case is published.
    cold = []
    for query in queries * 3:
        facets.forget_tables()
        start = time.perf_counter()
        client.get("/casebog/?" + query)
        cold.append((time.perf_counter() - start) * 1000)
    cold.sort()
    timings = []
    for i in range(args.requests):
        query = queries[i % len(queries)]
        start = time.perf_counter()
        response = client.get("/casebog/?" + query)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"casebook index, {args.requests} requests over {len(queries)} filter combinations:")
    print(
        f"  p50 {statistics.median(timings):.1f} ms   p95 {p95:.1f} ms   max {timings[-1]:.1f} ms"
    )
    print(f"the same, each the first after a change ({len(cold)} requests):")
    print(f"  p50 {statistics.median(cold):.1f} ms   max {cold[-1]:.1f} ms")


if __name__ == "__main__":
    main()
