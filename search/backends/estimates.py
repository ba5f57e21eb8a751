"""Counting by sample, for queries that match much of a large index (PostgreSQL).

An exact total and exact facet counts must read every matched unit, so their cost
grows with the index; a query of common words ("borger") matches nearly all of it.
Above SEARCH_EXACT_COUNT_LIMIT expected matches (the planner's estimate from the
search vector's statistics), the counts are taken from a sample of the table's
blocks (TABLESAMPLE SYSTEM, with a fixed seed so the same query on the same index
gives the same figures) sized to hold about SAMPLE_MATCHES matches, and scaled up:
the cost stays the same however large the index grows, and the reader is told the
figures are estimates ("ca."). docs/search.md, "PostgreSQL at scale", has the
measurements.
"""

import json

from django.db import connection

# Matches a sample should hold: the total is then within a few per cent.
SAMPLE_MATCHES = 2000
# Sampling more of the table than this costs nearly what counting all of it does.
MAX_PERCENT = 40.0
# Fewer matches in a sample than this say too little (about ±10 %): count exactly.
MIN_SAMPLED = 100
# The sample's seed: fixed, so repeated requests (and the page after) agree.
SEED = 2014


def planned_rows(sql, params):
    """The planner's estimate of the rows `sql` returns (no rows are read)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):  # psycopg returns json as text unless told otherwise
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def sample_percent(expected, wanted=SAMPLE_MATCHES):
    """The share of the table's blocks (in per cent) that holds about `wanted` of
    `expected` matches, at most MAX_PERCENT; None when even that share would hold
    fewer than MIN_SAMPLED of them (too few to scale up: count exactly)."""
    percent = min(MAX_PERCENT, 100.0 * wanted / max(expected, 1))
    return percent if expected * percent / 100.0 >= MIN_SAMPLED else None


def about(count):
    """An estimate rounded to two significant digits: it claims no more."""
    count = round(count)
    if count < 100:
        return count
    digits = len(str(count)) - 2
    return round(count, -digits)
