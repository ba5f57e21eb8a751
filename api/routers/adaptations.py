"""The five regions and their adaptations of the national documents.

A region is named by its slug; an adaptation by its region and the national
document it adapts (one per region and document: RegionalAdaptationPage's rules),
so `midtjylland/forloebsprogrammer` names it in both languages. Per national
section it gives how the region departs from the national text, the region's own
text, and whether a newer national edition changed what that text was written to
(`stale`: adaptations/review.py, as the editors' review panel shows it).

Only live, public adaptations under the region's live, public page in the
request's language are read, and only of national documents a reader may see.
"""

from collections import Counter

from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext_noop as describe
from ninja import Router

from core.i18n import content_language, locale_for
from guidelines.models import (
    AdaptationMode,
    RegionalAdaptationPage,
    RegionPage,
    prefetch_editions,
)
from guidelines.models import Region as RegionModel

from ..common import ERRORS, LangQuery
from ..schemas.adaptations import (
    AdaptationOut,
    AdaptationSummaryOut,
    DocumentPath,
    RegionDetailOut,
    RegionOut,
    RegionPath,
)
from .documents import api_url as document_api_url
from .documents import edition_ref, page_url
from .refs import (
    api_url,
    in_language,
    is_public,
    one_of,
    public_q,
    region_ref,
    rich_text_pair,
    shown_by_key,
)

router = Router(tags=["Regioner"])


def region_pages(request):
    """Region id -> the region's live page in the request's language, if a reader may
    see it."""
    found = RegionPage.objects.live().filter(
        public_q(request), locale=locale_for(request.api_language)
    )
    return {page.region_id: page for page in found}


def region_or_404(slug):
    return one_of(RegionModel.objects.all(), slug)


def region_summary(request, region, page):
    return {
        **region_ref(request, region),
        "code": region.code,
        "url": page_url(request, page) if page else None,
    }


def adaptations_of(request, region, page):
    """The live adaptations under the region's page (in the request's language) that a
    reader may see, of national documents a reader may see, ready for their review
    and national text without a query each."""
    if page is None:
        return []
    found = list(
        RegionalAdaptationPage.objects.child_of(page)
        .live()
        .filter(public_q(request))
        .select_related("document", "based_on")
        .prefetch_related("section_adaptations", "recommendation_stances")
        .annotate(source_locale_id=F("alias_of__locale_id"))
        .order_by("title")
    )
    # Adaptations name the Danish document: the national text is its live, public
    # version in this language (RegionalAdaptationPage.national_document).
    documents = [adaptation.document for adaptation in found]
    national = shown_by_key(documents, locale_for(request.api_language), request)
    shown = []
    for adaptation in found:
        document = national.get(adaptation.document.translation_key)
        if document is None:  # the national document is unpublished or private
            continue
        adaptation.region = region  # its parent's: no query each
        adaptation.national_document = document
        shown.append(adaptation)
    # The review reads the editions of both (each instance gets its own).
    prefetch_editions([a.document for a in shown] + [a.national_document for a in shown])
    return shown


def adaptation_api_url(request, region, document):
    return api_url(request, f"regions/{region.slug}/adaptations/{document.slug}/")


def adaptation_summary(request, adaptation):
    region, document, review = adaptation.region, adaptation.national_document, adaptation.review
    modes = Counter(entry.mode for entry in adaptation.section_adaptations.all())
    editions = review.link_document
    return {
        "id": f"{region.slug}/{document.slug}",
        "region": region.slug,
        "document": {
            "id": document.slug,
            "title": document.title,
            "url": page_url(request, document),
            "api_url": document_api_url(request, f"{document.slug}/"),
        },
        "title": adaptation.title,
        "intro": adaptation.intro,
        "based_on": edition_ref(request, editions, adaptation.based_on),
        "newer_edition": edition_ref(request, editions, review.newer_edition),
        "needs_review": review.needed,
        "supplemented": modes[AdaptationMode.SUPPLEMENTED],
        "replaced": modes[AdaptationMode.REPLACED],
        "language": content_language(adaptation),
        "is_demo": adaptation.is_demo,
        "last_published_at": adaptation.last_published_at,
        "url": page_url(request, adaptation),
        "api_url": adaptation_api_url(request, region, document),
    }


