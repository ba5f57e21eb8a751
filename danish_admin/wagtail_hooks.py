"""A menu label that would otherwise stay in one language per process.

Wagtail builds its menus once and keeps the items. wagtail-localize translates
its report's label with gettext at that moment: it stays in the language of
whoever opened the admin first after a restart. Here it is made lazy again, so
each editor reads their own language. (Wagtail's "What's new" item, formatted
the same way, is gone: it linked Wagtail's English release notes; see
editorial/wagtail_hooks.py.)
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks


@hooks.register("construct_reports_menu")
def translations_report_label(request, menu_items):
    url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == url:
            item.label = gettext_lazy("Translations")
