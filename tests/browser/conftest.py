"""Fixtures for the browser tests: the system Chromium (never a downloaded one) driven by
Playwright's sync API, against a live server with the demo content loaded.

Nothing here imports Playwright at module level, so collection works without it and the
test modules can skip with a reason (see `missing_requirement`).
"""

import importlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection, connections
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site

from core.content import import_content
from core.i18n import sync_trees
from tests.conftest import DEMO_CONTENT, forget_cached_rows

BASE_DIR = Path(__file__).resolve().parents[2]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
DKFDS_CSS = BASE_DIR / "site" / "static" / "vendor" / "dkfds" / "css" / "dkfds.min.css"
CHROMIUM = (
    "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}


def missing_requirement():
    """Why the browser tests cannot run here, or None when they can."""
    if CHROMIUM is None:
        return (
            "Chromium is not installed (no /usr/bin/chromium, no chromium on PATH); "
            "install Debian's package with `make browser-deps`"
        )
    try:
        importlib.import_module("playwright.sync_api")
    except ImportError as error:
        return (
            f"playwright cannot be imported ({error}); "
            "install the dev dependencies with `make install`"
        )
    if not AXE_JS.is_file():
        return f"axe-core is missing ({AXE_JS.relative_to(BASE_DIR)}); run `npm ci`"
    return None


@pytest.fixture(scope="package")
def site_url(request, django_db_setup, django_db_blocker):
    """The base URL of a live server serving the demo content, for every test here.

    The server thread sees committed data only, so the demo is committed, once (loading
    it takes longer than most of these tests). The tests only read; afterwards the
    database is put back as the migrations left it, the way Django's serialized
    rollback does it: the rows saved before loading are restored into the flushed
    tables. The database stays unblocked throughout, for the server thread.

    pytest-django's live_server is not used: a test that asks for it, even through this
    fixture, is made transactional, which would empty the database after each test.
    """
    addr = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    # This commits, and flushes at the end: only ever on the test database (which
    # pytest-django sets up only if some test is marked), outside any transaction.
    here = Path(__file__).parent
    if any(
        item.path.is_relative_to(here) and not item.get_closest_marker("django_db")
        for item in request.session.items
    ):
        pytest.fail("every browser test needs the test database: mark it django_db")
    with django_db_blocker.unblock():
        if connection.in_atomic_block:
            pytest.fail("the browser tests commit their data: run them outside any transaction")
        migrated = connection.creation.serialize_db_to_string()
        try:
            import_content(DEMO_CONTENT)
            sync_trees()  # the English tree, as `make demo` completes it
            server = LiveServer(addr)
            try:
                url = urlsplit(server.url)
                Site.objects.filter(is_default_site=True).update(
                    hostname=url.hostname, port=url.port
                )
                forget_cached_rows()
                with server._live_server_modified_settings:  # ALLOWED_HOSTS
                    yield server.url
            finally:
                server.stop()
        finally:
            # As TransactionTestCase flushes: sequences left as they are, since the
            # saved rows come back with their ids (which would not move a sequence).
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(migrated)
            forget_cached_rows()


@pytest.fixture
def browser(site_url):
    """A headless Chromium, started after the test data is in and closed before it goes.

    Playwright's sync API keeps an asyncio event loop running in the main thread while it
    is open. Meanwhile Django refuses database access in that thread unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set (SynchronousOnlyOperation), and hands out another
    connection object than the one the test database was set up with (connections are
    per thread, and per context while a loop runs). So the browser lives inside one
    test: started after `site_url` has loaded the data and closed before `site_url` puts
    the database back, both on that connection. DJANGO_ALLOW_ASYNC_UNSAFE is set only
    while it is open, so a test may still read the database; it must not leak into other
    tests (`manage.py check --deploy` rejects it).
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            # The connections the test used while the loop ran: nothing else closes
            # them, and an open one keeps PostgreSQL from dropping the test database.
            connections.close_all()
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="da-DK", viewport=VIEWPORT)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
