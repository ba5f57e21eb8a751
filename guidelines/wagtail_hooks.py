from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import RELEASE_PERMISSION, release_edition_view
from .models import GuidanceDocumentPage, Municipality, Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "slug"]
    inspect_view_enabled = True


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    list_per_page = 100
    inspect_view_enabled = True
    list_export = ["code", "name", "region"]


class ReferenceDataGroup(SnippetViewSetGroup):
    """Regions and municipalities come from guidelines/data/ via a migration;
    the admin shows them so editors can look codes up."""

    items = (RegionViewSet, MunicipalityViewSet)
    menu_icon = "list-ul"
    menu_label = _("Referencedata")
    menu_name = "reference-data"


register_snippet(ReferenceDataGroup)


@hooks.register("register_admin_urls")
def edition_admin_urls():
    return [
        path(
            "udgaver/frigiv/<int:page_id>/",
            release_edition_view,
            name="guidelines_release_edition",
        )
    ]


@hooks.register("register_page_header_buttons")
def release_edition_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, GuidanceDocumentPage) and user.has_perm(
        RELEASE_PERMISSION
    ):
        yield Button(
            _("Frigiv udgave"),
            reverse("guidelines_release_edition", args=[page.pk]),
            icon_name="doc-full",
            priority=55,
        )


@hooks.register("register_log_actions")
def register_edition_log_actions(actions):
    actions.register_action("guidelines.release_edition", _("Frigiv udgave"), _("Udgave frigivet"))
