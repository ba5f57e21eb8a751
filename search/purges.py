"""Search answers show every page: any change purges them, every query at once
(one token per address: core/page_cache/store.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.page_cache.purges import object_shown_on, paths_shown_on

from .models import SynonymGroup


@paths_shown_on
def search_pages(changed):
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse("search:index"), reverse("search:suggest")]
    return paths


@object_shown_on(SynonymGroup)
def synonyms_shown_on(group):
    return []  # no page; the search pages above
