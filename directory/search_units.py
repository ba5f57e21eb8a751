"""What the directory's pages put in the site search (see search.units)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from search.units import Tier, listing_units, page_unit, register, register_facet, register_kind

from .models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage

# Practice: with the cases and meetings, below the live guidance.
register_kind("tilbud", _("Tilbud"), order=80, tier=Tier.OTHER)
register_facet("region", _("Region"), order=20)


def joined(*texts):
    return " · ".join(str(text) for text in texts if text)


@register(OfferPage)
def offer_units(page):
    """An offer is found by its name, kind, region and municipalities, what it does
    and for whom: "misbrugsbehandling Randers" finds Randers' treatment centre."""
    region = page.region
    with translation.override(page.locale.language_code):  # the kind in its language
        kind = str(page.get_actor_kind_display())
        covers = (
            str(_("Hele regionen"))
            if page.whole_region
            else ", ".join(m.name for m in page.municipalities.all())
        )
    return page_unit(
        page,
        kind="tilbud",
        trail=(region.name,),
        lead=page.description,
        body=joined(
            kind,
            region.name,
            covers,
            page.target_groups,
            page.contact_role,
            page.opening_hours,
            page.address,
        ),
        date=page.verified_on,
        facets={"region": [(region.slug, region.name)]},
    )


@register(RegionalDirectoryPage)
def regional_directory_units(page):
    region = page.region
    return page_unit(
        page,
        lead=page.intro,
        body=joined(region.name, page.coordinator),
        facets={"region": [(region.slug, region.name)]},
    )


register(DirectoryIndexPage)(listing_units)
