"""The relevance set (relevance.py) run against the fixed corpus (corpus.yaml).

The corpus is imported once per module, inside a transaction that is rolled back
at the end; importing publishes the pages, which indexes them.
"""

import html
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Site

from core.content import import_content
from search.backends import SearchRequest, get_backend
from search.indexing import rebuild
from search.query import parse

from .relevance import CATEGORIES, PAIRS

CORPUS_PATH = Path(__file__).resolve().parent / "corpus.yaml"


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        import_content(CORPUS_PATH)
        Site.objects.filter(is_default_site=True).update(hostname="testserver")
        backend = get_backend()
        transactional = getattr(backend, "transactional", False)
        if not transactional:
            # An external index is written after commit, which never comes here.
            rebuild()
        yield
        if not transactional:
            backend.clear()
        transaction.set_rollback(True)
    # The cached site root paths name the rolled-back home page.
    Site.clear_site_root_paths_cache()


def search_titles(query, filters=None):
    parsed = parse(query)
    assert parsed.root is not None, f"{query!r} parses to nothing"
    results = get_backend().search(
        SearchRequest(query=parsed, filters=filters or {}, page=1, per_page=50)
    )
    return [html.unescape(strip_tags(hit.title)) for hit in results.hits]


def pair_id(pair):
    filters = ",".join(f"{k}={'+'.join(v)}" for k, v in sorted(pair.filters.items()))
    return f"{pair.why}: {pair.query}" + (f" [{filters}]" if filters else "")


def describe(pair, titles):
    top = "\n".join(f"  {n:2}. {title}" for n, title in enumerate(titles[:10], 1))
    return (
        f"query {pair.query!r} ({pair.why}"
        + (f"; {pair.note}" if pair.note else "")
        + (f"; filters {pair.filters}" if pair.filters else "")
        + f")\nexpected {pair.expect!r} within the first {pair.within}"
        + (f", above {pair.above!r}" if pair.above else "")
        + (f", and no {pair.absent!r}" if pair.absent else "")
        + f"\n{len(titles)} results, top 10:\n{top or '  (none)'}"
    )


@pytest.mark.parametrize("pair", PAIRS, ids=[pair_id(pair) for pair in PAIRS])
def test_relevance(corpus, db, pair):
    titles = search_titles(pair.query, pair.filters)
    message = describe(pair, titles)
    assert pair.expect in titles[: pair.within], message
    if pair.above:
        rank = titles.index(pair.expect)
        assert pair.above in titles, "the 'above' unit is not found at all\n" + message
        assert rank < titles.index(pair.above), message
    if pair.absent:
        assert pair.absent not in titles, message


# --- The set itself -----------------------------------------------------------


def corpus_titles():
    """Every unit title the corpus gives, by the rules in relevance.py."""
    data = yaml.safe_load(CORPUS_PATH.read_text("utf-8"))
    titles = [page["title"] for page in data["site"]["pages"]]
    for key in ("guidance_index", "regions_index", "casebook_index", "meetings_index"):
        titles.append(data[key]["title"])
    titles += [region["title"] for region in data["regions_index"]["regions"]]
    for document in data["documents"]:
        titles.append(document["title"])
        for section in document["sections"]:
            number = section.get("number")
            titles.append(f"{number}. {section['title']}" if number else section["title"])
            for block in section.get("body", []):
                if block["type"] == "recommendation":
                    titles.append(f"{block['value']['code']} {block['value']['title']}")
    titles += [case["title"] for case in data["cases"]]
    titles += [meeting["title"] for meeting in data["meetings"]]
    return titles


def test_the_set_is_large_enough_and_covers_every_category():
    assert len(PAIRS) >= 40
    counts = Counter(pair.why for pair in PAIRS)
    short = {why: (counts[why], least) for why, least in CATEGORIES.items() if counts[why] < least}
    assert not short, f"categories below their minimum (have, need): {short}"
    assert sum(counts[why] for why in ("compound head", "compound tail")) >= 8
    assert sum(1 for pair in PAIRS if pair.absent and pair.why == "phrase") >= 1
    assert sum(1 for pair in PAIRS if pair.above) >= 4


def test_every_title_in_the_set_is_a_unit_of_the_corpus():
    titles = corpus_titles()
    assert len(titles) == len(set(titles)), "the corpus has two units with one title"
    named = {title for pair in PAIRS for title in (pair.expect, pair.above, pair.absent) if title}
    assert not named - set(titles), f"not in the corpus: {sorted(named - set(titles))}"


def test_every_pair_is_distinct():
    keys = [
        (p.query, p.expect, tuple(sorted((k, tuple(v)) for k, v in p.filters.items())))
        for p in PAIRS
    ]
    assert len(keys) == len(set(keys))
