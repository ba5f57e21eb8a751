import itertools
import random

import pytest

from casebook.factories import (
    CasebookIndexPageFactory,
    CasePageFactory,
    FundingIndexPageFactory,
    FundingPageFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
)
from casebook.models import CasePage, CaseStatus, TargetGroup, Theme
from guidelines.models import Municipality, Region
from tests.conftest import make_home, make_region_pages, shared_data


@pytest.fixture
def casebook(home):
    return CasebookIndexPageFactory(parent=home)


@pytest.fixture
def region_pages(home):
    return make_region_pages(home)


def make_case(
    casebook,
    region_pages,
    region=None,
    municipalities=(),
    target_groups=(),
    themes=(),
    methods=(),
    **kwargs,
):
    parent = region_pages[region.slug] if region else casebook
    case = CasePageFactory.build(region=region, **kwargs)
    parent.add_child(instance=case)
    case.municipalities.set(municipalities)
    case.target_groups.set(target_groups)
    case.themes.set(themes)
    case.methods.set(methods)
    case.save()
    return case


def make_methods(home, n=4):
    index = MethodIndexPageFactory(parent=home)
    return [MethodPageFactory(parent=index) for _ in range(n)]


def make_funding_sources(casebook, n=2):
    index = FundingIndexPageFactory(parent=casebook)
    return [FundingPageFactory(parent=index) for _ in range(n)]


@shared_data("module")
def generated_case_ids(request):
    """60 cases with seeded random facets, national and regional, in a casebook of
    their own: made once per module (it takes over a second), kept as ids."""
    home = make_home()
    casebook, region_pages = CasebookIndexPageFactory(parent=home), make_region_pages(home)
    methods, sources = make_methods(home), make_funding_sources(casebook) + [None]
    rng = random.Random(2015)
    regions = list(Region.objects.all()) + [None]
    groups, themes = list(TargetGroup.objects.all()), list(Theme.objects.all())
    statuses = list(CaseStatus.values)
    counter = itertools.count()
    cases = []
    for _ in range(60):
        region = rng.choice(regions)
        pool = list(Municipality.objects.filter(region=region)) if region else []
        cases.append(
            make_case(
                casebook,
                region_pages,
                region=region,
                municipalities=rng.sample(pool, k=min(len(pool), rng.randint(0, 3))),
                target_groups=rng.sample(groups, k=rng.randint(1, 2)),
                themes=rng.sample(themes, k=rng.randint(1, 3)),
                methods=rng.sample(methods, k=rng.randint(0, 2)),
                funding_source=rng.choice(sources),
                status=rng.choice(statuses),
                start_year=rng.randint(2012, 2026),
                slug=f"genereret-{next(counter)}",
                title=f"Genereret case {rng.random():.6f}",
            )
        )
    return [case.pk for case in cases]


@pytest.fixture
def generated_cases(generated_case_ids, db):
    """The 60 generated cases (see generated_case_ids), in the order they were made:
    fresh objects for each test, whose changes are rolled back."""
    cases = CasePage.objects.in_bulk(generated_case_ids)
    return [cases[pk] for pk in generated_case_ids]
