"""Running the relevance set (relevance.py): import a corpus, judge a pair.

Shared by the tests (test_relevance*.py) and the benchmark (bench/relevance.py).
"""

import contextlib
import html
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from core.content import import_content
from search.backends import SearchRequest, get_backend
from search.indexing import rebuild
from search.query import parse

from .relevance import CORPORA

# "Mente du <a …>forslag</a>?" as the search page shows it.
DID_YOU_MEAN = re.compile(r"Mente du\s*<a\b[^>]*>(.*?)</a>", re.S)


@contextlib.contextmanager
def imported(corpus):
    """The corpus imported (which publishes and indexes it) inside a transaction
    that is rolled back on leaving."""
    with transaction.atomic():
        import_content(CORPORA[corpus])
        Site.objects.filter(is_default_site=True).update(hostname="testserver")
        backend = get_backend()
        transactional = getattr(backend, "transactional", False)
        if not transactional:
            # An external index is written after commit, which never comes here.
            rebuild()
        try:
            yield
        finally:
            if not transactional:
                backend.clear()
            transaction.set_rollback(True)
    # The cached site root paths name the rolled-back home page.
    Site.clear_site_root_paths_cache()


def search_titles(query, filters=None):
    facets = dict(filters or {})
    earlier = facets.pop("udgaver", None)
    """The titles of the results, best first, as the search shows them."""
    parsed = parse(query)
    if parsed.root is None:
        return []
    results = get_backend().search(
        SearchRequest(
            query=parsed,
            filters=facets,
            page=1,
            per_page=50,
            # ?udgaver=tidligere is not a facet: it asks for earlier editions too.
            include_superseded=earlier == ["tidligere"],
        )
    )
    return [html.unescape(strip_tags(hit.title)) for hit in results.hits]


def did_you_mean(query, filters=None):
    """The "Mente du …?" suggestion the search page offers for `query`, or None."""
    response = Client().get(reverse("search:index"), {"q": query, **(filters or {})})
    if response.status_code != 200:
        return None
    found = DID_YOU_MEAN.search(response.content.decode())
    return html.unescape(strip_tags(found.group(1))).strip() if found else None


def pair_id(pair):
    filters = ",".join(f"{k}={'+'.join(v)}" for k, v in sorted(pair.filters.items()))
    return f"{pair.why}: {pair.query}" + (f" [{filters}]" if filters else "")


@dataclass
class Verdict:
    pair: object
    rank: int | None  # of the expected unit, 1 for the first result
    failures: list = field(default_factory=list)
    message: str = ""

    @property
    def passed(self):
        return not self.failures


def judge(pair):
    """Run one pair and say whether the search meets it, and why not."""
    failures, searched, suggestion = [], pair.query, None
    if pair.suggest:
        suggestion = did_you_mean(pair.query, pair.filters)
        if suggestion is None:
            failures.append("no “Mente du …?” suggestion")
        else:
            searched = suggestion  # what a reader clicking it gets
            if suggestion.casefold() != pair.suggest.casefold():
                failures.append(f"suggested {suggestion!r}, not {pair.suggest!r}")
    titles = search_titles(searched, pair.filters)
    rank = titles.index(pair.expect) + 1 if pair.expect in titles else None
    if rank is None or rank > pair.within:
        failures.append(f"expected unit at rank {rank}, not within {pair.within}")
    if pair.above:
        if pair.above not in titles:
            failures.append("the 'above' unit is not found at all")
        elif rank is None or rank > titles.index(pair.above) + 1:
            failures.append(f"not above {pair.above!r}")
    if pair.absent and pair.absent in titles:
        failures.append(f"{pair.absent!r} is found")
    return Verdict(pair, rank, failures, describe(pair, titles, suggestion, failures))


def describe(pair, titles, suggestion, failures):
    top = "\n".join(f"  {n:2}. {title}" for n, title in enumerate(titles[:10], 1))
    return (
        f"query {pair.query!r} ({pair.why}, {pair.corpus} corpus"
        + (f"; {pair.note}" if pair.note else "")
        + (f"; filters {pair.filters}" if pair.filters else "")
        + f")\nexpected {pair.expect!r} within the first {pair.within}"
        + (f", above {pair.above!r}" if pair.above else "")
        + (f", and no {pair.absent!r}" if pair.absent else "")
        + (f", after suggesting {pair.suggest!r}" if pair.suggest else "")
        + (f"\nsuggested: {suggestion!r}" if pair.suggest else "")
        + ("\nfailed: " + "; ".join(failures) if failures else "")
        + f"\n{len(titles)} results, top 10:\n{top or '  (none)'}"
    )
