"""What shows the directory's pages beyond their own tree, parent and the home page
(core/page_cache/purges.py): purged when they change."""

from core.page_cache.purges import shown_on, tree
from guidelines.models import GuidanceDocumentPage, RegionPage

from .models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage


@shown_on(OfferPage)
def offer_shown_on(offer):
    # Every municipality's view that lists it (the index's routes).
    for index in DirectoryIndexPage.objects.all():
        yield tree(index)


@shown_on(RegionalDirectoryPage)
def regional_directory_shown_on(directory):
    for index in DirectoryIndexPage.objects.all():
        yield tree(index)  # the regions' list and the link from each municipality's view
    for region_page in RegionPage.objects.filter(region_id=directory.region_id):
        yield tree(region_page)  # the link on the region's page; its adaptations' matrices
    # The actors of the matrices in the national guidance link to it when the reader
    # chose the region (pages that vary by the region cookie).
    for document in GuidanceDocumentPage.objects.all():
        yield tree(document)
