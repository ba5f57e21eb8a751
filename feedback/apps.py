from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Readers say whether a page helped: "Var siden nyttig?" and a comment."""

    name = "feedback"
    verbose_name = _("Tilbagemeldinger")
    default_auto_field = "django.db.models.BigAutoField"
