"""The regions' own part of the site: /regioner/<region>/.

Regional adaptations and cases live under each region's page, so that a
region's editors can be given permissions on that subtree alone. Meetings
live under the national meeting index and are found through their region.
The reader's own region is chosen at /regioner/vaelg/ (adaptations/region_choice.py).
"""

from collections import Counter

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.i18n import locale_by_id, localized_pages
from core.models import IndexPage, SitePage

from .adaptations import AdaptationMode, RegionalAdaptationPage
from .base import RegionAwareMixin
from .reference import Region

RECENT_MEETINGS = 5


class RegionIndexPage(RegionAwareMixin, RoutablePageMixin, IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidelines.RegionPage"]

    class Meta:
        verbose_name = _("oversigt over regioner")

    def get_context(self, request, *args, **kwargs):
        from ..adaptations.region_choice import cookie_slug

        context = super().get_context(request, *args, **kwargs)
        private = Page.objects.all().private_q()
        regions = list(
            RegionPage.objects.child_of(self).live().exclude(private).select_related("region")
        )
        # Adaptations are found by their place in the tree, cases (casebook app)
        # by the region they name: one query each for all regions.
        adaptation_counts = Counter(
            path[: -RegionPage.steplen]
            for path in RegionalAdaptationPage.objects.descendant_of(self)
            .live()
            .exclude(private)
            .values_list("path", flat=True)
        )
        case_model = Region.cases.rel.related_model
        case_counts = dict(
            case_model.objects.live()
            .filter(locale_id=self.locale_id)  # cases in this page's language
            .exclude(private)
            .filter(region__isnull=False)
            .values_list("region")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for region_page in regions:
            region_page.adaptation_count = adaptation_counts[region_page.path]
            region_page.case_count = case_counts.get(region_page.region_id, 0)
        context.update(regions=regions, chosen_slug=cookie_slug(request))
        return context

    @path("vaelg/", name="choose")
    def choose_view(self, request):
        from ..adaptations.region_choice import choose_region

        return choose_region(self, request)


class RegionPage(RegionAwareMixin, SitePage):
    """A region's page. One per region in each language: the English page is the
    Danish one's translation (or alias), so `region` is a ForeignKey and the rule
    "one page per region and locale" is checked in `clean()`: the locale lives on
    Wagtail's page table, which a constraint on this table cannot name.
    Find a region's page with `region_page()` (adaptations/region_choice.py)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="pages", verbose_name=_("region")
    )
    intro = models.TextField(_("introduktion"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("region"), FieldPanel("intro")]
    parent_page_types = ["guidelines.RegionIndexPage"]
    # Regional content lives here, so a region's editors can own it.
    subpage_types = ["guidelines.RegionalAdaptationPage", "casebook.CasePage"]

    class Meta:
        verbose_name = _("regionsside")

    def clean(self):
        super().clean()
        twins = RegionPage.objects.filter(region_id=self.region_id, locale_id=self.locale_id)
        if self.region_id and twins.exclude(pk=self.pk).exists():
            raise ValidationError({"region": _("Regionen har allerede en side på dette sprog.")})

    def get_context(self, request, *args, **kwargs):
        from ..adaptations.region_choice import choice_url, cookie_slug

        context = super().get_context(request, *args, **kwargs)
        region = self.region
        # One query for the view restrictions, shared by every list below.
        private = Page.objects.all().private_q()
        adaptations = list(
            RegionalAdaptationPage.objects.child_of(self)
            .live()
            .exclude(private)
            .select_related("document", "based_on")
            .prefetch_related("section_adaptations", "document__editions")
            .order_by("title")
        )
        # Adaptations name the Danish document: link its counterpart in this language.
        documents = localized_pages([a.document for a in adaptations], locale_by_id(self.locale_id))
        for adaptation in adaptations:
            adaptation.region_page = self  # its parent: no query per adaptation
            adaptation.national_document = documents[adaptation.document.translation_key]
            modes = Counter(entry.mode for entry in adaptation.section_adaptations.all())
            adaptation.supplemented_count = modes[AdaptationMode.SUPPLEMENTED]
            adaptation.replaced_count = modes[AdaptationMode.REPLACED]
        # Meetings (casebook app) live under the national meeting index; they
        # are found through the region they name, as cases are.
        today = timezone.localdate()
        # Cases and meetings in this page's language (translations or aliases).
        meetings = region.meetings.live().filter(locale_id=self.locale_id).exclude(private)
        casebook = (
            apps.get_model("casebook", "CasebookIndexPage")  # casebook depends on us
            .objects.live()
            .filter(locale_id=self.locale_id)
            .first()
        )
        context.update(
            region=region,
            municipalities=region.municipalities.all(),
            adaptations=adaptations,
            casebook=casebook,
            cases=region.cases.filter(live=True, locale_id=self.locale_id)
            .exclude(private)
            .order_by("title"),
            upcoming_meetings=meetings.filter(date__gte=today).order_by("date", "title"),
            past_meetings=meetings.filter(date__lt=today).order_by("-date", "title")[
                :RECENT_MEETINGS
            ],
            is_chosen_region=cookie_slug(request) == region.slug,
            choice_url=choice_url(self, request),
        )
        return context
