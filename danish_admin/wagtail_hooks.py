"""Two admin menu labels that would otherwise stay in one language per process.

Wagtail builds its menus once and keeps the items. wagtail-localize translates
its report's label with gettext, and Wagtail formats its "What's new" label, at
that moment: both stay in the language of whoever opened the admin first after
a restart. Here they are made lazy again, so each editor reads their own language.
"""

from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.utils.version import get_main_version

WHATS_NEW = "whats-new-in-wagtail-"


def _whats_new(version):
    return gettext("What's new in Wagtail %(version)s") % {"version": version}


@hooks.register("construct_reports_menu")
def translations_report_label(request, menu_items):
    url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == url:
            item.label = gettext_lazy("Translations")


@hooks.register("construct_help_menu")
def whats_new_label(request, menu_items):
    for item in menu_items:
        if item.name.startswith(WHATS_NEW):
            item.label = lazy(_whats_new, str)(get_main_version(include_patch=False))
