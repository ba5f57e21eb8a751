"""What shows cases and meetings, beyond their own tree, parent and the home page
(core/page_cache/purges.py): purged when they change."""

from core.page_cache.purges import exact, object_shown_on, shown_on, tree
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage, RegionIndexPage, RegionPage

from .models import (
    CasebookIndexPage,
    CasePage,
    CollaborationPage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingSeries,
    MethodPage,
    TargetGroup,
    Theme,
)


def _region_pages(page):
    """A region's page lists its cases and meetings, wherever they live."""
    for region_page in RegionPage.objects.filter(region_id=page.region_id):
        yield exact(region_page)


def _casebooks():
    for casebook in CasebookIndexPage.objects.all():
        yield exact(casebook)  # every facet selection: the query is under the page's token
        yield exact(casebook, "daekning/")


@shown_on(CasePage)
def case_shown_on(case):
    yield from _casebooks()
    # The recommendations it puts into practice, now and before this change: every
    # document's recommendation pages (a few hundred addresses, one token each).
    for document in GuidanceDocumentPage.objects.all():
        yield tree(document, "anbefaling/")
    for link in case.meeting_links.select_related("meeting"):
        yield exact(link.meeting)
    for index in RegionIndexPage.objects.all():  # cases per region
        yield exact(index)
    yield from _region_pages(case)
    # The methods, funding sources and collaborations that list it, now and before
    # this change: all of them (a few dozen pages).
    for model in (MethodPage, FundingPage, CollaborationPage):
        for page in model.objects.all():
            yield exact(page)


@shown_on(MeetingPage)
def meeting_shown_on(meeting):
    yield from _casebooks()
    yield from _region_pages(meeting)
    for link in meeting.presented_cases.select_related("case"):
        yield exact(link.case)
    # Its parent's calendar; and the other meetings of any series, which list it.
    yield exact(meeting.get_parent(), "kalender/")
    for other in MeetingPage.objects.filter(series__isnull=False):
        yield exact(other)


@shown_on(MethodPage, FundingPage, CollaborationPage)
def case_source_shown_on(page):
    # Cases name their methods, funding source and collaborations by title; the
    # casebook's facets list methods and funding sources.
    yield from _casebooks()
    for case in CasePage.objects.all():
        yield exact(case)


@object_shown_on(MeetingSeries)
def series_shown_on(series):
    # Meetings and their lists name their series.
    for index in MeetingIndexPage.objects.all():
        yield tree(index)


@shown_on(GuidanceSectionPage, GuidanceDocumentPage)
def guidance_shown_on(page):
    # Cases name the recommendations they put into practice, with their titles.
    document = page if isinstance(page, GuidanceDocumentPage) else page.document
    for case in CasePage.objects.filter(recommendation_links__document=document).distinct():
        yield exact(case)
    yield from _casebooks()


@object_shown_on(Theme, TargetGroup)
def vocabulary_shown_on(term):
    # A theme or target group names cases and the casebook's facets: every case.
    for casebook in CasebookIndexPage.objects.all():
        yield tree(casebook)
    for case in CasePage.objects.all():
        yield exact(case)
