from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from . import checks  # noqa: F401  (registers the system checks)


class CoreConfig(AppConfig):
    """What every app shares: base pages, two languages, the content format.

    It names no app above it; they plug into it through registries instead
    (README, "Layout")."""

    name = "core"
    verbose_name = _("Fælles")

    def ready(self):
        # Imported here, not at the top: it imports Wagtail's models, which exist
        # only once the app registry is ready.
        from . import i18n, login, wagtail_fixes
        from .page_cache import purges

        i18n.connect_signals()
        login.connect_signals()
        wagtail_fixes.apply()
        # Each app's part of the content format registers itself in its `content` module.
        autodiscover_modules("content")
        # And what shows what, for purging cached pages (core/page_cache/purges.py).
        autodiscover_modules("purges")
        purges.connect()
