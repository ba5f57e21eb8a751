"""What shows a section's action-plan parts beyond its own tree (core/page_cache/
purges.py): the document's blank sketch and example, and each region's version of
them, which the page cache keeps. (The form itself is never kept: it also shows the
matrix and the directory, which live elsewhere.)"""

from core.page_cache.purges import shown_on, tree
from guidelines.models import GuidanceSectionPage, RegionPage


@shown_on(GuidanceSectionPage)
def section_shown_on(section):
    document = section.get_parent()
    yield tree(document, "udfyld/")
    for region_page in RegionPage.objects.all():
        yield tree(region_page, f"{document.slug}/udfyld/")
