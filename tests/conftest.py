import datetime
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from core.content import import_content
from core.i18n import sync_trees
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceIndexPageFactory,
    GuidanceSectionPageFactory,
    RegionPageFactory,
    recommendation,
    text,
)
from guidelines.models import Region, RegionIndexPage
from home.factories import HomePageFactory

DEMO_CONTENT = Path(__file__).resolve().parent.parent / "content" / "demo"


def pytest_configure(config):
    """Compile the project's translation catalogues whose .mo is missing or stale.

    The .mo files are build output and not committed; `make messages` compiles
    them too, and this covers a plain `pytest` on a fresh checkout."""
    from catalogues import compile_catalogues

    compile_catalogues()


def empty_site():
    """Delete every page under the root, as on a new installation: the home page
    of every locale (Danish and its English translation) with all below it.

    Regional adaptations go first: their links to the document and edition they
    adapt are PROTECT, which Django enforces even when the document goes in the
    same delete."""
    from guidelines.models import RegionalAdaptationPage

    for adaptation in RegionalAdaptationPage.objects.all():
        adaptation.delete()
    for home in Page.objects.filter(depth=2).order_by("-path"):
        home.delete()


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request under /en/ activates English for the thread (LocaleMiddleware does
    not switch it back): later tests must not inherit it."""
    yield
    translation.deactivate()


@pytest.fixture
def home(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def guidance_index(home):
    return GuidanceIndexPageFactory(parent=home)


@pytest.fixture
def demo_site(db, settings):
    """The demo content, loaded exactly as `make run` loads it, with its English tree."""
    import_content(DEMO_CONTENT)
    sync_trees()
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def regions(home):
    """The region index and the five region pages, by region slug."""
    index = RegionIndexPage(title="Regioner", slug="regioner")
    home.add_child(instance=index)
    return {r.slug: RegionPageFactory(parent=index, region=r) for r in Region.objects.all()}


@pytest.fixture
def national(guidance_index):
    """A national model with three sections and one released edition."""
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="model", title="Model for forløbsprogrammer"
    )
    for number, (slug, title, body) in enumerate(
        [
            ("maalgruppe", "Målgruppe", [text("<p>Voksne med svære psykiske lidelser.</p>")]),
            ("indsatser", "Indsatser", [recommendation("2.1", title="Fælles plan")]),
            ("opfoelgning", "Opfølgning", [text("<p>Følg op hvert år.</p>")]),
        ],
        start=1,
    ):
        GuidanceSectionPageFactory(
            parent=document, slug=slug, title=title, number=str(number), body=body
        )
    document = type(document).objects.get(pk=document.pk)
    release_edition(
        document,
        label="1. udgave, 2015",
        effective_date=datetime.date(2015, 1, 1),
        change_summary="Første udgave.",
    )
    return type(document).objects.get(pk=document.pk)
