"""What regional editors see in the admin about upstream changes.

- a panel at the top of an adaptation's edit form with the changed sections'
  differences (the editions comparison, narrowed to those sections),
- a report listing every adaptation the user can edit that needs review,
- a dashboard panel pointing at that report when there is something in it.
"""

from django.shortcuts import render
from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy


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


def adaptations_for(user):
    """The adaptations `user` may edit, their documents shared so editions load once each."""
    from ..models import RegionalAdaptationPage

    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    pages = list(
        # Aliases (untranslated English pages) follow their original: nothing to review.
        RegionalAdaptationPage.objects.filter(pk__in=editable.values("pk"), alias_of__isnull=True)
        .select_related("document", "based_on")
        .prefetch_related("section_adaptations")
        .order_by("path")
    )
    documents = {}
    for page in pages:
        page.document = documents.setdefault(page.document_id, page.document)
    return pages


def needing_review(user):
    return [page for page in adaptations_for(user) if page.review.needed]


def review_list_view(request):
    return render(
        request,
        "guidelines/admin/review_list.html",
        {"adaptations": needing_review(request.user), "header_icon": "warning"},
    )


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
