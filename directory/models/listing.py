"""Offers as readers get them: live, public, in the reader's language, grouped by
the matrix's actors in their order. A few queries, however many offers there are."""

from dataclasses import dataclass, field

from django.db.models import F, Q

from core.i18n import active_locale, default_locale
from core.restrictions import private_q

from ..kinds import ActorKind
from .offers import OfferPage


@dataclass
class KindGroup:
    """The offers behind one actor of the matrix (`offers` may be empty)."""

    kind: str
    label: str
    offers: list = field(default_factory=list)


def grouped(offers, kinds=None):
    """One KindGroup per kind (all of them, or those in `kinds`), in ActorKind's
    order, each with its offers in the order given."""
    groups = {
        kind.value: KindGroup(kind.value, kind.label)
        for kind in ActorKind
        if kinds is None or kind.value in kinds
    }
    for offer in offers:
        if offer.actor_kind in groups:
            groups[offer.actor_kind].offers.append(offer)
    return list(groups.values())


def readable(queryset, request=None):
    """Live offers outside any view restriction, with what their listing shows."""
    return (
        queryset.live()
        .exclude(private_q(request))
        .select_related("region")
        # For content_lang: an untranslated alias is marked lang="da" with no query.
        .annotate(source_locale_id=F("alias_of__locale_id"))
        .order_by("title", "pk")
    )


def in_reader_language(offers, locale=None):
    """Each offer's live counterpart in `locale` (default: the reader's), else the
    offer itself; one query when any is in another language."""
    locale = locale or active_locale()
    keys = [offer.translation_key for offer in offers if locale and offer.locale_id != locale.pk]
    if not keys:
        return list(offers)
    local = {
        page.translation_key: page
        for page in OfferPage.objects.live()
        .filter(translation_key__in=keys, locale=locale)
        .select_related("region")
        .annotate(source_locale_id=F("alias_of__locale_id"))
    }
    shown = [local.get(offer.translation_key, offer) for offer in offers]
    # In the reader's alphabet: a translation may have another title.
    return sorted(shown, key=lambda offer: (offer.title.lower(), offer.pk))


def offers_serving(municipality, request=None, locale=None):
    """The live, public offers that serve `municipality` (named for it, or for its
    whole region), in the reader's language; two or three queries."""
    # Found among the Danish offers, whose municipalities are the editors'; a
    # translation or alias is shown in their place.
    source = default_locale()
    offers = readable(
        OfferPage.objects.filter(locale=source).filter(
            Q(municipalities=municipality) | Q(whole_region=True, region_id=municipality.region_id)
        ),
        request,
    ).distinct()
    return in_reader_language(list(offers), locale)
