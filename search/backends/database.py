"""The embedded backend: SearchUnit rows, matched by SQLite FTS5 or PostgreSQL.

The query tree is compiled to the engine's own syntax from analysed terms only
(never from what the reader typed), so no input can be an operator. Ranking is
by steps (docs/search.md, "Ranking"): the reader's own words in the title, any
clause in the title, own words anywhere, the unit's tier, and last the engine's
score: bm25 with column weights on SQLite, ts_rank with tsvector weights on
PostgreSQL (see search.engine). Superseded units are left out unless asked for.
Facet counts are disjunctive: each facet is counted with every filter but its
own.

Each unit is stored analysed in its own language, so a query is matched per
language: the Danish analysis against Danish units, the English analysis
against English units (request.by_language()). Results are ordered by
language first, the reader's before the others, then by score within each.
Autocomplete does the same with titles.
"""

from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from .. import engine
from ..analysis import language_of
from ..highlight import highlight, snippet
from ..models import SearchUnit, SearchUnitFacet
from ..query import And, Or, Phrase, Prefix, Term
from ..units import FACETS, KINDS, NOT_SUGGESTED, Tier, facet_key, read_facet_key
from . import FacetValue, Hit, SearchBackend, SearchResults, Suggestion
from .estimates import (
    MAX_PERCENT,
    MIN_SAMPLED,
    SEED,
    about,
    planned_rows,
    sample_percent,
)


def fts5(node):
    """The FTS5 MATCH expression for a query tree (terms are always quoted)."""
    if isinstance(node, Term):
        return f'"{node.term}"'
    if isinstance(node, Phrase):
        return '"' + " ".join(node.terms) + '"'
    if isinstance(node, Prefix):
        word = f'"{node.prefix}"*'
        return f'({word} OR "{node.term}")' if node.term else word
    joiner = " AND " if isinstance(node, And) else " OR "
    return "(" + joiner.join(fts5(child) for child in node.children) + ")"


def tsquery(node):
    """The to_tsquery('simple', …) text for a query tree."""
    if isinstance(node, Term):
        return f"'{node.term}'"
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(f"'{term}'" for term in node.terms) + ")"
    if isinstance(node, Prefix):
        word = f"'{node.prefix}':*"
        return f"({word} | '{node.term}')" if node.term else word
    joiner = " & " if isinstance(node, And) else " | "
    return "(" + joiner.join(tsquery(child) for child in node.children) + ")"


def _in_language(language):
    """(SQL, params) limiting a PostgreSQL match to `language`'s units. The one
    full-text index holds both languages, and their analyses share many terms
    ("patient", "region"); with the language in the same WHERE the planner can
    start from a small language's rows instead of testing every row's vector.
    (FTS5 cannot be limited so; there the callers restrict ids to the language.)"""
    return (" AND language = %s", [language]) if language else ("", [])


def ids_sql(node, language=None):
    """SQL selecting the ids of the units matching a query tree (no ranking)."""
    if connection.vendor == "postgresql":
        where, params = _in_language(language)
        sql = (
            f"SELECT id FROM {engine.TABLE} WHERE search_vector @@ to_tsquery('simple', %s){where}"
        )
        return sql, [tsquery(node), *params]
    return f"SELECT rowid AS id FROM {engine.FTS} WHERE {engine.FTS} MATCH %s", [fts5(node)]


def rank_nodes(query):
    """The query trees whose matches order the results (docs/search.md, "Ranking"):
    (root, strict, title_strict, title_any). `strict` is None when every match
    of the root has one of the reader's own words anyway; `title_any` is None
    when it is the same as `title_strict`."""
    root = query.root
    strict = query.strict or root
    clauses = query.any_clause
    return (
        root,
        (None if strict == clauses else strict),
        strict,
        (None if clauses == strict else clauses),
    )


# The title columns, for an FTS5 column filter.
FTS_TITLE = "{index_title index_title_parts} : "


