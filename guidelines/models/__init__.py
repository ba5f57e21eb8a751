from .adaptations import AdaptationMode, RegionalAdaptationPage, SectionAdaptation
from .documents import GuidanceDocumentPage, GuidanceIndexPage, GuidanceSectionPage
from .editions import Edition, EditionStatus
from .reference import Municipality, Region
from .regions import RegionIndexPage, RegionPage
from .stances import RecommendationStance, Stance

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
    "RecommendationStance",
    "RegionPage",
    "RegionalAdaptationPage",
    "SectionAdaptation",
    "Stance",
]
