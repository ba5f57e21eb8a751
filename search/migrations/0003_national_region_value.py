"""The region facet's value for national units was "hele-landet" in the search and
"national" in the casebook; it is "national" in both now (core.facets.NATIONAL).
Rows indexed before keep working without a rebuild. An Elasticsearch index needs
`manage.py rebuild_search_index`."""

from django.db import migrations


def rename(old, new):
    def apply(apps, schema_editor):
        facets = apps.get_model("sitesearch", "SearchUnitFacet")
        facets.objects.filter(facet="region", value=old).update(value=new)

    return apply


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_engine_index")]

    operations = [
        migrations.RunPython(
            rename("hele-landet", "national"), rename("national", "hele-landet"), elidable=True
        )
    ]