def ranked_sql(query, language, allowed=("", ()), extra=""):
    """SQL selecting (id, score, strict, title_strict, title_any, tier) of the
    units in `language` matching a ParsedQuery and passing the `allowed`
    conditions (see unit_conditions): the engine's score of the match (lower
    ranks higher), whether the unit has one of the reader's own words
    (anywhere; in its title), and whether its title matches one of the query's
    clauses."""
    root, strict, title_strict, title_any = rank_nodes(query)
    allowed_sql, allowed_params = allowed
    if connection.vendor == "postgresql":
        where, language_params = _in_language(language)
        queries = {"q": tsquery(root), "ts": tsquery(title_strict)}
        if strict is not None:
            queries["s"] = tsquery(strict)
        if title_any is not None:
            queries["ta"] = tsquery(title_any)
        tables = ", ".join(f"to_tsquery('simple', %s) {name}" for name in queries)
        sql = (
            f"SELECT id, -ts_rank('{engine.PG_RANK_WEIGHTS}', search_vector, q, "
            f"{engine.PG_RANK_NORMALIZATION}) AS score, "
            f"{'search_vector @@ s' if strict is not None else 'TRUE'} AS strict, "
            "title_vector @@ ts AS title_strict, "
            f"title_vector @@ {'ta' if title_any is not None else 'ts'} AS title_any, tier{extra} "
            f"FROM {engine.TABLE}, {tables} WHERE search_vector @@ q{where}{allowed_sql}"
        )
        return sql, [*queries.values(), *language_params, *allowed_params]
    # The flags are lookups in the other matches, each run once into a list
    # (SQLite's LIST SUBQUERY); CROSS JOIN keeps the full-text match as the
    # outer loop, so the unit's row is read once per match and the facet
    # filters' `u.id IN (...)` never becomes one full-text lookup per id.
    weights = ", ".join(str(w) for w in engine.FTS_WEIGHTS)
    flags, params = [], []
    for node, column_filter in (
        (strict, ""),
        (title_strict, FTS_TITLE),
        (title_any if title_any is not None else title_strict, FTS_TITLE),
    ):
        if node is None:
            flags.append("1")
            continue
        flags.append(f"(x.rowid IN (SELECT rowid FROM {engine.FTS} WHERE {engine.FTS} MATCH %s))")
        params.append(column_filter + fts5(node))
    sql = (
        f"SELECT x.rowid AS id, bm25({engine.FTS}, {weights}) AS score, {flags[0]} AS strict, "
        f"{flags[1]} AS title_strict, {flags[2]} AS title_any, u.tier "
        f"FROM {engine.FTS} x CROSS JOIN {engine.TABLE} u ON u.id = x.rowid "
        f"WHERE {engine.FTS} MATCH %s AND u.language = %s{allowed_sql}"
    )
    return sql, [*params, fts5(root), language, *allowed_params]


# Results in order: the reader's own words in the title, a clause in the title,
# own words anywhere (a title counts only in a tier it lifts), then the tier,
# then the engine's score. Over ranked_sql's columns (r) and SearchUnit (u).
ORDER = (
    "(r.tier < {lifted} AND r.title_strict) DESC, (r.tier < {lifted} AND r.title_any) DESC, "
    "r.strict DESC, r.tier, r.score, r.id"
).format(lifted=int(Tier.HISTORY))


ALL = object()  # unit_conditions(skip=ALL): no facet filter at all


def unit_conditions(request, skip=None, superseded=True):
    """(SQL, params): ` AND …` conditions on a SearchUnit row (its columns
    unqualified on PostgreSQL, as u.… on SQLite) that pass units not superseded
    (unless asked for) and with every facet filter but `skip`'s. Written into the
    same WHERE as the match, so PostgreSQL tests them in the one scan of the
    table that matches, instead of joining a second list of allowed ids."""
    column = "" if connection.vendor == "postgresql" else "u."
    sql, params = [], []
    if superseded and not request.include_superseded:
        sql.append(f"({column}superseded_on IS NULL OR {column}superseded_on > %s)")
        params.append(request.today)
    for facet, values in request.filters.items():
        if facet != skip and skip != ALL and values:
            marks = ", ".join(["%s"] * len(values))
            sql.append(
                f"{column}id IN (SELECT unit_id FROM {SearchUnitFacet._meta.db_table} "
                f"WHERE facet = %s AND value IN ({marks}))"
            )
            params += [facet, *values]
    return "".join(f" AND {part}" for part in sql), params


