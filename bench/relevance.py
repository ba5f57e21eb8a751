"""Benchmark: the relevance set (tests/search/relevance.py) on each database backend.

Imports each corpus of the set into a throwaway test database, runs every pair
as the tests do, and prints hit@5 and MRR (mean reciprocal rank of the expected
unit) overall, per corpus and per category, and the pairs that fail. Runs on
SQLite always, and on PostgreSQL too when DATABASE_URL points to a PostgreSQL
server (a test database is made there and dropped afterwards); each backend
runs in a process of its own, since the database is chosen when Django starts.

    .venv/bin/python bench/relevance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/relevance.py
"""

import argparse
import os
import subprocess
import sys
from collections import defaultdict

from common import configure, test_database


def report(name, verdicts):
    from tests.search.relevance import score

    def line(label, group):
        hit, mrr = score([verdict.rank for verdict in group])
        passed = sum(verdict.passed for verdict in group)
        return f"  {label:<18} {len(group):5} {passed:5}   {hit:5.2f}  {mrr:5.2f}"

    by_corpus, by_category = defaultdict(list), defaultdict(list)
    for verdict in verdicts:
        by_corpus[verdict.pair.corpus].append(verdict)
        by_category[verdict.pair.why].append(verdict)
    print(f"{name}:")
    print(f"  {'':<18} {'pairs':>5} {'pass':>5}   hit@5    MRR")
    print(line("all", verdicts))
    for corpus, group in by_corpus.items():
        print(line(f"corpus {corpus}", group))
    for category, group in sorted(by_category.items()):
        print(line(category, group))
    failing = [verdict for verdict in verdicts if not verdict.passed]
    print(f"  failing ({len(failing)}):")
    for verdict in failing:
        pair = verdict.pair
        print(
            f"    [{pair.why}, {pair.corpus}] {pair.query!r} -> {pair.expect!r}: "
            + "; ".join(verdict.failures)
        )


def run_here():
    configure()
    with test_database() as connection:
        from tests.search.relevance import CORPORA, PAIRS
        from tests.search.relevance_check import imported, judge

        verdicts = []
        for corpus in CORPORA:
            with imported(corpus):
                verdicts += [judge(pair) for pair in PAIRS if pair.corpus == corpus]
        report(f"database ({connection.vendor})", verdicts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--here", action="store_true", help="run on this process's database only")
    args = parser.parse_args()
    if args.here:
        run_here()
        return
    url = os.environ.get("DATABASE_URL", "")
    backends = [{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}]
    if url.startswith(("postgres://", "postgresql://")):
        backends.append(dict(os.environ))
    else:
        print("postgresql: skipped (DATABASE_URL does not point to PostgreSQL)")
    for env in backends:
        subprocess.run([sys.executable, __file__, "--here"], env=env, check=True)


if __name__ == "__main__":
    main()
