"""What the glossary puts in the site search (see search.units): the page, and
each term as a unit of its own, so "KI-plan" finds its explanation."""

from django.utils.translation import gettext_lazy as _

from search.units import Unit, listing_units, plain, register, register_kind

from .models import GlossaryPage

register_kind("ordliste", _("Ordliste"), order=90)


@register(GlossaryPage)
def glossary_units(page):
    units = listing_units(page)
    for entry in page.entries() if units else []:
        units.append(
            Unit(
                kind="ordliste",
                title=entry.term,
                url=units[0].url,
                anchor=entry.anchor,
                trail=(page.title,),
                lead=plain(entry.definition),
                body=" ".join(filter(None, [", ".join(entry.forms), entry.source])),
            )
        )
    return units
