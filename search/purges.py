"""Search answers show every page: any change purges them, every query at once
(one token per address: core/page_cache/store.py)."""

from core.page_cache.purges import in_every_language, object_shown_on, paths_shown_on

from .models import SynonymGroup


@paths_shown_on
def search_pages(changed):
    return in_every_language("search:index", "search:suggest")


@object_shown_on(SynonymGroup)
def synonyms_shown_on(group):
    return []  # no page; the search pages above
