"""On PostgreSQL, the titles' own tsvector and GIN index (search.engine.title_vector),
for autocomplete and the title steps of ranking. SQLite's FTS5 filters by
column already: nothing to do there."""

from django.db import migrations


def add(apps, schema_editor):
    from search import engine

    if schema_editor.connection.vendor == "postgresql":
        for statement in engine.title_vector():
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    from search import engine

    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {engine.TABLE} DROP COLUMN IF EXISTS title_vector")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0008_merge_speed_and_synonyms")]

    operations = [migrations.RunPython(add, remove)]
