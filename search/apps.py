from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Søgning")

    def ready(self):
        # Imported here, not at the top: it imports Wagtail's models, which exist
        # only once the app registry is ready.
        from . import signals

        # Each app says what its pages contribute in its search_units module.
        autodiscover_modules("search_units")
        signals.connect()
