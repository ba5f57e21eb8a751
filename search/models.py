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

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin


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


class SearchTerm(models.Model):
    """A term of the index's vocabulary, with how many pages have it.

    What readers type is compared with it: a word typed without æ, ø and å
    ("forlob") is read as the indexed terms it spells plainly ("forløb"), and a
    word the index does not know gets "Mente du …?" with the nearest known
    word. Kept in step by search.vocabulary when pages are indexed."""

    language = models.CharField(max_length=10)
    term = models.CharField(max_length=100)
    plain = models.CharField(max_length=100)  # the term with æ, ø, å as a, o, a
    word = models.CharField(max_length=100, blank=True)  # a written form, to show
    head = models.CharField(max_length=1, blank=True)  # the written form's first letter
    size = models.PositiveSmallIntegerField(default=0)  # and its length
    pages = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("søgeord")
        verbose_name_plural = _("søgeord")
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="unique_search_term")
        ]
        indexes = [
            models.Index(fields=["language", "plain"]),
            models.Index(fields=["language", "head", "size"]),
        ]

    def __str__(self):
        return self.word or self.term


class SearchPageTerms(models.Model):
    """The terms one indexed page has, so re-indexing it can update the counts."""

    page_id = models.BigIntegerField(unique=True)
    language = models.CharField(max_length=10)
    terms = models.TextField(blank=True)  # space-separated

    def __str__(self):
        return f"page {self.page_id}"


MAX_MEMBER = 100  # characters in one word or phrase of a synonym group


class SynonymGroup(RevisionMixin, models.Model):
    """Words and phrases a search should treat as the same, kept by editors.

    A search for any member also finds the others, in any inflection and, for a
    phrase, in any word order (search.synonyms, search.query). Each save in the admin
    keeps a revision: the history, and the refusal of a save from an out-of-date form
    (core/edit_conflicts.py)."""

    class Kind(models.TextChoices):
        SYNONYM = "synonym", _("Synonymer")
        ABBREVIATION = "forkortelse", _("Forkortelse og det, den står for")

    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices, default=Kind.SYNONYM)
    members = models.TextField(
        _("ord og udtryk"),
        max_length=2000,
        help_text=_(
            "Ét ord eller udtryk pr. linje, mindst to. Skriv i grundform; bøjede former "
            "findes af sig selv, og et udtryk findes også med ordene i en anden rækkefølge."
        ),
    )
    language = models.CharField(
        _("sprog"), max_length=10, default="da", choices=[("da", _("Dansk")), ("en", _("Engelsk"))]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synonymgruppe")
        verbose_name_plural = _("synonymer og forkortelser")
        ordering = ["members"]

    def __str__(self):
        return ", ".join(self.member_list())

    def clean(self):
        members = self.member_list()
        if any(len(member) > MAX_MEMBER for member in members):
            raise ValidationError(
                {"members": _("Et ord eller udtryk må højst have %(n)d tegn.") % {"n": MAX_MEMBER}}
            )
        if len(members) < 2:
            raise ValidationError({"members": _("Skriv mindst to ord eller udtryk.")})

    def member_list(self):
        lines = (line.strip() for line in self.members.replace(",", "\n").splitlines())
        return list(dict.fromkeys(line for line in lines if line))
