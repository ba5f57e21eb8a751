"""More of the abbreviations professionals write: "KIP" beside "KI-plan", and the
two acts every case cites by their short names. An editor who has changed or
removed the KI-plan group keeps it as they left it (only a group still holding
"KI-plan" gets "KIP")."""

from django.db import migrations

ABBREVIATIONS = [
    "SEL\nserviceloven",
    "SUL\nsundhedsloven",
    "ACT\nassertive community treatment",
    "FACT\nflexible assertive community treatment",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("sitesearch", "SynonymGroup")
    for group in SynonymGroup.objects.filter(language="da", members__icontains="KI-plan"):
        members = [line.strip() for line in group.members.splitlines() if line.strip()]
        if "KI-plan" in members and "KIP" not in members:
            members.insert(members.index("KI-plan") + 1, "KIP")
            group.members = "\n".join(members)
            group.save(update_fields=["members", "updated_at"])
    for members in ABBREVIATIONS:
        SynonymGroup.objects.get_or_create(
            members=members, language="da", defaults={"kind": "forkortelse"}
        )


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0009_title_vector")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
