"""What regional editors see in the admin about upstream changes (no models here:
the adaptation model uses these panels, adaptations/reports.py finds the pages).

- a panel at the top of an adaptation's edit form with the changed sections'
  differences (the editions comparison, narrowed to those sections),
- a dashboard panel pointing at the report when there is something in it.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component


class ReviewPanel(Panel):
    """Shown in the editor only when a newer national edition changed an adapted section."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "guidelines/admin/review_panel.html"

        def is_shown(self):
            page = self.instance
            return bool(page.pk and page.document_id and page.review.needed)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["review"] = self.instance.review
            context["compare_url"] = self.instance.review.compare_url()
            return context


def review_list_url():
    return reverse("guidelines_adaptation_reviews")


class ReviewDashboardPanel(Component):
    name = "adaptation_reviews"
    template_name = "guidelines/admin/review_dashboard_panel.html"
    order = 90

    def __init__(self, adaptations):
        self.adaptations = adaptations

    def get_context_data(self, parent_context):
        return {"adaptations": self.adaptations, "list_url": review_list_url()}
