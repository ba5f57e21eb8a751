"""Where a regional editor or moderator works: their region's page.

Regional groups hold page permissions on their region's page in every language
(guidelines/permissions.py), so Wagtail's own start page for them, the nearest
page above all their pages, is the tree's root, which shows both languages' home
pages, "Root" and the English tree. For a user whose pages are all regions' pages
the start is instead their region's page in the site's source language (Danish),
or, for someone in several regions, the nearest page above those.
"""

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from guidelines.models import RegionPage

CACHE = "_editorial_region_pages"


def region_pages_of(user):
    """The region pages `user` has permissions in, or None when some of their
    permissions lie outside every region (a national editor, a superuser).
    Asked for by the menus, the panels and every breadcrumb: kept on the user
    object, which lives for one request."""
    if not hasattr(user, CACHE):
        setattr(user, CACHE, _region_pages_of(user))
    return getattr(user, CACHE)


def _region_pages_of(user):
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return None
    pages = PagePermissionPolicy().instances_with_direct_explore_permission(user)
    if not pages:
        return None
    regions = list(RegionPage.objects.only("path", "depth", "locale_id", "translation_key"))
    found = set()
    for page in pages:
        region = next((r for r in regions if page.path.startswith(r.path)), None)
        if region is None:
            return None
        found.add(region)
    return found


def regional_home(user):
    """The page a regional user starts from, or None for anyone else."""
    regions = region_pages_of(user)
    if not regions:
        return None
    keys = {region.translation_key for region in regions}
    source = list(
        RegionPage.objects.filter(translation_key__in=keys, locale=Locale.get_default())
    ) or list(regions)
    if len(source) == 1:
        return Page.objects.get(pk=source[0].pk)
    return Page.objects.first_common_ancestor_of(source, include_self=True, strict=True)


def is_regional(user):
    return bool(region_pages_of(user))
