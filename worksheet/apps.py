from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksheetConfig(AppConfig):
    name = "worksheet"
    verbose_name = _("Indsatsplan i browseren")
