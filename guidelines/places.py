"""Which region a page lies in: the region of the nearest region page at or above it.

Regional content (adaptations, regional cases) lives under its region's page, so
that the region's editors own it; what lies elsewhere is national. Forms use this
to set a page's region from where it lives rather than from what an editor picks.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import GroupedCheckboxes

from .models import Municipality, RegionPage


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


def offer_municipalities(field, region, page):
    """Make a page form's municipalities field offer `region`'s municipalities (all,
    with no region), grouped by region with a filter box. Those the page already has
    are offered too, so that one outside the region is shown and named in the model's
    error ("Aalborg ligger ikke i Region Midtjylland") rather than dropped without a
    word; the field accepts any municipality for the same reason."""
    offered = Municipality.objects.select_related("region").order_by("region__code", "name")
    if region is not None:
        current = page.municipalities.all() if page.pk else []
        offered = offered.filter(Q(region=region) | Q(pk__in=[m.pk for m in current]))
    groups = {}
    for municipality in offered:
        groups.setdefault(municipality.region.name, []).append((municipality.pk, municipality.name))
    field.widget = GroupedCheckboxes(
        filter_label=gettext_lazy("Find kommune"), choices=list(groups.items())
    )
    field.error_messages["invalid_choice"] = gettext_lazy(
        "Der findes ingen kommune med id %(value)s."
    )
