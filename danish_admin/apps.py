"""Danish for the parts of Wagtail's admin that Wagtail itself leaves in English.

Editors work in Danish, but the Danish catalogues shipped with Wagtail and
wagtail-localize cover only part of the admin, so the page editor, publishing
and moderation screens mix Danish and English. This app ships the missing
translations in locale/da/LC_MESSAGES/django.po, and those of the admin's
JavaScript in djangojs.po (served by views.javascript_catalog).

Django merges the catalogues of all installed apps, and where two apps
translate the same msgid the app listed *earlier* in INSTALLED_APPS wins
(LOCALE_PATHS beat all apps). That is why "danish_admin" is listed before
"wagtail_localize" and the wagtail apps in the settings.

Where a fix needs a template rather than a translation, templates/wagtailadmin/
holds Wagtail's template adjusted (it takes Wagtail's place for the same reason,
its place in INSTALLED_APPS): these use Wagtail's own msgids, which is why
`make makemessages` leaves this app out, as it does the catalogue.

The compiled .mo files are not committed; site/catalogues.py compiles them.
"""

from django.apps import AppConfig


class DanishAdminConfig(AppConfig):
    name = "danish_admin"
    verbose_name = "Dansk administration"
