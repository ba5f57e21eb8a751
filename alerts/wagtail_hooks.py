from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from guidelines.hooks import DOCUMENT_PAGE_PARTS, REGION_PAGE_PARTS

from .page_parts import document_part, region_part
from .reports import report_view


@hooks.register("register_admin_urls")
def alerts_admin_urls():
    return [path("abonnementer/", report_view, name="alerts_report")]


@hooks.register("register_reports_menu_item")
def alerts_menu_item():
    return MenuItem(
        _("Abonnenter på e-mailbesked"), reverse("alerts_report"), icon_name="mail", order=70
    )


hooks.register(DOCUMENT_PAGE_PARTS, document_part)
hooks.register(REGION_PAGE_PARTS, region_part, order=90)
