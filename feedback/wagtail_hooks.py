from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import mark_handled, report_view


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("tilbagemeldinger/", report_view, name="feedback_report"),
        path(
            "tilbagemeldinger/<int:feedback_id>/behandlet/", mark_handled, name="feedback_handled"
        ),
    ]


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return MenuItem(
        _("Tilbagemeldinger fra læsere"), reverse("feedback_report"), icon_name="comment", order=60
    )
