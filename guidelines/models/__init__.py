from .base import SitePage
from .documents import GuidanceDocumentPage, GuidanceIndexPage, GuidanceSectionPage
from .editions import Edition, EditionStatus
from .reference import Municipality, Region
from .regions import RegionIndexPage, RegionPage

__all__ = [
    "Edition",
    "EditionStatus",
    "GuidanceDocumentPage",
    "GuidanceIndexPage",
    "GuidanceSectionPage",
    "Municipality",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "SitePage",
]
