"""The admin report of adaptations that need review after a newer national edition,
and what the dashboard panel (adaptations/panels.py) counts."""

from django.shortcuts import render
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import RegionalAdaptationPage


def adaptations_for(user):
    """The adaptations `user` may edit, their documents shared so editions load once each."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    pages = list(
        # Aliases (untranslated English pages) follow their original: nothing to review.
        RegionalAdaptationPage.objects.filter(pk__in=editable.values("pk"), alias_of__isnull=True)
        .select_related("document", "based_on")
        .prefetch_related("section_adaptations", "recommendation_stances")
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