def allowed_ids_sql(plan, request, skip=None, *columns):
    """SQL selecting the ids (and `columns`) of the units that match the query in
    their own language, for [(language, ParsedQuery)], and pass unit_conditions."""
    parts, params = [], []
    conditions, condition_params = unit_conditions(request, skip)
    selected = ", ".join(("id", *columns))
    for language, query in plan:
        if connection.vendor == "postgresql":
            where, language_params = _in_language(language)
            sql = (
                f"SELECT {selected} FROM {engine.TABLE} "
                f"WHERE search_vector @@ to_tsquery('simple', %s){where}{conditions}"
            )
            match_params = [tsquery(query.root), *language_params]
        else:
            sql, match_params = ids_sql(query.root)
            sql = (
                f"SELECT {', '.join('u.' + c for c in ('id', *columns))} FROM {engine.TABLE} u "
                f"WHERE u.language = %s AND u.id IN ({sql}){conditions}"
            )
            match_params = [language, *match_params]
        parts.append(sql)
        params += [*match_params, *condition_params]
    return " UNION ALL ".join(parts), params


def title_match_sql(node, language=None):
    """Like match_sql, but only titles count (autocomplete)."""
    if connection.vendor == "postgresql":
        where, params = _in_language(language)
        sql = (
            f"SELECT id, -ts_rank(title_vector, q) AS score "
            f"FROM {engine.TABLE}, to_tsquery('simple', %s) q WHERE title_vector @@ q{where}"
        )
        return sql, [tsquery(node), *params]
    sql = (
        f"SELECT rowid AS id, bm25({engine.FTS}) AS score FROM {engine.FTS} "
        f"WHERE {engine.FTS} MATCH %s"
    )
    return sql, ["{index_title index_title_parts} : " + fts5(node)]


