from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from casebook.models import CasebookIndexPage
from core.models import SitePage
from guidelines.changes import latest_changes
from guidelines.models import GuidanceIndexPage, RegionIndexPage

# The three ways in, one per user group, in the order the home page shows them.
ENTRY_POINT_TYPES = (GuidanceIndexPage, RegionIndexPage, CasebookIndexPage)


class HomePage(SitePage):
    intro = models.TextField(_("introduktion"), blank=True)
    changes_count = 6

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forside")

    def entry_points(self):
        children = Page.objects.child_of(self).live().public().type(*ENTRY_POINT_TYPES).specific()
        order = {model: i for i, model in enumerate(ENTRY_POINT_TYPES)}
        return sorted(children, key=lambda page: order[type(page)])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = self.entry_points()
        # Editions and regional publications, not every re-published page (/aendringer/).
        context["changes"] = latest_changes(request, self.changes_count)
        return context


class StandardPage(SitePage):
    """A plain page such as "Om platformen" or the accessibility statement.

    Standard pages directly under the home page are linked from the footer.
    """

    intro = models.TextField(_("introduktion"), blank=True)
    body = RichTextField(
        _("indhold"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
