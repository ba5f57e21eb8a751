"""What regional editors and moderators see in the admin beside the form (no
models here: the adaptation model uses these panels, adaptations/reports.py
finds the pages).

- a panel at the top of an adaptation's edit form with the changed sections'
  and recommendations' differences (the editions comparison, narrowed to them),
- a panel with the national text beside the region's own for each section it
  supplements or replaces, and the stances on a replaced section's
  recommendations, with a link to the comparison of what would be published,
- a dashboard panel pointing at the report when there is something in it.
"""

from django.template.loader import render_to_string
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


class SideBySidePanel(Panel):
    """The national text beside the local text, as the page was last saved: what
    the editor wrote and the moderator is asked to approve."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "guidelines/admin/side_by_side_panel.html"

        def is_shown(self):
            page = self.instance
            return bool(page.document_id and page.entries)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            context["sections"] = [
                {
                    "section": section,
                    "entry": entry,
                    # As an edition freezes it: the body without the reader's page around it.
                    "national": render_to_string(
                        "guidelines/editions/section_body.html",
                        {"section": section, "document": None},
                    ),
                    "stances": page.stance_rows(section) if entry.is_replaced else [],
                }
                for section, entry in page.versions()
                if entry is not None
            ]
            context["review"] = page.review
            if page.pk and page.latest_revision_id:
                context["compare_url"] = reverse(
                    "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]
                )
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
