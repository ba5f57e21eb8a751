from .adaptations import AdaptationMode, RegionalAdaptationPage, SectionAdaptation
from .documents import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    prefetch_editions,
    prefetch_sections,
)
from .editions import Edition, EditionStatus
from .recommendation_index import RecommendationEntry
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
    "RecommendationEntry",
    "RecommendationStance",
    "RegionPage",
    "RegionalAdaptationPage",
    "SectionAdaptation",
    "Stance",
    "prefetch_editions",
    "prefetch_sections",
]
