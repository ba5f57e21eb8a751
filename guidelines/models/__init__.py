from .base import SitePage
from .documents import GuidanceDocumentPage, GuidanceIndexPage, GuidanceSectionPage
from .reference import Municipality, Region
from .regions import RegionIndexPage, RegionPage

__all__ = [
    "GuidanceDocumentPage",
    "GuidanceIndexPage",
    "GuidanceSectionPage",
    "Municipality",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "SitePage",
]
