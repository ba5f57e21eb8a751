"""What guidance pages put in the site search (see search.units)."""

from django.utils.translation import gettext_lazy as _

from search.units import (
    Tier,
    Unit,
    dependents,
    listing_units,
    page_unit,
    plain,
    register,
    register_earlier_versions,
    register_facet,
    register_kind,
    shown_in,
    stream_text,
)

from .codes import recommendation_anchor
from .laws import LAW_NAMES
from .models import (
    Edition,
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    RegionIndexPage,
    RegionPage,
)

register_kind("dokument", _("Vejledning"), order=10, tier=Tier.GUIDANCE)
register_kind("afsnit", _("Afsnit"), order=20, tier=Tier.GUIDANCE)
register_kind("anbefaling", _("Anbefaling"), order=30, tier=Tier.GUIDANCE)
register_kind("tilpasning", _("Regional tilpasning"), order=40, tier=Tier.GUIDANCE)
# Editions are history: autocomplete leads to the current text instead, and
# they rank below every live page that matches as well.
register_kind("udgave", _("Udgave"), order=50, suggested=False, tier=Tier.HISTORY)
# An edition is superseded when the next one takes effect.
register_earlier_versions(_("Søg også i tidligere udgaver"))
register_facet("dokument", _("Dokument"), order=10)
register_facet("region", _("Region"), order=20)


def document_facet(document):
    return {"dokument": [(document.slug, document.display_title)]}


@register(GuidanceDocumentPage)
def document_units(page):
    facets = document_facet(page)
    units = page_unit(
        page,
        kind="dokument",
        lead=page.summary,
        body=" ".join(filter(None, [plain(page.intro), page.issuers, page.audience])),
        date=page.last_substantive_change or page.first_published,
        facets=facets,
    )
    editions = list(page.editions.all()) if units else []
    # In date order: each edition is superseded when the next one takes effect.
    following = [edition.effective_date for edition in editions[1:]] + [None]
    for edition, superseded_on in zip(editions, following[: len(editions)], strict=True):
        units.append(
            Unit(
                kind="udgave",
                title=f"{page.display_title}: {edition.label}",
                url=units[0].url + page.reverse_subpage("edition", args=[edition.slug]),
                ref=f"udgave-{edition.slug}",
                trail=(page.display_title,),
                lead=edition.change_summary,
                # By the issuers' names of its time: "Socialstyrelsen" finds the 2014 edition.
                body=edition.issuers,
                date=edition.effective_date,
                facets=facets,
                superseded_on=superseded_on,
            )
        )
    return units


@register(GuidanceSectionPage)
def section_units(page):
    document = page.document
    facets = document_facet(document)
    trail = (document.display_title,)
    units = page_unit(
        page,
        kind="afsnit",
        title=page.numbered_title,
        number=page.number,
        trail=trail,
        lead=page.summary,
        # Recommendations are units of their own, so a hit opens at the one
        # that matched rather than at the top of its section.
        body=stream_text(page.body, skip={"recommendation"}),
        facets=facets,
    )
    for recommendation in page.recommendations if units else []:
        code = recommendation["code"]
        units.append(
            Unit(
                kind="anbefaling",
                title=f"{code} {recommendation['title']}",
                url=units[0].url,
                anchor=recommendation_anchor(code),
                trail=(*trail, page.numbered_title),
                lead=plain(recommendation["statement"]),
                # Found by the act it rests on too ("psykiatriloven 13 a").
                body=" ".join((plain(recommendation["rationale"]), legal_text(recommendation))),
                facets=facets,
            )
        )
    return units


@register(RegionPage)
def region_units(page):
    return page_unit(
        page,
        lead=page.intro,
        body=", ".join(m.name for m in page.region.municipalities.all()),
        facets={"region": [(page.region.slug, page.region.name)]},
    )


@register(RegionalAdaptationPage)
def adaptation_units(page):
    """The adaptation, and each section the region supplements or replaces.

    Sections shown as national are left out: the national section is found on
    its own page. The national document's facet makes the region's version turn
    up when a reader searches within that document.
    """
    region, document = page.region, page.document
    facets = {"region": [(region.slug, region.name)], **document_facet(document)}
    units = page_unit(
        page,
        kind="tilpasning",
        trail=(region.name,),
        lead=page.intro,
        body=document.display_title,
        facets=facets,
    )
    for section, entry in page.versions() if units else []:
        if entry is None:
            continue
        units.append(
            Unit(
                kind="tilpasning",
                title=f"{section.numbered_title} – {region.name}",
                number=section.number,
                url=units[0].url + page.reverse_subpage("section", args=[section.slug]),
                ref=section.slug,
                trail=(region.name, page.title),
                lead=plain(entry.text),
                body=entry.reason if entry.is_replaced else "",
                facets=facets,
            )
        )
    return units


@dependents(GuidanceDocumentPage, GuidanceSectionPage)
def adaptations_showing(page):
    """Adaptation units carry the national document's title and section headings."""
    document = page if isinstance(page, GuidanceDocumentPage) else page.document
    return RegionalAdaptationPage.objects.filter(document=document).live()


@shown_in(Edition)
def edition_document(edition):
    """A document's units list its editions: a new one is found at once."""
    return [edition.document_id]


register(GuidanceIndexPage, RegionIndexPage)(listing_units)


def legal_text(recommendation):
    """The acts a recommendation rests on, as words: "Psykiatriloven § 13 a"."""
    return " ".join(
        f"{LAW_NAMES.get(basis['law'], basis['law'])} {basis['paragraph']}"
        for basis in recommendation.get("legal_basis") or []
    )
