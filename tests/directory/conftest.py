import datetime

import pytest

from directory.factories import (
    DirectoryIndexPageFactory,
    OfferPageFactory,
    RegionalDirectoryPageFactory,
)
from guidelines.models import Municipality


def make_offer(directory, municipalities=(), **kwargs):
    """An offer under `directory`, serving these municipalities (objects or names)."""
    municipalities = [
        Municipality.objects.get(name=m) if isinstance(m, str) else m for m in municipalities
    ]
    offer = OfferPageFactory.build(municipalities=municipalities, **kwargs)
    directory.add_child(instance=offer)
    return offer


@pytest.fixture
def directory_index(home):
    return DirectoryIndexPageFactory(parent=home)


@pytest.fixture
def directories(regions, directory_index):
    """A directory page under each region's page, by region slug."""
    return {
        slug: RegionalDirectoryPageFactory(
            parent=page, title=f"Hvem gør hvad i {page.region.name}", coordinator="Kommunen"
        )
        for slug, page in regions.items()
    }


@pytest.fixture
def midt_offers(directories):
    """Offers of several kinds in Region Midtjylland."""
    midt = directories["midtjylland"]
    return {
        "psykiatri": make_offer(
            midt,
            ["Randers", "Norddjurs"],
            title="Psykiatrisk ambulatorium Randers (demo)",
            slug="ambulatorium-randers",
            actor_kind="psykiatri",
            phone="12 34 56 78 (opdigtet)",
            opening_hours="Hverdage kl. 8–15",
            address="Skovvej 1\n8930 Randers NØ",
            web="https://example.invalid/ambulatorium",
            target_groups="Voksne over 18 år",
            verified_on=datetime.date(2026, 2, 1),
        ),
        "misbrug": make_offer(
            midt,
            ["Randers"],
            title="Misbrugscenter Randers (demo)",
            slug="misbrugscenter-randers",
            actor_kind="misbrug",
            description="Misbrugsbehandling for voksne og unge.",
        ),
        "akut": make_offer(
            midt,
            whole_region=True,
            title="Psykiatrisk akuttelefon (demo)",
            slug="akuttelefon",
            actor_kind="akut",
        ),
        "aarhus": make_offer(
            midt,
            ["Aarhus"],
            title="Socialpsykiatrien i Aarhus (demo)",
            slug="socialpsykiatri-aarhus",
            actor_kind="socialpsykiatri",
        ),
    }


@pytest.fixture
def syd_offer(directories):
    return make_offer(
        directories["syddanmark"],
        ["Svendborg"],
        title="Socialpsykiatrien i Svendborg (demo)",
        slug="socialpsykiatri-svendborg",
        actor_kind="socialpsykiatri",
    )
