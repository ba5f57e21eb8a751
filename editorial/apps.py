"""The admin as the editors meet it: where regional staff land, what their menus
and dashboard offer, the Danish editor's guide, and the admin screens' accessibility.

danish_admin translates Wagtail's own strings; this app holds the project's own
admin screens and the hooks and template overrides that shape Wagtail's. It is
listed before the wagtail apps, so its templates under templates/wagtailadmin/
take the place of Wagtail's (each overrides as little as it can; see there).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redaktion")

    def ready(self):
        from .explorer import register

        register()
