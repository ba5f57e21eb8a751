"""The directory on the guidance's pages and in the national editors' remit
(guidelines/hooks.py: guidelines lies below the directory and never names it)."""

from wagtail import hooks

from guidelines.hooks import MATRIX_ACTOR_LINKS, NATIONAL_EDITOR_PAGES, REGION_PAGE_PARTS

from .models import DirectoryIndexPage
from .page_parts import matrix_actor_links, region_directory_part

# After the casebook's cases (10) and meetings (20).
hooks.register(REGION_PAGE_PARTS, region_directory_part, order=30)
hooks.register(MATRIX_ACTOR_LINKS, matrix_actor_links)


@hooks.register(NATIONAL_EDITOR_PAGES)
def directory_index():
    """National editors write and publish the national “Hvem gør hvad”, in every
    language; the regions' directories are their own editors'."""
    return DirectoryIndexPage.objects.all()
