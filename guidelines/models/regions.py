"""The regions' own part of the site: /regioner/<region>/.

Regional adaptations and cases will live under each region's page, so that a
region's editors can be given permissions on that subtree alone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import IndexPage, SitePage
from .reference import Region


class RegionIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidelines.RegionPage"]

    class Meta:
        verbose_name = _("oversigt over regioner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = (
            RegionPage.objects.child_of(self).live().public().select_related("region")
        )
        return context


class RegionPage(SitePage):
    region = models.OneToOneField(
        Region, on_delete=models.PROTECT, related_name="page", verbose_name=_("region")
    )
    intro = models.TextField(_("introduktion"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("region"), FieldPanel("intro")]
    parent_page_types = ["guidelines.RegionIndexPage"]
    # Regional content lives here, so a region's editors can own it.
    subpage_types = ["casebook.CasePage"]

    class Meta:
        verbose_name = _("regionsside")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = self.region.municipalities.all()
        # The region's cases (casebook app), found through the region they name.
        context["cases"] = self.region.cases.filter(live=True).order_by("title")
        return context
