from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Readers hear about changes by e-mail: new editions of a document, a region's
    adaptations and cases (double opt-in, an outbox, one-click unsubscribe)."""

    name = "alerts"
    verbose_name = _("E-mailbesked om ændringer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
