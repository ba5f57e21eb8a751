"""Benchmark: indexing very large texts cannot stall a publish.

Indexes, into a throwaway test database (SQLite, or DATABASE_URL's PostgreSQL),
one page whose case summary is (a) 1 MB of varied Danish prose full of
compounds, (b) 1 MB without a single space, (c) one 10,000-letter word inside
ordinary text, and prints how long the analysis and the whole write (units and
vocabulary) take. The issue's bar: a 1 MB text indexes in under 2 s.

    .venv/bin/python bench/indexing.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/indexing.py
"""

import random
import time

from common import configure, test_database

configure()

HEADS = [
    "misbrug",
    "behandling",
    "sundhed",
    "bostøtte",
    "tovholder",
    "forløb",
    "udskrivning",
    "indsats",
    "psykiatri",
    "kommune",
    "region",
    "borger",
    "pårørende",
    "samarbejde",
    "rusmiddel",
    "alkohol",
    "ungdom",
    "skole",
    "sygehus",
    "familie",
    "netværk",
    "beskæftigelse",
    "bolig",
    "medicin",
    "krise",
    "opfølgning",
    "visitation",
]
TAILS = [
    "plan",
    "aftale",
    "team",
    "møde",
    "funktion",
    "center",
    "forløb",
    "tilbud",
    "indsats",
    "gruppe",
    "model",
]
FILLER = [
    "og",
    "i",
    "på",
    "med",
    "til",
    "for",
    "af",
    "som",
    "der",
    "det",
    "en",
    "at",
    "skal",
    "bør",
    "kan",
    "når",
]


def prose(rng, size):
    """About `size` characters of words, compounds and filler, rarely repeated."""
    words, length = [], 0
    while length < size:
        roll = rng.random()
        if roll < 0.4:
            word = rng.choice(HEADS) + rng.choice(("", "s", "e")) + rng.choice(TAILS)
            word += rng.choice(("", "en", "et", "erne", "er"))
        elif roll < 0.7:
            word = rng.choice(FILLER)
        else:
            # A made-up word: the analysis cannot have seen it before.
            word = "".join(rng.choice("abdefgiklmnoprstuvæøå") for _ in range(rng.randint(4, 14)))
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


def main():
    with test_database() as connection:
        from wagtail.models import Page

        from search import vocabulary
        from search.analysis import analyzer
        from search.backends.database import DatabaseBackend
        from search.units import Unit

        root = Page.get_first_root_node()
        page = root.add_child(instance=Page(title="Bench", slug="bench"))
        backend = DatabaseBackend()
        rng = random.Random(2015)
        texts = {
            "1 MB of prose": prose(rng, 1_000_000),
            "1 MB without a space": "a" * 1_000_000,
            "10,000-letter word in text": prose(rng, 2_000) + " " + "ab" * 5_000 + " slut",
        }
        analyzer("da")  # the lexicon loads once per process, not per text
        print(f"database: {connection.vendor}")
        for name, text in texts.items():
            unit = Unit(kind="case", title="Bench", url="/bench/", lead="", body=text)
            unit.page_id = page.pk
            started = time.perf_counter()
            unit.analysed()
            analysed = time.perf_counter() - started
            started = time.perf_counter()
            backend.replace_page(page.pk, [unit])
            vocabulary.update(page.pk, [unit])
            written = time.perf_counter() - started
            print(
                f"  {name:28} analysis {analysed:5.2f} s   write incl. vocabulary {written:5.2f} s"
            )


if __name__ == "__main__":
    main()
