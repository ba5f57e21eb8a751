"""What the admin offers editors: the guide in the help menu and on the dashboard,
no links to Wagtail's English guide, and only the reports that concern a region
for regional users (their start page: explorer.py)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import guide
from .panels import GuidePanel
from .regional import is_regional

EDITOR_GUIDE = "editor-guide"  # Wagtail's help menu item for its own guide
WHATS_NEW = "whats-new-in-wagtail-"


@hooks.register("register_admin_urls")
def guide_urls():
    return [path("", include(guide.urlpatterns))]


@hooks.register("construct_help_menu")
def help_from_our_guide(request, menu_items):
    """Wagtail's help items link its English guide and release notes: the guide's
    place goes to ours."""
    for index, item in reversed(list(enumerate(menu_items))):
        if item.name == EDITOR_GUIDE:
            menu_items[index] = MenuItem(
                guide.TITLE, reverse("editorial_guide"), name=EDITOR_GUIDE, icon_name="help"
            )
        elif item.name.startswith(WHATS_NEW):
            del menu_items[index]


def site_wide_report_urls():
    """Reports over the whole site (every page type, every translation, every
    page's history), which say nothing about a region's own work."""
    return {
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtail_localize:translations_report"),
    }


@hooks.register("construct_reports_menu")
def regional_reports_only(request, menu_items):
    if is_regional(request.user):
        hidden = site_wide_report_urls()
        menu_items[:] = [item for item in menu_items if item.url not in hidden]


@hooks.register("construct_homepage_panels")
def guide_panel(request, panels):
    panels.append(GuidePanel())


@hooks.register("insert_global_admin_css")
def editorial_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("insert_global_admin_js")
def editorial_js():
    return format_html('<script src="{}" defer></script>', static("editorial/admin.js"))
