"""The casebook's fixed vocabularies: target groups and themes (tables, loaded by a
data migration) and a case's status (choices)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planlagt")
    RUNNING = "i-gang", _("I gang")
    ENDED = "afsluttet", _("Afsluttet")
    ANCHORED = "forankret", _("Forankret i drift")


class Vocabulary(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("navn"), max_length=100)
    name_en = models.CharField(_("navn på engelsk"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the reader's language: English on English pages where it has
        an English name, else the Danish one."""
        language = translation.get_language() or ""
        if self.name_en and language.startswith("en"):
            return self.name_en
        return self.name


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Theme(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
