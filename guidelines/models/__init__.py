from .base import IndexPage, SitePage
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
    "IndexPage",
    "Municipality",
    "Region",
    "RegionIndexPage",
    "RegionPage",
    "SitePage",
]
