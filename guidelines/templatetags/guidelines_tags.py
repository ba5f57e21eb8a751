from django import template
from django.utils.safestring import mark_safe

from ..blocks import StrengthChoices
from ..codes import recommendation_anchor
from ..hooks import MATRIX_ACTOR_LINKS, results
from ..models import Region
from ..models.adaptations import AdaptationMode
from ..models.regions import (
    choice_url,
    chosen_region,
    region_page,
    regional_version,
    regions_for_choice,
)

register = template.Library()

STRENGTH_LABELS = dict(StrengthChoices.CHOICES)


@register.simple_tag(takes_context=True)
def recommendation_url(context, document, code):
    """The stable URL of a recommendation: <document>/anbefaling/<code>/."""
    return document.recommendation_url(code, context.get("request"))


@register.inclusion_tag("guidelines/_recommendation_change.html", takes_context=True)
def recommendation_change(context, code):
    """ "Ny i …" / "Ændret i …" and "Sidst ændret" for a recommendation, from the
    page's `recommendation_histories` (editions.history); nothing without them."""
    histories = context.get("recommendation_histories")
    history = histories.get(code) if histories else None
    return {
        "history": history,
        "badge": histories.badge(code) if history else None,
        "html_lang": context.get("html_lang"),
    }


@register.filter
def anchor(code):
    return recommendation_anchor(code)


@register.filter
def strength_label(value):
    return STRENGTH_LABELS.get(value, value)


@register.filter
def css_string(value):
    """Text for a quoted CSS string (a PDF's running header): every character but
    letters, digits, spaces and plain punctuation as a CSS escape ("\\2d "), which
    also keeps "</style>" out. (escapejs writes JavaScript's "\\u002D", which CSS
    reads as the letters "u002D": "kl-2018" came out as "klu002D2018".)"""
    return mark_safe(
        "".join(
            char if char.isalnum() or char in " .,:/·()" else f"\\{ord(char):x} "
            for char in str(value)
        )
    )


@register.inclusion_tag("guidelines/_regional_offer.html", takes_context=True)
def regional_offer(context, document, section=None):
    """The reader's region's version of this document (or section), or, when no
    region is chosen, a small form to choose one. At most two queries."""
    request = context.get("request")
    offer = {"request": request, "next_url": request.get_full_path() if request else ""}
    region = chosen_region(request)
    if region is None:
        regions = regions_for_choice(request)
        offer.update(
            regions=regions,
            choice_url=choice_url(region_page(regions[0]), request) if regions else None,
        )
        return offer
    adaptation = regional_version(region, document, section)
    offer.update(
        region=region,
        section=section,
        adaptation=adaptation,
        choice_url=choice_url(region_page(region, request), request),
    )
    if adaptation is not None:
        mode = getattr(adaptation, "section_mode", None)
        offer.update(
            supplemented=mode == AdaptationMode.SUPPLEMENTED,
            replaced=mode == AdaptationMode.REPLACED,
            url=(
                adaptation.section_url(section.slug, request)
                if section is not None
                else adaptation.get_url(request)
            ),
        )
    return offer


@register.simple_tag(takes_context=True)
def adaptation_url(context, slug="", **query):
    """A link within the adaptation being read: its contents (no slug) or a section,
    with the reader's switches (`visning`, `tekst`); in a preview, within the preview."""
    return context["adaptation"].reader_url(context.get("request"), slug, **query)


def matrix_region(context):
    """The region a responsibility matrix is read for: the page's own (a regional
    adaptation, a region's page, anything with a region), else the reader's chosen
    region (national pages vary their cache by it: RegionAwareMixin), else None."""
    region = getattr(context.get("page"), "region", None)
    if isinstance(region, Region):
        return region
    return chosen_region(context.get("request"))


@register.simple_tag(takes_context=True)
def matrix_actors(context, actors):
    """[(actor label, url or None)] for the columns of a responsibility matrix: where
    the reader finds who each actor is in their municipality, from the apps that
    know (hooks.MATRIX_ACTOR_LINKS); no links without a region. At most a query for
    the chosen region, and what the hooks ask (the directory: one, once per request)."""
    actors = [str(actor) for actor in actors]
    region = matrix_region(context) if actors else None
    links = {}
    if region is not None:
        for found in results(MATRIX_ACTOR_LINKS, actors, region, context.get("request")):
            links.update(found or {})
    return [(actor, links.get(actor)) for actor in actors]
