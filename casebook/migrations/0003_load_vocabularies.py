"""The casebook's target groups and themes (DOMAIN.md, "The casebook")."""

from django.db import migrations

TARGET_GROUPS = [("boern", "Børn"), ("unge", "Unge"), ("voksne", "Voksne")]
THEMES = [
    ("dobbeltdiagnose", "Dobbeltdiagnose"),
    ("overgange", "Overgange"),
    ("udskrivning", "Udskrivning og genindlæggelse"),
    ("opsoegende-indsats", "Opsøgende indsats"),
    ("beskaeftigelse-uddannelse", "Beskæftigelse og uddannelse"),
    ("bolig", "Bolig"),
    ("peerstoette", "Peerstøtte"),
    ("paaroerende", "Pårørende"),
    ("it-kommunikation", "It og kommunikation"),
]


def load(apps, schema_editor):
    for model_name, rows in (("TargetGroup", TARGET_GROUPS), ("Theme", THEMES)):
        model = apps.get_model("casebook", model_name)
        for order, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def unload(apps, schema_editor):
    apps.get_model("casebook", "TargetGroup").objects.all().delete()
    apps.get_model("casebook", "Theme").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("casebook", "0002_cases_and_meetings")]
    operations = [migrations.RunPython(load, unload)]
