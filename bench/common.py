"""What every benchmark needs: the import path, test settings and a throwaway database."""

import contextlib
import os
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure():
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    warnings.filterwarnings("ignore", "No directory at")  # static files are not collected here
    os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="vejledning-bench-"))
    # The search lexicon takes a while to build: reuse the one the site made.
    os.environ.setdefault("SEARCH_CACHE_DIR", str(ROOT / "var"))


@contextlib.contextmanager
def test_database():
    """Django set up on a fresh test database (SQLite, or one on DATABASE_URL's server)."""
    import django

    django.setup()
    from django.db import connection
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        yield connection
    finally:
        runner.teardown_databases(old)
