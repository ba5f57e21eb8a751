from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    name = "guidelines"
    verbose_name = _("Vejledninger")

    def ready(self):
        from .content import adaptations, handlers  # noqa: F401  (register the content handlers)
        from .i18n import connect_signals

        connect_signals()
