from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from guidelines.models import SitePage


class CasebookIndexPage(SitePage):
    """The casebook: local programmes and information meetings (/casebog/)."""

    intro = models.TextField(_("introduktion"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("casebog")
