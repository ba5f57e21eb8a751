from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    name = "guidelines"
    verbose_name = _("Vejledninger")

    def ready(self):
        # The recommendation index follows the sections (recommendation_index.py).
        from . import recommendation_index

        recommendation_index.connect()
