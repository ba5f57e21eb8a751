"""The casebook on the guidance's pages and in the national editors' remit
(guidelines/hooks.py: guidelines lies below the casebook and never names it)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.permissions import permission
from guidelines.hooks import (
    NATIONAL_EDITOR_PAGES,
    NATIONAL_EDITOR_PERMISSIONS,
    RECOMMENDATION_PAGE_PARTS,
    REGION_COUNTS,
    REGION_PAGE_PARTS,
)

from .models import CasebookIndexPage, MeetingSeries, MethodIndexPage
from .page_parts import (
    RecommendationCases,
    RegionCases,
    RegionCollaborations,
    RegionMeetings,
    region_case_counts,
)

hooks.register(REGION_PAGE_PARTS, RegionCollaborations, order=5)
hooks.register(REGION_PAGE_PARTS, RegionCases, order=10)
hooks.register(REGION_PAGE_PARTS, RegionMeetings, order=20)
hooks.register(REGION_COUNTS, region_case_counts)
hooks.register(RECOMMENDATION_PAGE_PARTS, RecommendationCases)


@hooks.register(NATIONAL_EDITOR_PAGES)
def casebooks():
    """National editors write and publish the casebook, in every language."""
    return CasebookIndexPage.objects.all()


@hooks.register(NATIONAL_EDITOR_PAGES)
def method_catalogues():
    """… and the method catalogue."""
    return MethodIndexPage.objects.all()


@hooks.register(NATIONAL_EDITOR_PERMISSIONS)
def meeting_series_permissions():
    """… and the meeting series the meetings belong to."""
    return [permission("casebook", f"{action}_meetingseries") for action in ("add", "change")]


class MeetingSeriesViewSet(SnippetViewSet):
    model = MeetingSeries
    icon = "date"
    menu_label = _("Mødeserier")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


register_snippet(MeetingSeriesViewSet)
