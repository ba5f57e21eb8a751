"""English names for the casebook's target groups and themes (the English site's
facets and case pages)."""

from django.db import migrations, models

ENGLISH = {
    "TargetGroup": {"boern": "Children", "unge": "Young people", "voksne": "Adults"},
    "Theme": {
        "dobbeltdiagnose": "Dual diagnosis",
        "overgange": "Transitions",
        "udskrivning": "Discharge and readmission",
        "opsoegende-indsats": "Outreach",
        "beskaeftigelse-uddannelse": "Employment and education",
        "bolig": "Housing",
        "peerstoette": "Peer support",
        "paaroerende": "Relatives",
        "it-kommunikation": "IT and communication",
    },
}


def name(apps, schema_editor):
    for model_name, names in ENGLISH.items():
        model = apps.get_model("casebook", model_name)
        for slug, english in names.items():
            model.objects.filter(slug=slug).update(name_en=english)


class Migration(migrations.Migration):
    dependencies = [("casebook", "0003_load_vocabularies")]
    operations = [
        migrations.AddField(
            model_name="targetgroup",
            name="name_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="navn på engelsk"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="navn på engelsk"),
        ),
        migrations.RunPython(name, migrations.RunPython.noop),
    ]
