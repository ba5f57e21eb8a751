"""Where the apps above guidelines add to its pages and roles: Wagtail hooks.

guidelines lies below the casebook (README, "Layout") and never names it. A
region's page still lists the region's cases and meetings, a recommendation's
page the cases that put it into practice, and national editors still edit the
casebook, because the casebook registers for these hooks in its wagtail_hooks.py.
The directory ("Hvem gør hvad") links the actors of a responsibility matrix the
same way (directory/wagtail_hooks.py).
"""

from django.utils.safestring import mark_safe
from laces.components import Component
from wagtail import hooks

#: fn(region_page, request) -> a PagePart shown on the region's page, or None.
REGION_PAGE_PARTS = "guidelines_region_page_parts"
#: fn(region_index, region_pages, request) -> {region id: a short text} shown with
#: each region on the index; a region it leaves out shows nothing from it.
REGION_COUNTS = "guidelines_region_counts"
#: fn(document, code, request) -> a PagePart shown on the recommendation's page, or None.
RECOMMENDATION_PAGE_PARTS = "guidelines_recommendation_page_parts"
#: fn(document, request) -> a PagePart shown on the document's page and its list of
#: editions, or None.
DOCUMENT_PAGE_PARTS = "guidelines_document_page_parts"
#: fn() -> pages whose subtrees national editors write and publish.
NATIONAL_EDITOR_PAGES = "guidelines_national_editor_pages"
#: fn() -> Django permissions (beyond pages) national editors have, e.g. on snippets.
NATIONAL_EDITOR_PERMISSIONS = "guidelines_national_editor_permissions"
#: fn(actors, region, request) -> {actor label: url} for the actors of a
#: responsibility matrix: where the reader finds who that actor is in their
#: municipality. Asked only when a region is known (the page's own, else the
#: reader's chosen one); an actor it leaves out gets no link.
MATRIX_ACTOR_LINKS = "guidelines_matrix_actor_links"


class PagePart(Component):
    """A part of a page that another app contributes (`{% component part %}`).
    It renders without the whitespace around it: the page's template places it."""

    def render_html(self, parent_context=None):
        return mark_safe(super().render_html(parent_context).strip())


def parts(hook, *args):
    """The page parts the hook's functions give for these arguments, in hook order."""
    found = (fn(*args) for fn in hooks.get_hooks(hook))
    return [part for part in found if part is not None]


def results(hook, *args):
    """What each of the hook's functions returns for these arguments, in hook order."""
    return [fn(*args) for fn in hooks.get_hooks(hook)]
