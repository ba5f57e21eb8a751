from .adaptations import AdaptationMode, RegionalAdaptationPage, SectionAdaptation
from .base import IndexPage, SitePage
from .documents import GuidanceDocumentPage, GuidanceIndexPage, GuidanceSectionPage
from .editions import Edition, EditionStatus
from .reference import Municipality, Region
from .regions import RegionIndexPage, RegionPage

__all__ = [
    "AdaptationMode",
    "Edition",
    "EditionStatus",
    "GuidanceDocumentPage",
    "GuidanceIndexPage",
    "GuidanceSectionPage",
    "IndexPage",
    "Municipality",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "RegionalAdaptationPage",
    "SectionAdaptation",
    "SitePage",
]
