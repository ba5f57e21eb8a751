"""The embedded run: `make run` uses these settings."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine for a laptop; production refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-0f6c1a"
ALLOWED_HOSTS = ALLOWED_HOSTS + ["0.0.0.0"]  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
