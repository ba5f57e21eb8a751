"""Editor groups and what they may do, set up by code rather than by hand.

`manage.py setup_permissions` (run by `make run`) makes the groups exist with
exactly these permissions; it is safe to run again.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission

from .models import GuidanceIndexPage

NATIONAL_EDITORS = _("Nationale redaktører")
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def setup_national_editors():
    group, _created = Group.objects.get_or_create(name=str(NATIONAL_EDITORS))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="guidelines", codename="release_edition"),
    )
    for index in GuidanceIndexPage.objects.all():
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return group
