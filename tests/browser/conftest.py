"""Fixtures for the browser tests: the system Chromium (never a downloaded one) driven by
Playwright's sync API, against pytest-django's live server with the demo content loaded.

Nothing here imports Playwright at module level, so collection works without it and the
test modules can skip with a reason (see `missing_requirement`).
"""

import importlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from core.content import import_content
from core.i18n import sync_trees
from tests.conftest import DEMO_CONTENT

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


@pytest.fixture
def site_url(live_server):
    """The live server's base URL, serving the demo content.

    live_server makes the test transactional: the server thread sees committed data only,
    and the database is emptied after the test. The test modules ask for serialized
    rollback, so what the migrations created (root page, default site, locales, regions)
    is back before each test.
    """
    import_content(DEMO_CONTENT)
    sync_trees()  # the English tree, as `make demo` completes it
    url = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=url.hostname, port=url.port)
    return live_server.url


@pytest.fixture
def browser(site_url):
    """A headless Chromium, started after the test data is in and closed before it goes.

    Playwright's sync API keeps an asyncio event loop running in the main thread while it
    is open. Meanwhile Django refuses database access in that thread unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set (SynchronousOnlyOperation), and hands out another
    connection object than the one the test database was set up with (connections are
    per thread, and per context while a loop runs), which loses serialized rollback.
    So the browser lives inside one test: started after `site_url` has loaded the data,
    closed before the database teardown. DJANGO_ALLOW_ASYNC_UNSAFE is set only while it
    is open, so a test may still read the database; it must not leak into other tests
    (`manage.py check --deploy` rejects it).
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
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
