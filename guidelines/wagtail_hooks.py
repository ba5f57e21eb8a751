from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_hooks_permissions  # noqa: F401  (registers its hooks)
from .adaptations.compare_view import AdaptationPageViewSet
from .adaptations.panels import ReviewDashboardPanel
from .adaptations.reports import needing_review, review_list_view
from .admin_views import RELEASE_PERMISSION, release_edition_view
from .models import GuidanceDocumentPage, Municipality, Region, RegionalAdaptationPage


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


@hooks.register("register_admin_viewset")
def adaptation_page_viewset():
    """An adaptation's revisions compared for moderators (adaptations/compare_view.py)."""
    return AdaptationPageViewSet(model=RegionalAdaptationPage)


@hooks.register("register_admin_urls")
def edition_admin_urls():
    return [
        path(
            "udgaver/frigiv/<int:page_id>/",
            release_edition_view,
            name="guidelines_release_edition",
        ),
        path(
            "tilpasninger/til-gennemsyn/",
            review_list_view,
            name="guidelines_adaptation_reviews",
        ),
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


@hooks.register("register_reports_menu_item")
def adaptation_reviews_menu_item():
    return MenuItem(
        _("Tilpasninger til gennemsyn"),
        reverse("guidelines_adaptation_reviews"),
        icon_name="warning",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def adaptation_reviews_panel(request, panels):
    adaptations = needing_review(request.user)
    if adaptations:
        panels.append(ReviewDashboardPanel(adaptations))


@hooks.register("insert_global_admin_css")
def guidelines_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("guidelines/admin.css"))
