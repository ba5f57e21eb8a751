"""Tests: fast hashing, plain static storage, SQLite unless DATABASE_URL is set."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that tests which change content without publishing it see the change;
# tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://testserver"
# The read API's rate limit is off (the schema check sends hundreds of requests);
# tests/api/test_read_api.py turns it on.
API_RATE_LIMIT = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Files the tests make (edition PDFs) go to a throwaway folder, never into var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="vejledning-test-media-"))