class DatabaseBackend(SearchBackend):
    transactional = True

    # --- Writing -------------------------------------------------------------

    def ping(self):
        SearchUnit.objects.exists()  # the index table answers

    def replace_page(self, page_id, units):
        with transaction.atomic():
            SearchUnit.objects.filter(page_id=page_id).delete()
            facets = [
                list(
                    dict.fromkeys(
                        (facet, value[:100], label[:255])
                        for facet, value, label in unit.facet_rows()
                    )
                )
                for unit in units
            ]
            rows = [
                SearchUnit(
                    key=unit.key,
                    page_id=page_id,
                    kind=unit.kind,
                    language=language_of(unit.language),
                    title=unit.title[:500],
                    url=unit.href[:500],
                    trail=" › ".join(unit.trail)[:500],
                    lead=unit.lead,
                    body=unit.body,
                    date=unit.date,
                    tier=unit.tier,
                    superseded_on=unit.superseded_on,
                    facet_key=facet_key(unit_facets),
                    **unit.analysed(),
                )
                for unit, unit_facets in zip(units, facets, strict=True)
            ]
            created = SearchUnit.objects.bulk_create(rows)
            SearchUnitFacet.objects.bulk_create(
                SearchUnitFacet(unit=row, facet=facet, value=value, label=label)
                for row, unit_facets in zip(created, facets, strict=True)
                for facet, value, label in unit_facets
            )

    def remove_pages(self, page_ids):
        SearchUnit.objects.filter(page_id__in=list(page_ids)).delete()

    def clear(self):
        SearchUnit.objects.all().delete()

    def optimize(self):
        # FTS5 keeps many small segments after row-by-row writes; merging them
        # makes ranking many matches several times faster.
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"INSERT INTO {engine.FTS}({engine.FTS}) VALUES ('optimize')")
            else:
                # Fresh statistics, so the planner uses the GIN index for facet counts.
                cursor.execute(f"ANALYZE {engine.TABLE}, {SearchUnitFacet._meta.db_table}")

    # --- Reading -------------------------------------------------------------

    def with_units(self, languages):
        """[(language, query)], the reader's first, less the other languages that
        have no units at all: an indexed lookup is cheaper than a full-text match
        whose every hit would then be dropped for its language (a Danish-only
        index, or an English-only one)."""
        if not languages:
            return []
        first, *others = languages
        return [first] + [
            item for item in others if SearchUnit.objects.filter(language=item[0]).exists()
        ]

    def search(self, request):
        plan = self.with_units(request.by_language())
        if not plan:
            facets = {facet: [] for facet in FACETS}
            return SearchResults(0, [], facets, 1, request.per_page)
        if len(plan) == 1 and connection.vendor == "postgresql":
            return self.search_in_one_pass(request, plan)
        if len(plan) == 1 and not request.filters.get("type"):
            # Every unit has one type, and the type facet is counted under every
            # filter: its counts add up to the total, so no count of its own.
            facets = self.facet_counts(request, plan)
            counts = {plan[0][0]: sum(value.count for value in facets["type"])}
        else:
            counts = self.counts(request, plan)
            # Facets are counted over the languages that have matches (usually
            # one: a query's words are rarely found in both languages' units).
            # Matches before filtering: a facet is counted without its own filter.
            found = [
                (language, query)
                for language, query in plan
                if counts[language] or (request.filters and self.matches(language, query))
            ] or plan[:1]
            facets = self.facet_counts(request, found)
        total = sum(counts.values())
        last_page = max(1, -(-total // request.per_page))
        page = min(max(1, request.page), last_page)
        return SearchResults(
            total=total,
            hits=self.hits(plan, self.ranked_page(request, plan, counts, page)),
            facets=facets,
            page=page,
            per_page=request.per_page,
        )

    def counts(self, request, plan):
        """{language: number of its units that match its analysis of the query
        and pass the filters}, each counted on its own, as with one language."""
        counts = {}
        with connection.cursor() as cursor:
            for item in plan:
                sql, params = allowed_ids_sql([item], request)
                cursor.execute(f"SELECT COUNT(*) FROM ({sql}) m", params)
                counts[item[0]] = cursor.fetchone()[0]
        return counts

    def matches(self, language, query):
        """Whether any unit in `language` matches the query, filters aside."""
        matched = RawSQL(*ids_sql(query.root, language))
        return SearchUnit.objects.filter(language=language, id__in=matched).exists()

    def ranked_page(self, request, plan, counts, page):
        """[(id, score)] of one page of results. The reader's language comes first,
        so each language is ranked on its own (with its own analysis of the
        query), and only when the page reaches its results: the first pages of a
        query with enough results in the reader's language rank nothing else."""
        offset, limit = (page - 1) * request.per_page, request.per_page
        ranked = []
        allowed = unit_conditions(request)
        for language, query in plan:
            found = counts.get(language, 0)
            if offset >= found:
                offset -= found
                continue
            ranked_query, ranked_params = ranked_sql(query, language, allowed)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT r.id, r.score FROM ({ranked_query}) r "
                    f"ORDER BY {ORDER} LIMIT %s OFFSET %s",
                    [*ranked_params, limit, offset],
                )
                rows = cursor.fetchall()
            ranked += rows
            limit, offset = limit - len(rows), 0
            if limit <= 0:
                break
        return ranked

    def hits(self, plan, ranked):
        units = SearchUnit.objects.in_bulk([unit_id for unit_id, _score in ranked])
        regions = dict(
            SearchUnitFacet.objects.filter(unit_id__in=units, facet="region").values_list(
                "unit_id", "label"
            )
        )
        # Each unit is marked up with the terms of its own language's query.
        terms = {language: query.highlight_terms for language, query in plan}
        hits = []
        for unit_id, score in ranked:
            unit = units.get(unit_id)
            if unit is None:
                continue
            language = unit.language
            hits.append(
                Hit(
                    key=unit.key,
                    kind=unit.kind,
                    title=highlight(unit.title, terms.get(language, ()), language),
                    url=unit.url,
                    trail=unit.trail,
                    snippet=snippet([unit.body, unit.lead], terms.get(language, ()), language),
                    region=regions.get(unit_id, ""),
                    score=-score,
                    language=language,
                )
            )
        return hits

    def facet_counts(self, request, plan):
        """Each facet counted under every filter but its own, over the matches in
        every language of `plan`. Facets the reader has not filtered on all share
        one base (every filter), so they are counted in one grouped query; each
        filtered facet needs its own. The matched units are grouped by their
        facet_key (all their facet rows in one string): one pass over the
        matches, with far fewer groups than facet rows."""
        bases = facet_bases(request)
        grouped = {}
        with connection.cursor() as cursor:
            for skip in bases:
                matched, params = allowed_ids_sql(plan, request, skip, "facet_key")
                cursor.execute(
                    f"SELECT m.facet_key, COUNT(*) FROM ({matched}) m GROUP BY m.facet_key",
                    params,
                )
                grouped[skip] = cursor.fetchall()
        return self.facet_values(request, bases, grouped)

    def facet_values(self, request, bases, grouped):
        """{facet: [FacetValue]} from {base: [(facet_key, count)]} (see facet_counts)."""
        values = {facet: {} for facet in FACETS}
        for skip, facets in bases.items():
            for key, count in grouped.get(skip, ()):
                for facet, value, label in read_facet_key(key):
                    if facet not in facets:
                        continue
                    found = values[facet].get(value)
                    if found is None:
                        selected = value in request.filters.get(facet, ())
                        values[facet][value] = FacetValue(value, label, count, selected)
                    else:
                        found.count += count
        result = {}
        for facet in FACETS:
            # A chosen value stays visible (with 0) so it can be unchecked.
            missing = set(request.filters.get(facet, ())) - values[facet].keys()
            for value, label in self.labels(facet, missing).items() if missing else ():
                values[facet][value] = FacetValue(value, label, 0, True)
            result[facet] = sort_facet(facet, values[facet].values())
        return result

    def search_in_one_pass(self, request, plan):
        """PostgreSQL, one language: the query is matched once per request. Its
        matches (with the ranking's flags and score, and their facet_key) are
        materialised, and the total, every facet count and the page are read from
        that set in one statement. Matching (reading every matched unit's
        vector) is the cost that grows with the index; counted three times
        before (total and facets, each filtered facet, the page), it is now paid
        once (docs/search.md, "PostgreSQL at scale"). A query expected to match
        more than SEARCH_EXACT_COUNT_LIMIT units is counted by sample instead
        (search_by_sample)."""
        sampled = self.search_by_sample(request, plan)
        if sampled is not None:
            return sampled
        language, query = plan[0]
        superseded, superseded_params = unit_conditions(request, skip=ALL)
        matched, matched_params = ranked_sql(
            query, language, (superseded, superseded_params), extra=", facet_key"
        )
        bases = facet_bases(request)
        parts, params = [], list(matched_params)
        for number, skip in enumerate(bases):
            where, where_params = unit_conditions(request, skip, superseded=False)
            parts.append(
                f"SELECT {number} AS part, r.facet_key, COUNT(*) AS n, NULL::bigint AS id, "
                f"NULL::float8 AS score FROM m r WHERE TRUE{where} GROUP BY r.facet_key"
            )
            params += where_params
        where, where_params = unit_conditions(request, superseded=False)
        parts.append(f"SELECT -1, NULL, COUNT(*), NULL, NULL FROM m r WHERE TRUE{where}")
        params += where_params
        page = max(1, request.page)
        parts.append(
            f"(SELECT -2, NULL, NULL, r.id, r.score FROM m r WHERE TRUE{where} "
            f"ORDER BY {ORDER} LIMIT %s OFFSET %s)"
        )
        params += [*where_params, request.per_page, (page - 1) * request.per_page]
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH m AS MATERIALIZED ({matched}) " + " UNION ALL ".join(parts), params
            )
            rows = cursor.fetchall()
        skips = list(bases)
        grouped, total, ranked = {}, 0, []
        for part, key, count, unit_id, score in rows:
            if part >= 0:
                grouped.setdefault(skips[part], []).append((key, count))
            elif part == -1:
                total = count
            else:
                ranked.append((unit_id, score))
        last_page = max(1, -(-total // request.per_page))
        if page > last_page:  # past the end: the last page, as the other backends give
            page = last_page
            ranked = self.ranked_page(request, plan, {language: total}, page)
        return SearchResults(
            total=total,
            hits=self.hits(plan, ranked),
            facets=self.facet_values(request, bases, grouped),
            page=page,
            per_page=request.per_page,
        )

    def search_by_sample(self, request, plan):
        """PostgreSQL, one language, a query the planner expects to match more than
        SEARCH_EXACT_COUNT_LIMIT units: the total and the facet counts from a sample
        of the table (search.backends.estimates), the page ranked among the units
        whose title matches (they come before all others in ORDER, so when they
        fill the page it is the exact page), else ranked over every match. None
        when the counts should be exact."""
        limit = settings.SEARCH_EXACT_COUNT_LIMIT
        if not limit:
            return None
        language, query = plan[0]
        sql, params = sample_sql(query, language, unit_conditions(request, skip=ALL))
        expected = planned_rows(sql.format(sample=""), params)
        percent = sample_percent(expected) if expected > limit else None
        if percent is None:
            return None
        bases = facet_bases(request)
        grouped, found = self.sampled_counts(request, bases, sql, params, percent)
        if found < MIN_SAMPLED and percent < MAX_PERCENT:
            # The filters leave too few of the sample: a larger one (big enough for
            # these few: it costs in proportion), or exact counts.
            percent = sample_percent(found * 100.0 / percent, wanted=2 * MIN_SAMPLED)
            if percent is None:
                return None
            grouped, found = self.sampled_counts(request, bases, sql, params, percent)
        if found < MIN_SAMPLED:
            return None
        scale = 100.0 / percent
        total = about(found * scale)
        page = min(max(1, request.page), max(1, -(-total // request.per_page)))
        offset = (page - 1) * request.per_page
        ranked = self.title_page(request, query, language, offset)
        if len(ranked) < request.per_page:
            ranked = self.ranked_page(request, plan, {language: offset + request.per_page}, page)
        grouped = {
            skip: [(key, count * scale) for key, count in rows] for skip, rows in grouped.items()
        }
        facets = self.facet_values(request, bases, grouped)
        for values in facets.values():
            for value in values:
                value.count = about(value.count)
        return SearchResults(
            total=total,
            hits=self.hits(plan, ranked),
            facets=facets,
            page=page,
            per_page=request.per_page,
            approximate=True,
        )

    def sampled_counts(self, request, bases, sql, params, percent):
        """({base: [(facet_key, count)]}, total) over the matches in a sample of
        `percent` per cent of the table's blocks. The sample's matches are grouped
        by facet_key alone, and the filters tested on the keys (which hold every
        facet value of their units): no lookup in the facet table, whose rows for a
        filtered value grow with the index."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m.facet_key, COUNT(*) FROM ({sql.format(sample=SAMPLE)}) m "
                "GROUP BY m.facet_key",
                [percent, SEED, *params],
            )
            rows = cursor.fetchall()
        filters = [(facet, set(values)) for facet, values in request.filters.items() if values]
        grouped, total = {skip: [] for skip in bases}, 0
        for key, count in rows:
            failed = failed_filters(key, filters)
            if not failed:
                total += count
            for skip in bases:
                if not failed or failed == {skip}:
                    grouped[skip].append((key, count))
        return grouped, total

    def title_page(self, request, query, language, offset):
        """[(id, score)]: the page at `offset` among the matches whose title matches
        one of the query's clauses in a tier that lifts titles (see ORDER)."""
        _root, _strict, title_strict, title_any = rank_nodes(query)
        allowed, allowed_params = unit_conditions(request)
        ranked_query, ranked_params = ranked_sql(
            query,
            language,
            (
                f"{allowed} AND tier < %s AND title_vector @@ to_tsquery('simple', %s)",
                [*allowed_params, int(Tier.HISTORY), tsquery(title_any or title_strict)],
            ),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT r.id, r.score FROM ({ranked_query}) r ORDER BY {ORDER} LIMIT %s OFFSET %s",
                [*ranked_params, request.per_page, offset],
            )
            return cursor.fetchall()

    def labels(self, facet, values):
        return dict(
            SearchUnitFacet.objects.filter(facet=facet, value__in=values)
            .values_list("value", "label")
            .distinct()
        )

    def known_values(self, facet, values):
        return set(self.labels(facet, values))

    def suggest(self, prefix, language=None, limit=8):
        """Titles for what has been typed, in every language (each with its own
        analysis of the words): the reader's language first, then the best
        match, the shorter title. Each language is asked on its own, and only
        while there is room left: a UNION of the languages' title matches lets
        SQLite turn the join around into one full-text lookup per unit."""
        reader = language_of(language or prefix.language)
        prefixes = sorted(prefix.by_language().items(), key=lambda item: item[0] != reader)
        # NOT IN () is no SQL: an empty string never is a kind.
        left_out = [*NOT_SUGGESTED] or [""]
        kinds = ", ".join(["%s"] * len(left_out))
        ids = []
        for unit_language, words in self.with_units(prefixes):
            node = Prefix((), words.prefix, words.term)
            if words.terms:
                node = And((*(Term(term) for term in words.terms), node))
            if words.alternatives:
                # Titles that say the same with a synonym ("KIP").
                said = (And(tuple(Term(term) for term in terms)) for terms, _ in words.alternatives)
                node = Or((node, *said))
            sql, params = title_match_sql(node, unit_language)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT m.id FROM ({sql}) m JOIN {engine.TABLE} u ON u.id = m.id "
                    f"WHERE u.language = %s AND u.kind NOT IN ({kinds}) "
                    "ORDER BY m.score, length(u.title), m.id LIMIT %s",
                    [*params, unit_language, *left_out, limit - len(ids)],
                )
                ids += [row[0] for row in cursor.fetchall()]
            if len(ids) >= limit:
                break
        units = SearchUnit.objects.in_bulk(ids)
        return [
            Suggestion(
                units[i].title,
                units[i].url,
                str(KINDS.get(units[i].kind, "")),
                units[i].language,
            )
            for i in ids
            if i in units
        ]


SAMPLE = " TABLESAMPLE SYSTEM (%s) REPEATABLE (%s)"


def sample_sql(query, language, superseded):
    """(SQL with a {sample} slot after the table, params): the facet_key of the
    units in `language` that match the query and pass `superseded`
    (unit_conditions). The slot takes SAMPLE, whose two params come first."""
    where, language_params = _in_language(language)
    condition, condition_params = superseded
    sql = (
        f"SELECT facet_key FROM {engine.TABLE}{{sample}} "
        f"WHERE search_vector @@ to_tsquery('simple', %s){where}{condition}"
    )
    return sql, [tsquery(query.root), *language_params, *condition_params]


def failed_filters(key, filters):
    """The facets of `filters` [(facet, {values})] that a unit with this facet_key
    fails (as unit_conditions tests them in SQL: one of the values is enough)."""
    if not filters:
        return set()
    found = {}
    for facet, value, _label in read_facet_key(key):
        found.setdefault(facet, set()).add(value)
    return {facet for facet, values in filters if not values & found.get(facet, set())}


def facet_bases(request):
    """{skip: [facets counted so]}: facets the reader has not filtered on share one
    base (every filter); each filtered facet is counted without its own filter."""
    bases = {}
    for facet in FACETS:
        bases.setdefault(facet if request.filters.get(facet) else None, []).append(facet)
    return bases


def sort_facet(facet, values):
    if facet == "type":
        order = list(KINDS)
        return sorted(values, key=lambda v: order.index(v.value) if v.value in order else 99)
    return sorted(values, key=lambda v: v.label.lower())
