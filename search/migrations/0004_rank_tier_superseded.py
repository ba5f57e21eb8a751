"""Each unit's ranking tier and the day it is superseded (docs/search.md, "Ranking").

Adding columns makes Django rebuild the table on SQLite, which drops the
full-text triggers: they are installed again. Existing rows get the tier of
their kind; a superseded edition is known only after `manage.py
rebuild_search_index` (until then it is found as before)."""

from django.db import migrations, models


def reinstall(apps, schema_editor):
    from search import engine

    engine.install(schema_editor)


def set_tiers(apps, schema_editor):
    from search.units import TIERS

    units = apps.get_model("sitesearch", "SearchUnit")
    for kind, tier in TIERS.items():
        units.objects.filter(kind=kind).update(tier=int(tier))


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0003_national_region_value")]

    operations = [
        migrations.AddField(
            model_name="searchunit",
            name="superseded_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchunit",
            name="tier",
            field=models.PositiveSmallIntegerField(default=2),
        ),
        migrations.RunPython(reinstall, migrations.RunPython.noop),
        migrations.RunPython(set_tiers, migrations.RunPython.noop, elidable=True),
    ]
