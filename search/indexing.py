"""Keeping the index in step with the pages.

Signal handlers (search.signals) call these after the transaction commits, as
django-tasks tasks, so a worker can take them when one is configured (the
immediate backend runs them at once).
"""

from django.db.models import F, Q
from django_tasks import task
from wagtail.models import Page, Site

from core.page_cache import store

from . import vocabulary
from .backends import get_backend
from .purges import search_pages
from .units import units_for


def searchable(pages):
    """The pages of a queryset that may appear in results: live and public, and
    not an alias of a page in another locale (an untranslated page in the
    English tree shows the Danish original, which is indexed as itself: as
    Danish, found by English readers after the English results)."""
    return pages.live().public().filter(Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale")))


def index_pages(pages):
    """Index the live, public pages of `pages` and drop the rest from the index.
    Returns the number of units written."""
    backend = get_backend()
    shown, count = set(), 0
    for page in searchable(pages).specific().iterator(chunk_size=200):
        units = units_for(page)
        backend.replace_page(page.pk, units)
        vocabulary.update(page.pk, units)
        shown.add(page.pk)
        count += len(units)
    hidden = [pk for pk in pages.values_list("pk", flat=True) if pk not in shown]
    if hidden:
        backend.remove_pages(hidden)
        vocabulary.remove(hidden)
    return count


def page_and_descendants(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return Page.objects.none()
    # A site's root page's descendants are the whole site; their URLs do not
    # depend on it, so it is indexed alone. So are its translations (the English
    # home), which wagtail-localize keeps beside it rather than as a site root.
    if (
        page.is_root()
        or Site.objects.filter(root_page__translation_key=page.translation_key).exists()
    ):
        return Page.objects.filter(pk=page_id)
    return Page.objects.descendant_of(page, inclusive=True)


@task()
def index_page_tree(page_id):
    """A page and the pages below it: their URLs and trails include its slug and title."""
    index_pages(page_and_descendants(page_id))
    _answers_changed()


@task()
def remove_pages(page_ids):
    get_backend().remove_pages(page_ids)
    vocabulary.remove(page_ids)
    _answers_changed()


def _answers_changed():
    # A backend written after the commit (Elasticsearch, by the worker) changes its
    # answers after the publish purged the stored search pages: purge them again.
    if not get_backend().transactional:
        store.purge(paths=search_pages(None))


def rebuild():
    """Empty the index and index every live, public page again. Returns the unit count."""
    backend = get_backend()
    backend.clear()
    vocabulary.clear()
    count = index_pages(searchable(Page.objects.all()))
    backend.optimize()
    return count
