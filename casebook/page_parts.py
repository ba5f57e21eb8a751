"""What the casebook adds to the guidance's pages (guidelines/hooks.py).

A region's page lists the region's cases and meetings, the region index counts
each region's cases, and a recommendation's page lists the cases that put it into
practice. Registered in wagtail_hooks.py.
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import ngettext

from core.restrictions import private_q
from guidelines.hooks import PagePart

from .models import CasebookIndexPage, CasePage, CaseRecommendation, CollaborationPage, MeetingPage

RECENT_MEETINGS = 5


class RegionPart(PagePart):
    """A part of a region's page, about the region, in the page's language."""

    def __init__(self, region_page, request):
        self.region_page, self.request = region_page, request


class RegionCases(RegionPart):
    """The region's cases and a link to the casebook filtered to the region."""

    template_name = "casebook/parts/region_cases.html"

    def get_context_data(self, parent_context=None):
        page = self.region_page
        cases = (
            CasePage.objects.filter(region_id=page.region_id, live=True, locale_id=page.locale_id)
            .exclude(private_q(self.request))
            .order_by("title")
        )
        casebook = CasebookIndexPage.objects.live().filter(locale_id=page.locale_id).first()
        return {
            "request": self.request,
            "region": page.region,
            "cases": cases,
            "casebook": casebook,
        }


class RegionCollaborations(RegionPart):
    """The alliances and partnerships the region's page holds."""

    template_name = "casebook/parts/region_collaborations.html"

    def get_context_data(self, parent_context=None):
        collaborations = (
            CollaborationPage.objects.child_of(self.region_page)
            .live()
            .exclude(private_q(self.request))
            .order_by("title")
        )
        return {"request": self.request, "collaborations": collaborations}


class RegionMeetings(RegionPart):
    """The region's upcoming meetings and the latest held. Meetings live under the
    national meeting index and are found by their region."""

    template_name = "casebook/parts/region_meetings.html"

    def get_context_data(self, parent_context=None):
        page = self.region_page
        meetings = (
            MeetingPage.objects.live()
            .filter(region_id=page.region_id, locale_id=page.locale_id)
            .exclude(private_q(self.request))
        )
        today = timezone.localdate()
        return {
            "request": self.request,
            "upcoming_meetings": meetings.filter(date__gte=today).order_by("date", "title"),
            "past_meetings": meetings.filter(date__lt=today).order_by("-date", "title")[
                :RECENT_MEETINGS
            ],
        }


def region_case_counts(region_index, region_pages, request):
    """Region id -> "N cases" for every region listed; one query for all of them."""
    counts = dict(
        CasePage.objects.live()
        .filter(locale_id=region_index.locale_id)  # cases in the index's language
        .exclude(private_q(request))
        .filter(region__isnull=False)
        .values_list("region")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        page.region_id: ngettext("%(counter)s case", "%(counter)s cases", n) % {"counter": n}
        for page in region_pages
        for n in [counts.get(page.region_id, 0)]
    }


class RecommendationCases(PagePart):
    """The live, public cases that put a recommendation into practice, in the page's
    language: cases name the Danish document, which shares its translations' key."""

    template_name = "casebook/parts/recommendation_cases.html"

    def __init__(self, document, code, request):
        self.document, self.code, self.request = document, code, request

    def get_context_data(self, parent_context=None):
        private = CasePage.objects.filter(private_q(self.request)).values("pk")
        links = (
            CaseRecommendation.objects.filter(
                document__translation_key=self.document.translation_key,
                code=self.code,
                case__live=True,
                case__locale_id=self.document.locale_id,
            )
            .exclude(case__in=private)
            .select_related("case", "case__region")
            .order_by("case__title")
        )
        return {"request": self.request, "cases": [link.case for link in links]}
