"""The regions' own part of the site (/regioner/<region>/) and the reader's region.

Regional adaptations and cases live under each region's page, so that a
region's editors can be given permissions on that subtree alone. A reader can
choose a region once (/regioner/vaelg/, remembered in a cookie: region_cookie.py);
national pages then offer that region's version of what the reader is looking at.

A region's page lists its adaptations; what apps above guidelines have about the
region (the casebook's cases and meetings) they add through hooks (hooks.py).
"""

from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction

from core.i18n import locale_by_id, localized_pages
from core.models import IndexPage, SitePage
from core.restrictions import private_q

from ..hooks import REGION_COUNTS, REGION_PAGE_PARTS, parts, results
from ..region_cookie import SLUG, RegionAwareMixin, cookie_slug, forget, local_url, remember
from .adaptations import AdaptationMode, RegionalAdaptationPage, SectionAdaptation
from .reference import Region


class RegionIndexPage(RegionAwareMixin, RoutablePageMixin, IndexPage):
    subpage_types = ["guidelines.RegionPage"]

    class Meta:
        verbose_name = _("oversigt over regioner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = private_q(request)
        regions = list(
            RegionPage.objects.child_of(self).live().exclude(private).select_related("region")
        )
        # Adaptations are found by their place in the tree: one query for all regions.
        adaptation_counts = Counter(
            path[: -RegionPage.steplen]
            for path in RegionalAdaptationPage.objects.descendant_of(self)
            .live()
            .exclude(private)
            .values_list("path", flat=True)
        )
        other_counts = results(REGION_COUNTS, self, regions, request)
        for region_page in regions:
            region_page.adaptation_count = adaptation_counts[region_page.path]
            region_page.other_counts = [
                counts[region_page.region_id]
                for counts in other_counts
                if counts.get(region_page.region_id)
            ]
        context.update(regions=regions, chosen_slug=cookie_slug(request))
        return context

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("choose")]

    # --- The reader's choice: /regioner/vaelg/ ------------------------------
    #
    # GET: a small page with the form. POST: remember (or forget) and go back.
    # A plain form and a redirect, so it works without JavaScript.

    @path("vaelg/", name="choose")
    def choose_view(self, request):
        if request.method == "POST":
            return self.save_choice(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        return self.choice_page(request, next_url=local_url(request, request.GET.get("next", "")))

    def save_choice(self, request):
        slug = request.POST.get("region", "").strip()
        next_url = local_url(request, request.POST.get("next", ""))
        if not slug:
            response = HttpResponseRedirect(next_url or self.get_url(request))
            forget(response)
            return response
        region = Region.objects.filter(slug=slug).first() if SLUG.match(slug) else None
        if region is None:
            return self.choice_page(
                request,
                next_url=next_url,
                error=gettext("Ukendt region. Vælg en af regionerne på listen."),
                status=400,
            )
        page = region_page(region, request)
        fallback = page.get_url(request) if page is not None else self.get_url(request)
        response = HttpResponseRedirect(next_url or fallback)
        remember(response, request, region)
        return response

    def choice_page(self, request, next_url="", error="", status=200):
        response = self.render(
            request,
            template="guidelines/region_choice_page.html",
            context_overrides={
                "choice_regions": list(Region.objects.all()),
                "chosen": chosen_region(request),
                "next_url": next_url,
                "error": error,
                "breadcrumb_tail": gettext("Vælg din region"),
            },
        )
        response.status_code = status
        return response


class RegionPage(RegionAwareMixin, SitePage):
    """A region's page. One per region in each language: the English page is the
    Danish one's translation (or alias), so `region` is a ForeignKey and the rule
    "one page per region and locale" is checked in `clean()`: the locale lives on
    Wagtail's page table, which a constraint on this table cannot name.
    Find a region's page with `region_page()` below."""

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("region"),
    )
    intro = models.TextField(_("introduktion"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("region"), FieldPanel("intro")]
    parent_page_types = ["guidelines.RegionIndexPage"]
    # Regional content lives here, so a region's editors can own it. Which page types
    # that is, they say themselves (parent_page_types): adaptations, and the
    # casebook's cases, an app above this one. A page type that named no parents
    # could be made here too: tests/test_page_tree.py pins the tree against that.
    subpage_types = None

    class Meta:
        verbose_name = _("regionsside")

    def clean(self):
        super().clean()
        twins = RegionPage.objects.filter(region_id=self.region_id, locale_id=self.locale_id)
        if self.region_id and twins.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"region": gettext("Regionen har allerede en side på dette sprog.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region = self.region
        adaptations = list(
            RegionalAdaptationPage.objects.child_of(self)
            .live()
            .exclude(private_q(request))
            .select_related("document", "based_on")
            .prefetch_related("section_adaptations", "document__editions")
            .order_by("title")
        )
        # Adaptations name the Danish document: link its counterpart in this language.
        documents = localized_pages([a.document for a in adaptations], locale_by_id(self.locale_id))
        for adaptation in adaptations:
            adaptation.region = region  # its parent's: no query per adaptation
            adaptation.national_document = documents[adaptation.document.translation_key]
            modes = Counter(entry.mode for entry in adaptation.section_adaptations.all())
            adaptation.supplemented_count = modes[AdaptationMode.SUPPLEMENTED]
            adaptation.replaced_count = modes[AdaptationMode.REPLACED]
        context.update(
            region=region,
            municipalities=region.municipalities.all(),
            adaptations=adaptations,
            parts=parts(REGION_PAGE_PARTS, self, request),
            is_chosen_region=cookie_slug(request) == region.slug,
            choice_url=choice_url(self, request),
        )
        return context


# --- The reader's region ------------------------------------------------------


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


def regions_for_choice(request=None):
    """The regions that have a page, with their pages, for the offer's select."""
    return [page.region for page in region_pages(request).values()]


def choice_url(page, request=None):
    """The address of the region choice (/regioner/vaelg/), found from any region page.

    A region page is always a child of the region index, so the index's address is
    the region page's address without its slug. National pages offer the choice on
    every view; this keeps them from looking the index up each time.
    """
    url = page.get_url(request) if page is not None else None
    if not url or not url.endswith(f"/{page.slug}/"):
        return None
    return url[: -len(page.slug) - 1] + RegionIndexPage.get_resolver().reverse("choose")


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
        adaptation.region = region  # saves the adaptation looking its region up
    return adaptation
