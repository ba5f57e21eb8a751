"""The field's synonyms and abbreviations, to start from; editors keep them after.

They replace the word list search/wordlists/da_synonyms.txt. "kontaktperson" is no
longer a synonym of "tovholder": a contact person is another role.
"""

from django.db import migrations

SYNONYMS = [
    "dobbeltdiagnose\npsykisk lidelse og samtidigt misbrug\n"
    "psykisk lidelse og samtidigt rusmiddelproblem",
    "rusmiddel\nmisbrug",
    "rusmiddelproblem\nmisbrugsproblem\nrusmiddelproblematik",
    "rusmiddelbehandling\nmisbrugsbehandling",
    "indsatsplan\nkoordineret indsatsplan\nhandleplan",
    "tovholder\nforløbskoordinator",
    "pårørende\nfamilie",
    "udskrivning\nudskrivelse",
    "socialpsykiatri\nsocialpsykiatrisk indsats",
    "egen læge\npraktiserende læge\nalmen praksis",
]
ABBREVIATIONS = [
    "KI-plan\nkoordinerende indsatsplan",
    "BUP\nbørne- og ungdomspsykiatri",
    "PPR\npædagogisk psykologisk rådgivning",
    "PLO\nPraktiserende Lægers Organisation",
    "IPS\nindividuelt planlagt job med støtte",
    "Åben Dialog\nOpen Dialogue",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("sitesearch", "SynonymGroup")
    for kind, groups in (("synonym", SYNONYMS), ("forkortelse", ABBREVIATIONS)):
        for members in groups:
            SynonymGroup.objects.get_or_create(members=members, defaults={"kind": kind})


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0005_synonym_groups")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
