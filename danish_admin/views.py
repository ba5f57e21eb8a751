"""The admin's JavaScript catalogue, with the Danish Wagtail leaves out.

Wagtail serves its JavaScript strings (the block editor, comments, the
sidebar) from /admin/jsi18n/ with a catalogue view that reads wagtail.admin
alone. This one reads danish_admin first, then wagtail.admin, in the editor's
admin language as Wagtail's does; site/urls.py routes /admin/jsi18n/ here.
"""

from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response

_catalog = JavaScriptCatalog.as_view(packages=["danish_admin", "wagtail.admin"])


def javascript_catalog(request, *args, **kwargs):
    return get_localized_response(_catalog, request, *args, **kwargs)
