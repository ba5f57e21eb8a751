"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the
environment (see README, "Settings"); the defaults give the embedded run:
SQLite and media files under DATA_DIR, local-memory cache, database search.
"""

import contextlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var")).resolve()
# The embedded run keeps its database here; a read-only deployment need not.
with contextlib.suppress(OSError):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
PORT = int(os.environ.get("PORT", "8000"))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "api",  # the open read API under /api/v1/, and the embeds (api/)
    "home",
    "feedback",  # "Var siden nyttig?" on guidance, case and meeting pages
    "alerts",  # e-mail alerts: new editions, a region's adaptations and cases
    "worksheet",  # the action-plan worksheet: fill in, print, take away; nothing stored
    "casebook",
    "directory",  # "Hvem gør hvad": the offers behind each actor, per municipality
    "guidelines",
    "glossary",  # the ordliste, and its links from the guidance's text
    "search",
    "core",
    "danish_admin",  # before the wagtail apps: its Danish wins (see danish_admin/apps.py)
    "editorial",  # before the wagtail apps: its admin templates win (editorial/apps.py)
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    # No page shows images, but wagtail-localize's translation editor imports
    # Wagtail's image blocks and so its image models, which need their app.
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "laces",  # template components: what apps add to other apps' pages (guidelines/hooks.py)
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # login throttling: see "Logins" below
    "django_tasks",
    "django_tasks_db",  # the task queue's table, whichever backend runs (see "Tasks")
    "ops",  # /healthz, /readyz, JSON logs
    "corsheaders",  # the read API's CORS headers (see "Read API")
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Answers the read API's CORS preflight (OPTIONS), which the next one refuses elsewhere.
    "corsheaders.middleware.CorsMiddleware",
    "core.middleware.RefuseOptionsAndTrace",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages from the cache, before sessions and CSRF (core/page_cache/).
    "core.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The read API's language, rate limit, cache and caching headers (api/middleware.py):
    # after LocaleMiddleware, which would give every address outside /en/ Danish.
    "api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Keeps drafts from admin users who may not work on them (core/drafts.py).
    "core.drafts.DraftBorderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL wins; without it the site runs on a SQLite file in DATA_DIR.
# Data the search derives and may rebuild (the lexicon), cached between runs.
SEARCH_CACHE_DIR = Path(os.environ.get("SEARCH_CACHE_DIR", DATA_DIR)).resolve()

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vejledning"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Rendered pages for anonymous readers, in the cache above, purged on publish
# (core/page_cache/); 0 turns the page cache off. Also the s-maxage given to a
# proxy or CDN in front, which WAGTAILFRONTENDCACHE (docs/deploy.md) lets us purge.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# A caching proxy in front (Varnish, nginx) that takes PURGE requests: Wagtail's frontend
# cache sends it every address a change purges. For a CDN (Cloudflare, CloudFront, ...)
# set WAGTAILFRONTENDCACHE in a settings module of your own (docs/deploy.md).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
# The purge names each language's address itself (Danish has no /da/ prefix).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Several app servers share the sessions (the admin's logins) through Redis too,
# written through to the database so that a Redis restart logs no one out.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Tasks --------------------------------------------------------------------
# Background work (edition PDFs, search indexing with Elasticsearch, purges sent to a
# proxy) goes through django-tasks. "immediate" runs it in the request, as the embedded
# run and the tests want; "database" queues it in the database for `manage.py db_worker`
# (django-tasks-db), which every app server already shares: no broker to run.
# settings.production makes "database" the default; `make serve` starts the worker.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- Mail -------------------------------------------------------------------------
# The alerts' mails (alerts/). EMAIL_URL names the SMTP server as DATABASE_URL names
# the database (smtp://user:password@host:587/?tls=True, or submission:// for 587 with
# STARTTLS); without it, Django's own EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS; without either, the embedded run writes each
# mail as a file to DATA_DIR/mail (look there to follow a confirmation link).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ikke-svar@vejledning.invalid")
EMAIL_TIMEOUT = 15  # a send that hangs fails, and the mail waits in the outbox
if os.environ.get("EMAIL_URL"):
    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST, EMAIL_PORT = _email["EMAIL_HOST"], _email["EMAIL_PORT"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_USER"], _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"

# --- Search -----------------------------------------------------------------
# Wagtail's own search serves the admin; the public search (search app) has
# its own Danish analysis in front of the database or Elasticsearch.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# PostgreSQL: a query expected to match more units than this is counted by sample,
# and its total and facet counts shown as estimates (search.backends.estimates).
# 0 counts every query exactly.
SEARCH_EXACT_COUNT_LIMIT = int(os.environ.get("SEARCH_EXACT_COUNT_LIMIT", "5000"))
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "vejledning")
# Where `manage.py export_search_lexicon` files sit, relative to the ES nodes'
# config directory (e.g. "analysis/sitesearch"); unset: a subset inline.
ELASTICSEARCH_LEXICON_PATH = os.environ.get("ELASTICSEARCH_LEXICON_PATH", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Logins ---------------------------------------------------------------------
# django-axes counts failed logins per username and per client address, and after
# AXES_FAILURE_LIMIT of either it refuses that account (from anywhere) or that address
# (any account: one address trying many accounts) for AXES_COOLOFF_TIME; every further
# try during the lockout starts the cool-off again. What it keeps and for how long:
# README, "Security and privacy". Its backend must come first: it refuses a
# locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True  # a successful login forgets the earlier mistakes
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not recorded (Django keeps last_login)
AXES_LOCKOUT_CALLABLE = "core.login.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------
# Danish is the source language; English is the second (wagtail-localize).
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (uploaded documents, edition PDFs) in S3-compatible object storage when a
# bucket is named, so every app server and the worker see the same files; the
# credentials are boto3's own variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_S3_LOCATION", ""),
            "default_acl": None,  # the bucket stays private: files are served through the site
            "file_overwrite": False,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers -----------------------------------------------------------
# The design system's stylesheet and our own scripts are self-hosted, so the
# policy can stay at 'self'. Wagtail's admin needs inline styles and scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    },
}
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Browser features no page of the site uses, refused for it and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Read API (api/) -------------------------------------------------------------
# Requests a minute per client (429 with Retry-After beyond; 0 turns the limit off),
# and how long a client or CDN may reuse an answer (our own copy is purged on publish).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "300"))
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
# Any site may read the API from a browser; it only answers GET (and HEAD).
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After", "Content-Language")
CORS_PREFLIGHT_MAX_AGE = 86400

# --- Wagtail ------------------------------------------------------------------
# The site's home page: listing pages (core.models.IndexPage) stand directly under it.
HOME_PAGE_MODEL = "home.HomePage"
WAGTAIL_SITE_NAME = _("Vejledning om tværsektoriel indsats")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://localhost:{PORT}")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Documents are streamed by the site from the disk or the bucket, after the privacy
# check, rather than redirected to a signed bucket address (Wagtail's default for a
# remote storage): the bucket stays private and unreachable from outside (docs/deploy.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A page or document behind a password asks for it in the site's own layout; the
# tries are limited per client (core/passwords.py).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would send a hash of every editor's e-mail address to
# a third party on every admin page (tests/test_third_parties.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Editors of one page or snippet see each other in the editor, and are told within
# seconds when someone saves a newer version (Wagtail's defaults, stated so they stay on);
# saving a form older than the latest version is refused (core/edit_conflicts.py).
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000  # ms
WAGTAIL_AUTOSAVE_INTERVAL = 500  # ms after the last change
# The password field labelled in the editor's language (editorial/forms.py), with the
# lockout message of core.login.
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Task runs and page actions are logged per page; too chatty for a console.
    "loggers": {
        name: {"level": os.environ.get("LOG_LEVEL", "WARNING")}
        for name in ("django_tasks", "wagtail", "modelsearch", "weasyprint", "fontTools")
    }
    # django-axes: failed logins and lockouts (WARNING), not every successful login (INFO).
    | {"axes": {"level": "WARNING"}},
}
