"""Groups with exactly the permissions they are meant to have, set up by code.

Apps describe their editor groups and set them up with these helpers, which put
right whatever was changed by hand in the admin.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

# Page permissions, which apply to a page's whole subtree.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Editors who may not publish: their pages go through a moderation workflow.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group_with_permissions(name, permissions, pages, page_codenames):
    """The group `name`, with exactly these permissions and page permissions."""
    group, _created = Group.objects.get_or_create(name=str(name))
    group.permissions.set(permissions)
    # Images and documents are granted per collection; these groups get none.
    group.collection_permissions.all().delete()
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=page_codenames
    )
    wanted = {(page.pk, permission.pk) for page in pages for permission in page_permissions}
    for grant in group.page_permissions.all():
        if (grant.page_id, grant.permission_id) in wanted:
            wanted.remove((grant.page_id, grant.permission_id))
        else:
            grant.delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
        for page_id, permission_id in sorted(wanted)
    )
    return group
