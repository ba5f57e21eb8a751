"""Faster searches (docs/search.md, "Speed"): each unit's facet rows in one
string, and on PostgreSQL the tsvector kept in its row
(search.engine.keep_vector_inline). Filling facet_key writes every row again,
so rows indexed before get the inline vector too. On SQLite the added column
makes Django rebuild the table, which drops the full-text triggers: they are
installed again."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from search import engine
    from search.units import facet_key

    if schema_editor.connection.vendor == "postgresql":
        for statement in engine.keep_vector_inline():
            schema_editor.execute(statement)
    else:
        engine.install(schema_editor)
    units = apps.get_model("sitesearch", "SearchUnit")
    facets = apps.get_model("sitesearch", "SearchUnitFacet")
    rows = {}
    for unit_id, facet, value, label in facets.objects.order_by("id").values_list(
        "unit_id", "facet", "value", "label"
    ):
        rows.setdefault(unit_id, []).append((facet, value, label))
    for unit in units.objects.only("id").iterator():
        unit.facet_key = facet_key(rows.get(unit.id, []))
        unit.save(update_fields=["facet_key"])


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0004_rank_tier_superseded")]

    operations = [
        migrations.AddField(
            model_name="searchunit",
            name="facet_key",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