def stance(request, row):
    chosen = row.stance
    html, markdown = rich_text_pair(chosen.text if chosen else "", request)
    return {
        "code": row.code,
        "title": row.recommendation.get("title") or "",
        "stance": chosen.stance if chosen else None,
        "text_html": html,
        "text_markdown": markdown,
        "reason": chosen.reason if chosen else "",
        "stale": row.change is not None,
    }


def section_version(request, adaptation, section, entry, stale):
    html, markdown = rich_text_pair(entry.text if entry else "", request)
    document = adaptation.national_document
    replaced = entry is not None and entry.is_replaced
    return {
        "slug": section.slug,
        "number": section.number,
        "title": section.title,
        "mode": entry.mode if entry else AdaptationMode.NATIONAL,
        "local_text_html": html,
        "local_text_markdown": markdown,
        "reason": entry.reason if entry else "",
        "stale": section.slug in stale,
        "stances": [stance(request, row) for row in adaptation.stance_rows(section)]
        if replaced
        else [],
        "url": request.build_absolute_uri(adaptation.section_url(section.slug, request)),
        "national_api_url": document_api_url(request, f"{document.slug}/sections/{section.slug}/"),
    }


@router.get(
    "",
    response={200: list[RegionOut], **ERRORS},
    summary=describe("Regioner"),
    description=describe("De fem regioner med adressen på deres side."),
)
@in_language
def list_regions(request, lang: LangQuery = None):
    pages = region_pages(request)
    return [region_summary(request, r, pages.get(r.pk)) for r in RegionModel.objects.all()]


@router.get(
    "{region}/",
    response={200: RegionDetailOut, **ERRORS},
    summary=describe("En region"),
    description=describe(
        "En region med dens kommuner og adresserne på dens tilpasninger og cases."
    ),
)
@in_language
def get_region(request, region: RegionPath, lang: LangQuery = None):
    found = region_or_404(region)
    page = region_pages(request).get(found.pk)
    return {
        **region_summary(request, found, page),
        "municipalities": [
            {"code": m.code, "name": m.name} for m in found.municipalities.order_by("name")
        ],
        "adaptations_api_url": api_url(request, f"regions/{found.slug}/adaptations/"),
        "cases_api_url": api_url(request, f"cases/?region={found.slug}"),
    }


@router.get(
    "{region}/adaptations/",
    response={200: list[AdaptationSummaryOut], **ERRORS},
    summary=describe("En regions tilpasninger"),
    description=describe(
        "Regionens tilpasninger af de nationale dokumenter, højst én pr. dokument, med "
        "den udgave de bygger på, og om en nyere udgave kræver en gennemgang."
    ),
)
@in_language
def list_adaptations(request, region: RegionPath, lang: LangQuery = None):
    found = region_or_404(region)
    page = region_pages(request).get(found.pk)
    return [adaptation_summary(request, a) for a in adaptations_of(request, found, page)]


@router.get(
    "{region}/adaptations/{document}/",
    response={200: AdaptationOut, **ERRORS},
    summary=describe("En tilpasning"),
    description=describe(
        "Regionens tilpasning af et nationalt dokument: for hvert nationalt afsnit om det "
        "vises som nationalt, suppleres eller erstattes, regionens tekst og begrundelse, "
        "og om en nyere national udgave har ændret det, teksten er skrevet til (stale)."
    ),
)
@in_language
def get_adaptation(request, region: RegionPath, document: DocumentPath, lang: LangQuery = None):
    found = region_or_404(region)
    page = region_pages(request).get(found.pk)
    adaptation = next(
        (a for a in adaptations_of(request, found, page) if a.national_document.slug == document),
        None,
    )
    if adaptation is None:
        raise Http404
    stale = set(adaptation.review.sections)
    return {
        **adaptation_summary(request, adaptation),
        "sections": [
            section_version(request, adaptation, section, entry, stale)
            for section, entry in adaptation.versions()
            if is_public(section, request)
        ],
    }
