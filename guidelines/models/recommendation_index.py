"""Where each recommendation is: code -> section, kept as sections change.

A recommendation lives in a section's body. A page that names one (its own page,
a case that puts it into practice, the document's contents) would otherwise read
and decode every section's body to find it. The rows are rebuilt for a document
whenever one of its sections is saved, deleted, moved or (un)restricted
(guidelines/recommendation_index.py), from the published, public sections only.
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class RecommendationEntry(models.Model):
    document = models.ForeignKey(
        "guidelines.GuidanceDocumentPage",
        on_delete=models.CASCADE,
        related_name="recommendation_entries",
    )
    section = models.ForeignKey(
        "guidelines.GuidanceSectionPage", on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=20)
    title = models.CharField(_("titel"), max_length=255, blank=True)
    position = models.PositiveIntegerField()  # reading order in the document

    class Meta:
        ordering = ["document", "position"]
        indexes = [models.Index(fields=["document", "code"])]
        verbose_name = _("anbefalingens placering")
        verbose_name_plural = _("anbefalingernes placering")

    def __str__(self):
        return self.code

    @classmethod
    def rebuild(cls, document):
        """Index `document`'s published recommendations anew; returns the entries."""
        entries, seen = [], set()
        for position, (section, recommendation) in enumerate(document.recommendations()):
            if recommendation["code"] in seen:
                continue  # the editor's form refuses a second use; an import may not
            seen.add(recommendation["code"])
            entries.append(
                cls(
                    document=document,
                    section=section,
                    code=recommendation["code"],
                    title=(recommendation.get("title") or "")[:255],
                    position=position,
                )
            )
        with transaction.atomic():
            cls.objects.filter(document=document).delete()
            cls.objects.bulk_create(entries)
        return entries
