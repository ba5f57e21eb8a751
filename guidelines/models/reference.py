"""Regions and municipalities: reference data loaded by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.PositiveIntegerField(_("regionskode"), unique=True)
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    code = models.PositiveIntegerField(_("kommunekode"), unique=True)
    name = models.CharField(_("navn"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name
