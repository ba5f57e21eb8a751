"""Which region a page lies in: the region of the nearest region page at or above it.

Regional content (adaptations, regional cases) lives under its region's page, so
that the region's editors own it; what lies elsewhere is national. Forms use this
to set a page's region from where it lives rather than from what an editor picks.
"""

from django.utils.translation import gettext as _

from .models import RegionPage


def region_of_place(page):
    """The Region of the region page at or above `page`, or None (national)."""
    if page is None or not page.pk:
        return None
    region_page = (
        RegionPage.objects.ancestor_of(page, inclusive=True).select_related("region").first()
    )
    return region_page.region if region_page else None


def outside_region(municipalities, region):
    """The error for the municipalities (of a case or an offer in `region`) that lie
    in another region, or None."""
    outside = [m.name for m in municipalities if m.region_id != region.pk]
    if not outside:
        return None
    return _("%(names)s ligger ikke i %(region)s.") % {
        "names": ", ".join(outside),
        "region": region.name,
    }
