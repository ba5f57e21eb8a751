"""The casebook on the guidance's pages and in the national editors' remit
(guidelines/hooks.py: guidelines lies below the casebook and never names it)."""

from wagtail import hooks

from guidelines.hooks import (
    NATIONAL_EDITOR_PAGES,
    RECOMMENDATION_PAGE_PARTS,
    REGION_COUNTS,
    REGION_PAGE_PARTS,
)

from .models import CasebookIndexPage
from .page_parts import RecommendationCases, RegionCases, RegionMeetings, region_case_counts

hooks.register(REGION_PAGE_PARTS, RegionCases, order=10)
hooks.register(REGION_PAGE_PARTS, RegionMeetings, order=20)
hooks.register(REGION_COUNTS, region_case_counts)
hooks.register(RECOMMENDATION_PAGE_PARTS, RecommendationCases)


@hooks.register(NATIONAL_EDITOR_PAGES)
def casebooks():
    """National editors write and publish the casebook, in every language."""
    return CasebookIndexPage.objects.all()
