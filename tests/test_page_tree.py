"""Which page types may stand under which: the shape of the site's tree.

The rules are declared on both ends (Wagtail's subpage_types and parent_page_types),
and some come from the layers (README, "Layout"): listing pages name the home page
through settings.HOME_PAGE_MODEL, and a region page accepts whatever names it as
parent. This pins the result, so a new page type cannot appear somewhere by accident.
"""

from wagtail.models import Page, get_page_models

from casebook.models import CasebookIndexPage, CasePage, MeetingIndexPage, MeetingPage
from guidelines.models import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    RegionIndexPage,
    RegionPage,
)
from home.models import HomePage, StandardPage

TREE = {
    Page: {HomePage},  # the root: one home page per language
    HomePage: {GuidanceIndexPage, RegionIndexPage, CasebookIndexPage, StandardPage},
    StandardPage: {StandardPage},
    GuidanceIndexPage: {GuidanceDocumentPage},
    GuidanceDocumentPage: {GuidanceSectionPage},
    GuidanceSectionPage: set(),
    RegionIndexPage: {RegionPage},
    RegionPage: {RegionalAdaptationPage, CasePage},
    RegionalAdaptationPage: set(),
    CasebookIndexPage: {CasePage, MeetingIndexPage},
    CasePage: set(),
    MeetingIndexPage: {MeetingPage},
    MeetingPage: set(),
}


def test_every_page_type_is_in_the_tree():
    assert set(get_page_models()) == set(TREE)


def test_each_page_type_takes_exactly_its_children():
    found = {model: set(model.creatable_subpage_models()) for model in TREE}
    assert found == TREE


def test_listing_pages_are_one_of_a_kind_under_their_parent():
    for model in (GuidanceIndexPage, RegionIndexPage, CasebookIndexPage, MeetingIndexPage):
        assert model.max_count_per_parent == 1
