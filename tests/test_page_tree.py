"""Which page types may stand under which: the shape of the site's tree.

The rules are declared on both ends (Wagtail's subpage_types and parent_page_types),
and some come from the layers (README, "Layout"): listing pages name the home page
through settings.HOME_PAGE_MODEL, and a region page accepts whatever names it as
parent. This pins the result, so a new page type cannot appear somewhere by accident.
"""

import pytest
from django.test import override_settings
from wagtail.models import Page, get_page_models

from casebook.models import (
    CasebookIndexPage,
    CasePage,
    CollaborationPage,
    FundingIndexPage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MethodIndexPage,
    MethodPage,
)
from core.checks import home_page_model
from directory.models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage
from glossary.models import GlossaryPage
from guidelines.models import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    RegionIndexPage,
    RegionPage,
)
from home.models import AccessibilityStatementPage, HomePage, StandardPage

TREE = {
    Page: {HomePage},  # the root: one home page per language
    HomePage: {
        GuidanceIndexPage,
        RegionIndexPage,
        CasebookIndexPage,
        DirectoryIndexPage,
        GlossaryPage,
        MethodIndexPage,
        StandardPage,
        AccessibilityStatementPage,
    },
    StandardPage: {StandardPage},
    AccessibilityStatementPage: set(),
    GuidanceIndexPage: {GuidanceDocumentPage},
    GuidanceDocumentPage: {GuidanceSectionPage},
    GuidanceSectionPage: set(),
    RegionIndexPage: {RegionPage},
    RegionPage: {RegionalAdaptationPage, CasePage, RegionalDirectoryPage, CollaborationPage},
    RegionalAdaptationPage: set(),
    CasebookIndexPage: {CasePage, MeetingIndexPage, FundingIndexPage, CollaborationPage},
    CasePage: set(),
    MeetingIndexPage: {MeetingPage},
    MeetingPage: set(),
    FundingIndexPage: {FundingPage},
    FundingPage: set(),
    CollaborationPage: set(),
    MethodIndexPage: {MethodPage},
    MethodPage: set(),
    DirectoryIndexPage: set(),
    RegionalDirectoryPage: {OfferPage},
    OfferPage: set(),
    GlossaryPage: set(),
}


def test_every_page_type_is_in_the_tree():
    assert set(get_page_models()) == set(TREE)


def test_each_page_type_takes_exactly_its_children():
    found = {model: set(model.creatable_subpage_models()) for model in TREE}
    assert found == TREE


def test_a_listing_page_is_one_of_a_kind_under_its_parent(guidance_index, home):
    assert not GuidanceIndexPage.can_create_at(home)  # the home page has one already
    assert RegionIndexPage.can_create_at(home)


def test_the_home_page_setting_names_the_home_page():
    assert home_page_model() == []


@pytest.mark.parametrize(
    "value, error",
    [(None, "core.E001"), ("home.Nope", "core.E001"), ("guidelines.Region", "core.E002")],
)
def test_a_wrong_home_page_setting_is_reported_by_manage_py_check(value, error):
    with override_settings(HOME_PAGE_MODEL=value):
        assert [found.id for found in home_page_model()] == [error]
