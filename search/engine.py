"""The database engine's own index over SearchUnit: FTS5 or a PostgreSQL tsvector.

Both index the same five analysed columns with the same relative weights:
title, title parts, lead, body, and the compound parts of lead and body.
"""

COLUMNS = ("index_title", "index_title_parts", "index_lead", "index_body", "index_parts")
TITLE_COLUMNS = COLUMNS[:2]
TABLE = "sitesearch_searchunit"
FTS = "sitesearch_fts"
# bm25 column weights (SQLite) and the tsvector weight letter of each column.
FTS_WEIGHTS = (10.0, 6.0, 3.0, 1.0, 0.5)
PG_WEIGHTS = ("A", "B", "C", "D", "D")
# ts_rank's weights for D, C, B, A.
PG_RANK_WEIGHTS = "{0.05, 0.3, 0.6, 1.0}"
# ts_rank's normalization: divided by 1 + the log of the unit's length (1).
PG_RANK_NORMALIZATION = 1


def _sqlite_statements():
    cols = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    delete = f"INSERT INTO {FTS}({FTS}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {FTS}(rowid, {cols}) VALUES (new.id, {new});"
    # tokenchars '.' keeps a dotted recommendation code ("3.2") one token.
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5({cols}, content='{TABLE}', "
        "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0 tokenchars '.'\")",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON {TABLE} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON {TABLE} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE ON {TABLE} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
    ]


def _tsvector(columns):
    return " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, coalesce({c}, '')), '{w}')"
        for c, w in zip(columns, PG_WEIGHTS, strict=False)
    )


def _postgres_statements():
    return [
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({_tsvector(COLUMNS)}) STORED",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING GIN (search_vector)",
        *title_vector(),
        *keep_vector_inline(),
    ]


def title_vector():
    """The titles' own tsvector (weights as in search_vector) and its GIN index:
    autocomplete and the title steps of ranking look only at titles, and a
    prefix found in most bodies ("mis") made the whole vector's index return
    nearly every row, each then read and rejected for its title."""
    return [
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS title_vector tsvector "
        f"GENERATED ALWAYS AS ({_tsvector(TITLE_COLUMNS)}) STORED",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_title_vector ON {TABLE} USING GIN (title_vector)",
        f"ALTER TABLE {TABLE} ALTER COLUMN title_vector SET STORAGE MAIN",
    ]


def keep_vector_inline():
    """Keep each row's tsvector in the row, not in the TOAST table: a query whose
    words are on most units tests and ranks every row's vector, and fetching
    each from TOAST (once per use: match, rank) made that 5 to 10 times slower.
    The row's long texts (body, the index_* columns) go to TOAST instead.
    Applies to rows written from now on (migration 0005 rewrote the old)."""
    return [f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN"]


def install(schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": _sqlite_statements, "postgresql": _postgres_statements}.get(vendor)
    if statements is None:
        raise RuntimeError(f"The search index needs SQLite or PostgreSQL, not {vendor}.")
    for statement in statements():
        schema_editor.execute(statement)


def uninstall(schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
    else:
        for column in ("search_vector", "title_vector"):
            schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {column}")
