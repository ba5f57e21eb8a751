"""The embedded search index: one row per searchable unit.

A unit is what a result links to: a document, a section, one recommendation
(an anchor in its section), an edition, a case, a meeting, a page. Each row
keeps the text shown in results and the analysed text the engine matches
(index_* columns, space-separated terms from search.analysis).

The engine index itself is not a Django model (migration 0002): on SQLite an
FTS5 table over these columns kept in step by triggers, on PostgreSQL a
generated, weighted tsvector column with a GIN index. A migration that makes
Django rebuild this table on SQLite drops the triggers: call
search.engine.install(schema_editor) again after it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchUnit(models.Model):
    key = models.CharField(max_length=200, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=True
    )
    kind = models.CharField(max_length=20)
    language = models.CharField(max_length=10, default="da")
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    trail = models.CharField(max_length=500, blank=True)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    # Ranking tier of the kind (search.units.Tier), stored so SQL can order by it.
    tier = models.PositiveSmallIntegerField(default=2)
    # Found only when earlier versions are asked for, from this day on.
    superseded_on = models.DateField(null=True, blank=True)
    # The unit's facet rows in one string (search.units.facet_key), so facet
    # counts are one grouping of the matched units, not of their facet rows.
    facet_key = models.TextField(blank=True)

    index_title = models.TextField(blank=True)
    index_title_parts = models.TextField(blank=True)
    index_lead = models.TextField(blank=True)
    index_body = models.TextField(blank=True)
    index_parts = models.TextField(blank=True)

    class Meta:
        verbose_name = _("søgeenhed")
        verbose_name_plural = _("søgeenheder")
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return self.title


class SearchUnitFacet(models.Model):
    """One facet value of a unit (type, document, region, target group, theme)."""

    unit = models.ForeignKey(SearchUnit, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    label = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["unit", "facet", "value"], name="unique_unit_facet")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
