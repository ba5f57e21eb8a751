"""The casebook's fixed vocabularies, loaded by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("navn"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Theme(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
