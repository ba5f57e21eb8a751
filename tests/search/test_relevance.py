"""The relevance set (relevance.py) run against the first corpus (corpus.yaml),
and checks of the set itself. The holdout corpus's pairs run in
test_relevance_holdout.py: one module per corpus, so that each corpus is
imported once, alone, inside a transaction that is rolled back at the end
(importing publishes the pages, which indexes them).
"""

from collections import Counter

import pytest
import yaml

from .relevance import CATEGORIES, CORPORA, PAIRS
from .relevance_check import imported, judge, pair_id

MAIN = [pair for pair in PAIRS if pair.corpus == "main"]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), imported("main"):
        yield


@pytest.mark.parametrize(
    "pair",
    [
        pytest.param(pair, marks=pytest.mark.xfail(reason=pair.gap, strict=False))
        if pair.gap
        else pair
        for pair in MAIN
    ],
    ids=[pair_id(pair) for pair in MAIN],
)
def test_relevance(corpus, db, pair):
    verdict = judge(pair)
    if not verdict.passed:
        pytest.fail(verdict.message, pytrace=False)


# --- The set itself -----------------------------------------------------------


def corpus_titles(corpus):
    """Every unit title a corpus gives, by the rules in relevance.py."""
    data = yaml.safe_load(CORPORA[corpus].read_text("utf-8"))
    titles = [page["title"] for page in data["site"]["pages"]]
    for key in ("guidance_index", "regions_index", "casebook_index", "meetings_index"):
        titles.append(data[key]["title"])
    titles += [region["title"] for region in data["regions_index"]["regions"]]
    for document in data["documents"]:
        titles.append(document["title"])
        display_title = document.get("short_title") or document["title"]
        titles += [
            f"{display_title}: {edition['label']}" for edition in document.get("editions", [])
        ]
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
    assert len(PAIRS) >= 150
    counts = Counter(pair.why for pair in PAIRS)
    short = {why: (counts[why], least) for why, least in CATEGORIES.items() if counts[why] < least}
    assert not short, f"categories below their minimum (have, need): {short}"
    assert sum(counts[why] for why in ("compound head", "compound tail")) >= 8
    assert sum(1 for pair in PAIRS if pair.absent and pair.why == "phrase") >= 1
    assert sum(1 for pair in PAIRS if pair.above) >= 4
    assert sum(1 for pair in PAIRS if pair.corpus == "holdout") >= 80


def test_every_pair_names_a_corpus_and_a_category():
    assert {pair.corpus for pair in PAIRS} == set(CORPORA)
    assert {pair.why for pair in PAIRS} <= set(CATEGORIES) | {"compound query"}
    assert all(pair.suggest for pair in PAIRS if pair.why == "typo")


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_title_in_the_set_is_a_unit_of_its_corpus(corpus):
    titles = corpus_titles(corpus)
    assert len(titles) == len(set(titles)), "the corpus has two units with one title"
    named = {
        title
        for pair in PAIRS
        if pair.corpus == corpus
        for title in (pair.expect, pair.above, pair.absent)
        if title
    }
    assert not named - set(titles), f"not in the corpus: {sorted(named - set(titles))}"


def test_every_pair_is_distinct():
    keys = [
        (p.corpus, p.query, p.expect, tuple(sorted((k, tuple(v)) for k, v in p.filters.items())))
        for p in PAIRS
    ]
    assert len(keys) == len(set(keys))
