from .offers import OfferPage
from .pages import DirectoryIndexPage, RegionalDirectoryPage

__all__ = ["DirectoryIndexPage", "OfferPage", "RegionalDirectoryPage"]
