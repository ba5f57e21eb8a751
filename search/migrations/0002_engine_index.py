from django.db import migrations


def install(apps, schema_editor):
    from search import engine

    engine.install(schema_editor)


def uninstall(apps, schema_editor):
    from search import engine

    engine.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_search_units")]

    operations = [migrations.RunPython(install, uninstall)]
