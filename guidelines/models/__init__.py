from .adaptations import AdaptationMode, RegionalAdaptationPage, SectionAdaptation
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
    "Municipality",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "RegionalAdaptationPage",
    "SectionAdaptation",
]
