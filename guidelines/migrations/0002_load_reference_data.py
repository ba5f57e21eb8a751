"""Loads the 5 regions and 98 municipalities from guidelines/data/."""

import csv
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(apps, schema_editor):
    Region = apps.get_model("guidelines", "Region")
    Municipality = apps.get_model("guidelines", "Municipality")
    regions = {}
    for row in read_csv("regioner.csv"):
        regions[row["kode"]], _ = Region.objects.update_or_create(
            code=int(row["kode"]), defaults={"name": row["navn"], "slug": row["slug"]}
        )
    for row in read_csv("kommuner.csv"):
        Municipality.objects.update_or_create(
            code=int(row["kode"]),
            defaults={"name": row["navn"], "region": regions[row["region_kode"]]},
        )


def unload(apps, schema_editor):
    apps.get_model("guidelines", "Municipality").objects.all().delete()
    apps.get_model("guidelines", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("guidelines", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
