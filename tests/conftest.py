import datetime
import itertools
import os
import sys
import zlib
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, Site

from core import i18n
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


# --- Data that many tests share ----------------------------------------------------
#
# Some data takes seconds to load (the demo: ~10 s). The tests that need it share one
# copy: it is loaded once, in a transaction that is rolled back when the fixture's scope
# ends, and each test runs in a savepoint of its own inside it (pytest-django's `db`),
# so what one test changes is gone for the next. A test that does not ask for the data
# must not run inside that transaction (it would see the data), nor may a transactional
# test (it would commit or flush it): pytest_collection_modifyitems puts the tests that
# share data last, and pytest_runtest_setup fails any test that would still meet it.

SHARED_DATA = {}  # fixture name -> scope, for every @shared_data fixture
_loaded = []  # the @shared_data fixtures whose transaction is open, outermost first


def shared_data(scope, **kwargs):
    """Make `load(request)` a fixture of `scope` ("session" or "module") whose data the
    tests in that scope share, as described above; its value is what `load` returns.
    `kwargs` go to pytest.fixture (params, ids).

    It gives no database access of its own: a test asks for `db` too (the function-
    scoped fixtures on top of these do), so that its changes are rolled back."""
    assert scope in ("session", "module"), scope

    def decorate(load):
        name = load.__name__
        SHARED_DATA[name] = scope

        def fixture(request, django_db_setup, django_db_blocker):
            with django_db_blocker.unblock():
                atomic = transaction.atomic()
                atomic.__enter__()
                try:
                    forget_cached_rows()
                    value = load(request)
                except BaseException:
                    atomic.__exit__(*sys.exc_info())
                    raise
            _loaded.append(name)
            try:
                yield value
            finally:
                _loaded.remove(name)
                with django_db_blocker.unblock():
                    transaction.set_rollback(True)
                    atomic.__exit__(None, None, None)
                forget_cached_rows()

        fixture.__doc__ = load.__doc__
        return pytest.fixture(scope=scope, name=name, **kwargs)(fixture)

    return decorate


def forget_cached_rows():
    """Empty the caches that hold database rows and outlive a rollback: Wagtail's site
    root paths and core.i18n's locale map (cleared by Locale signals only)."""
    Site.clear_site_root_paths_cache()
    i18n._locales.clear()


def _uses(item, scope):
    return any(SHARED_DATA.get(name) == scope for name in item.fixturenames)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
        or marker.kwargs.get("reset_sequences")
    ):
        return True
    return bool(
        {"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames)
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Put the tests that share data after the others: those sharing a session's data
    at the very end, those sharing a module's data at the end of their module's run of
    tests. trylast: after pytest's grouping by fixture parameter and pytest-django's
    ordering (plain, then transactional, then database-free tests), which both keep."""
    items.sort(key=lambda item: _uses(item, "session"))
    runs = itertools.groupby(items, key=lambda item: getattr(item, "module", None))
    items[:] = [item for _, run in runs for item in sorted(run, key=lambda i: _uses(i, "module"))]


def pytest_itemcollected(item):
    """Run the tests that share data together when the suite runs in parallel
    (`make test`: pytest-xdist with --dist loadgroup): those sharing a session's data
    in one group per worker, by module (each worker loads that data once, and they
    share the work), those sharing a module's data in one group per module.
    The groups' places in the work queue are those of their first tests, so with the
    order above they still come after the tests that share nothing. (Marked here,
    as each item is collected: xdist names the groups in its own
    pytest_collection_modifyitems, which runs before ours.)"""
    if _uses(item, "session"):
        bucket = zlib.crc32(item.module.__name__.encode()) % _workers(item.config)
        item.add_marker(pytest.mark.xdist_group(f"shared-session-data-{bucket}"))
    elif _uses(item, "module"):
        item.add_marker(pytest.mark.xdist_group(f"shared-data-{item.module.__name__}"))


def _workers(config):
    """How many xdist workers the run has (1 without xdist)."""
    count = getattr(config.option, "numprocesses", None)
    if count in ("auto", "logical"):
        count = os.cpu_count()
    return max(1, int(count or 1))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Fail a test that would run inside data it did not ask for, or that is
    transactional and would run inside (or load) shared data, rather than let it
    give a wrong result or break the tests after it."""
    foreign = [name for name in _loaded if name not in item.fixturenames]
    if foreign:
        pytest.fail(
            f"{item.nodeid} would run inside the shared data of {', '.join(foreign)}: "
            "tests sharing data must run after the others (tests/conftest.py)",
            pytrace=False,
        )
    if _is_transactional(item) and (_loaded or SHARED_DATA.keys() & set(item.fixturenames)):
        pytest.fail(
            f"{item.nodeid} is transactional: it cannot run inside shared data, "
            "which is one transaction (tests/conftest.py)",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _no_rows_cached_by_earlier_tests():
    """A test's changes are rolled back, but not the caches that hold rows it made."""
    forget_cached_rows()


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request under /en/ activates English for the thread (LocaleMiddleware does
    not switch it back): later tests must not inherit it."""
    yield
    translation.deactivate()


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


def make_home():
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


def make_region_pages(home):
    """The region index and the five region pages, by region slug."""
    index = RegionIndexPage(title="Regioner", slug="regioner")
    home.add_child(instance=index)
    return {r.slug: RegionPageFactory(parent=index, region=r) for r in Region.objects.all()}


@pytest.fixture
def home(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    return make_home()


@pytest.fixture
def guidance_index(home):
    return GuidanceIndexPageFactory(parent=home)


@shared_data("session")
def demo_database(request):
    """The demo content, loaded exactly as `make run` loads it, with its English tree:
    once per session, for every test that asks for `demo_site`."""
    import_content(DEMO_CONTENT)
    sync_trees()
    Site.objects.filter(is_default_site=True).update(hostname="testserver")


@pytest.fixture
def demo_site(demo_database, db):
    """The demo content, loaded exactly as `make run` loads it, with its English tree;
    the home page. The test's changes are rolled back (see shared_data)."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def regions(home):
    """The region index and the five region pages, by region slug."""
    return make_region_pages(home)


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
