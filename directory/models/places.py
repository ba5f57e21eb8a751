"""The region a directory page belongs to: that of the region page above it."""

from guidelines.models import RegionPage


def region_above(page, parent=None):
    """The Region of the region page at or above `parent` (or `page`'s place in the
    tree), or None. Works for a page not saved yet, from its path or its parent."""
    place = parent if parent is not None else page
    path = getattr(place, "path", "") or ""
    if not path:
        return None
    steplen = RegionPage.steplen
    ancestors = [path[:n] for n in range(steplen, len(path) + 1, steplen)]
    region_page = RegionPage.objects.filter(path__in=ancestors).select_related("region").first()
    return region_page.region if region_page else None
