"""Production: every secret and host comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, TASKS, env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")

CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The client's address for the login records (django-axes, through django-ipware):
# X-Forwarded-For as the TLS proxy in front writes it. FORWARDED_PROXY_COUNT is the
# number of further proxies whose addresses it holds; a longer chain than that (a
# client's own X-Forwarded-For) gives the proxy's address instead.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("FORWARDED_PROXY_COUNT", "0"))

# Wagtail's live preview shows the page in a same-origin iframe, so frames stay
# SAMEORIGIN (base.py) rather than DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# The load balancer probes over plain HTTP inside the network (ops/probes.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Background work on a worker (`manage.py db_worker`, started by `make serve`),
# unless TASKS_BACKEND says otherwise.
if "TASKS_BACKEND" not in os.environ:
    TASKS["default"]["BACKEND"] = "django_tasks_db.DatabaseBackend"

# One JSON object per line on stdout, for the log collector (ops/jsonlog.py).
LOGGING = {
    **LOGGING,
    "formatters": {"json": {"()": "ops.jsonlog.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}
