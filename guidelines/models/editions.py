"""Editions: frozen, citable snapshots of a guidance document.

Wagtail's revisions are the editors' draft history; an edition is what readers
cite. Releasing one stores the document and all its published sections
(structure and rendered text) in `snapshot`, which never changes afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.i18n import language_of


class EditionStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Gældende")
    FUTURE = "future", _("Fremtidig")
    SUPERSEDED = "superseded", _("Afløst")


class EditionQuerySet(models.QuerySet):
    def in_force(self, today=None):
        today = today or timezone.localdate()
        return self.filter(effective_date__lte=today).order_by("effective_date", "released_at")


class Edition(models.Model):
    document = models.ForeignKey(
        "guidelines.GuidanceDocumentPage",
        on_delete=models.CASCADE,
        related_name="editions",
        verbose_name=_("dokument"),
    )
    label = models.CharField(_("udgave"), max_length=80, help_text=_("Fx “2. udgave, 2024”."))
    slug = models.SlugField(_("slug"), max_length=80)
    effective_date = models.DateField(_("gælder fra"))
    effective_month_only = models.BooleanField(
        _("kun måneden er kendt"),
        default=False,
        help_text=_("Vis datoen som måned og år, fx “maj 2018”, når dagen ikke er kendt."),
    )
    change_summary = models.TextField(_("ændringer i denne udgave"))
    released_at = models.DateTimeField(_("frigivet"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("frigivet af"),
    )
    snapshot = models.JSONField(_("indhold"), editable=False)
    pdf = models.FileField(_("PDF"), upload_to="udgaver/", blank=True, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["effective_date", "released_at"]
        constraints = [
            models.UniqueConstraint(fields=["document", "slug"], name="unique_edition_slug")
        ]
        permissions = [("release_edition", _("Kan frigive udgaver af nationale dokumenter"))]
        verbose_name = _("udgave")
        verbose_name_plural = _("udgaver")

    def __str__(self):
        return f"{self.document.title}: {self.label}"

    def save(self, *args, **kwargs):
        # A released edition is a citation target: its content never changes.
        if self.pk is not None:
            stored = Edition.objects.filter(pk=self.pk).values_list("snapshot", flat=True).first()
            if stored is not None and stored != self.snapshot:
                raise ValueError("En frigivet udgave kan ikke ændres.")
        super().save(*args, **kwargs)

    @property
    def language(self):
        """The language of the frozen text: its document's."""

        return language_of(self.document.locale_id)

    def status(self, today=None):
        today = today or timezone.localdate()
        if self.effective_date > today:
            return EditionStatus.FUTURE
        current = self.document.edition_in_force(today)
        if current and current.pk == self.pk:
            return EditionStatus.IN_FORCE
        return EditionStatus.SUPERSEDED

    @property
    def pdf_size(self):
        """The stored PDF's size in bytes; None before it is made (or if its file is gone)."""
        if not self.pdf:
            return None
        try:
            return self.pdf.size
        except (OSError, ValueError):
            return None

    @cached_property
    def sections(self):
        return self.snapshot["sections"]

    @property
    def issuers(self):
        """Who issued the edition, by the names of its time (the document's issuers as
        they were at release): Socialstyrelsen in 2014, Social- og Boligstyrelsen since
        2023. The document's own field holds the names of its current edition."""
        return (self.snapshot.get("document") or {}).get("issuers", "")

    @property
    def recommendations(self):
        for section in self.sections:
            yield from ((section, r) for r in section["recommendations"])

    def get_url(self, request=None):
        return self.document.get_url(request) + self.document.reverse_subpage(
            "edition", args=[self.slug]
        )
