"""The reader's region, chosen once and remembered in a cookie (no login).

National pages use it to offer the region's version of what the reader is
looking at. The choice is made at /regioner/vaelg/ (a route on the region
index, served by `choose_region` below): a plain form POST and a redirect
back, so it works without JavaScript.

The cookie holds only a region slug. Anything else in it (an old slug, junk,
a value someone typed) is ignored, never an error.
"""

import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction

from ..models.adaptations import RegionalAdaptationPage, SectionAdaptation
from ..models.reference import Region

COOKIE = "region"
MAX_AGE = 365 * 24 * 60 * 60  # one year
SLUG = re.compile(r"^[-a-z0-9]{1,50}$")


def cookie_slug(request):
    """The region slug in the cookie when it looks like one, else ""."""
    value = request.COOKIES.get(COOKIE, "") if request is not None else ""
    return value if SLUG.match(value) else ""


def _languages():
    """The languages to find a region's page in: the reader's, then the default."""
    codes = []
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            code = get_supported_content_language_variant(code or settings.LANGUAGE_CODE)
        except LookupError:
            continue
        if code not in codes:
            codes.append(code)
    return codes


def region_pages(request=None):
    """Region id -> the region's page in the reader's language (else in the default
    language), each with its region; one query, once per request.

    A region has one page per language (the English one translates or aliases the
    Danish one); a live page wins over a draft, the reader's language over the default.
    """
    cached = getattr(request, "_region_pages", None)
    if cached is not None:
        return cached
    from ..models.regions import RegionPage

    languages = _languages()
    best = {}
    for page in RegionPage.objects.filter(locale__language_code__in=languages).select_related(
        "region", "locale"
    ):
        rank = (not page.live, languages.index(page.locale.language_code))
        if page.region_id not in best or rank < best[page.region_id][0]:
            best[page.region_id] = (rank, page)
    pages = {}
    for _rank, page in sorted(best.values(), key=lambda item: item[1].region.code):
        page.region.local_page = page
        pages[page.region_id] = page
    if request is not None:
        request._region_pages = pages
    return pages


def chosen_region(request):
    """The Region the reader chose, with its page (`region_page`), or None; at most
    one query, once per request, when the region has a page."""
    if request is None:
        return None
    if not hasattr(request, "_chosen_region"):
        slug = cookie_slug(request)
        region = None
        if slug:
            page = next((p for p in region_pages(request).values() if p.region.slug == slug), None)
            if page is not None:
                region = page.region
            else:  # a region without a page (yet), or no region at all
                region = Region.objects.filter(slug=slug).first()
                if region is not None:
                    region.local_page = None
        request._chosen_region = region
    return request._chosen_region


def region_page(region, request=None):
    """The region's page in the reader's language (else the default one), or None
    when it has none (yet)."""
    if not hasattr(region, "local_page"):
        page = region_pages(request).get(region.pk)
        region.local_page = page
    return region.local_page


def remember(response, request, region):
    response.set_cookie(
        COOKIE, region.slug, max_age=MAX_AGE, samesite="Lax", secure=request.is_secure()
    )


def forget(response):
    response.delete_cookie(COOKIE, samesite="Lax")


def choice_url(page, request=None):
    """The address of the region choice (/regioner/vaelg/), found from any region page.

    A region page is always a child of the region index, so the index's address is
    the region page's address without its slug. National pages offer the choice on
    every view; this keeps them from looking the index up each time.
    """
    from ..models.regions import RegionIndexPage

    url = page.get_url(request) if page is not None else None
    if not url or not url.endswith(f"/{page.slug}/"):
        return None
    return url[: -len(page.slug) - 1] + RegionIndexPage.get_resolver().reverse("choose")


def regions_for_choice(request=None):
    """The regions that have a page, with their pages, for the offer's select."""
    return [page.region for page in region_pages(request).values()]


def regional_version(region, document, section=None):
    """The region's live, public adaptation of `document`, or None; one query.

    With a section, the adaptation carries `section_mode`: how the region adapts
    that section (None when it shows it as national).
    """
    parent = region_page(region)
    if parent is None:
        return None
    # Like .public(), but in the same query: the adaptation is private when it or
    # one of its ancestors (known from the region page's path) has a restriction.
    ancestors = [
        parent.path[:n] for n in range(parent.steplen, len(parent.path) + 1, parent.steplen)
    ]
    restricted = PageViewRestriction.objects.filter(
        Q(page__path__in=ancestors) | Q(page_id=OuterRef("pk"))
    )
    adaptations = (
        RegionalAdaptationPage.objects.child_of(parent)
        .live()
        # The adaptation names the Danish document; the reader may be on its translation.
        .filter(document__translation_key=document.translation_key)
        .exclude(Exists(restricted))
    )
    if section is not None:
        entry = SectionAdaptation.objects.filter(page=OuterRef("pk"), section=section.slug)
        adaptations = adaptations.annotate(section_mode=Subquery(entry.values("mode")[:1]))
    adaptation = adaptations.first()
    if adaptation is not None:
        adaptation.region_page = parent  # saves the adaptation looking its parent up
    return adaptation


def local_url(request, url):
    """`url` when it is an address on this site, else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def choose_region(index, request):
    """GET: a small page with the form. POST: remember (or forget) and go back."""
    if request.method == "POST":
        return save_choice(index, request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return choice_page(index, request, next_url=local_url(request, request.GET.get("next", "")))


def save_choice(index, request):
    slug = request.POST.get("region", "").strip()
    next_url = local_url(request, request.POST.get("next", ""))
    if not slug:
        response = HttpResponseRedirect(next_url or index.get_url(request))
        forget(response)
        return response
    region = Region.objects.filter(slug=slug).first() if SLUG.match(slug) else None
    if region is None:
        return choice_page(
            index,
            request,
            next_url=next_url,
            error=_("Ukendt region. Vælg en af regionerne på listen."),
            status=400,
        )
    page = region_page(region, request)
    fallback = page.get_url(request) if page is not None else index.get_url(request)
    response = HttpResponseRedirect(next_url or fallback)
    remember(response, request, region)
    return response


def choice_page(index, request, next_url="", error="", status=200):
    response = index.render(
        request,
        template="guidelines/region_choice_page.html",
        context_overrides={
            "choice_regions": list(Region.objects.all()),
            "chosen": chosen_region(request),
            "next_url": next_url,
            "error": error,
            "breadcrumb_tail": _("Vælg din region"),
        },
    )
    response.status_code = status
    return response
