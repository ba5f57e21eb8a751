"""Search backends: one small interface, chosen in settings.

The embedded default indexes into the database (SQLite FTS5 or PostgreSQL
full-text search); with ELASTICSEARCH_URL set, Elasticsearch 8. Both take the
same units (search.units.Unit) and answer the same SearchRequest.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from ..analysis import language_of


@dataclass
class SearchRequest:
    """A search: the query is matched in every language (each language's units
    with that language's analysis of it), and the units in `language`, the
    reader's, come first; by default the language the query was parsed for."""

    query: object  # search.query.ParsedQuery with a root
    filters: dict = field(default_factory=dict)  # facet -> [value, ...]
    page: int = 1
    per_page: int = 10
    language: str = ""
    # Units superseded by a newer one (earlier editions) are left out unless asked for.
    include_superseded: bool = False
    today: datetime.date | None = None  # what "superseded" is judged by; default today

    def __post_init__(self):
        self.language = language_of(self.language or getattr(self.query, "language", "da"))
        self.today = self.today or timezone.localdate()

    def by_language(self):
        """[(language, ParsedQuery)] to match, the reader's language first."""
        queries = self.query.by_language()
        return sorted(queries.items(), key=lambda item: item[0] != self.language)


@dataclass
class Hit:
    key: str
    kind: str
    title: str  # HTML-safe, search terms in <mark>
    url: str  # with the anchor, if any
    trail: str
    snippet: str  # HTML-safe, search terms in <mark>
    region: str = ""
    score: float = 0.0
    language: str = "da"  # the unit's


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    total: int
    hits: list
    facets: dict  # facet -> [FacetValue, ...]
    page: int = 1
    per_page: int = 10
    # True when the total and the facet counts are estimates (a sample's, rounded).
    approximate: bool = False


@dataclass
class Suggestion:
    label: str
    url: str
    kind: str
    language: str = "da"  # the unit's


class SearchBackend:
    """What every backend answers."""

    # True when the index is written in the database transaction that changed
    # the pages (so it needs no on_commit hook and rolls back with them).
    transactional = False

    def replace_page(self, page_id, units):
        """Make `units` (search.units.Unit) the page's units, dropping its others."""
        raise NotImplementedError

    def remove_pages(self, page_ids):
        raise NotImplementedError

    def clear(self):
        """Empty the index (and recreate it, where the engine needs that)."""
        raise NotImplementedError

    def optimize(self):
        """Tidy the index after a bulk load (optional)."""

    def search(self, request):
        """SearchResults for a SearchRequest; the page is clamped to the last one."""
        raise NotImplementedError

    def suggest(self, prefix, language=None, limit=8):
        """Suggestions (titles) for a search.query.Prefix, in every language it
        has an analysis for; those in `language` (default: the prefix's) first."""
        raise NotImplementedError

    def known_values(self, facet, values):
        """Those of `values` that some unit has for `facet`."""
        raise NotImplementedError

    def ping(self):
        """Raise when the engine does not answer (ops' readiness probe)."""
        raise NotImplementedError


def backend_path():
    if getattr(settings, "SEARCH_BACKEND", ""):
        return settings.SEARCH_BACKEND
    if settings.ELASTICSEARCH_URL:
        return "search.backends.elasticsearch.ElasticsearchBackend"
    return "search.backends.database.DatabaseBackend"


@functools.cache
def _backend(path):
    return import_string(path)()


def get_backend():
    return _backend(backend_path())
