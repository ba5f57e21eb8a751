"""What readers said, for the editors who can act on it: per page and per
document (answers, share of "Nej"), the comments to handle, and a CSV export.
Each editor sees the feedback on the pages they may edit (a regional editor:
their region's pages); feedback on a page since deleted, only superusers."""

import csv
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from casebook.models import CasePage, MeetingPage
from guidelines.models import GuidanceDocumentPage, RegionalAdaptationPage

from .models import PageFeedback

#: Pages whose feedback is also added up for the pages below them.
GROUPS = (GuidanceDocumentPage, RegionalAdaptationPage, CasePage, MeetingPage)


def feedback_for(user):
    rows = PageFeedback.objects.select_related("page")
    if user.is_superuser:
        return rows
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return rows.filter(page__in=editable.values("pk"))


@dataclass
class Tally:
    title: str
    url: str = ""
    yes: int = 0
    no: int = 0
    comments: int = 0
    paths: set = field(default_factory=set)

    @property
    def total(self):
        return self.yes + self.no

    @property
    def share_no(self):
        return round(100 * self.no / self.total) if self.total else 0

    def add(self, row):
        self.yes += row.helpful
        self.no += not row.helpful
        self.comments += bool(row.comment)


def tallies(rows):
    """([Tally per address], [Tally per document, adaptation, case or meeting])."""
    by_path, by_group = {}, {}
    pages = {row.page_id: row.page for row in rows if row.page_id}
    groups = (
        Page.objects.type(*GROUPS).filter(
            path__in={
                page.path[: n * Page.steplen]
                for page in pages.values()
                for n in range(1, page.depth + 1)
            }
        )
        if pages
        else Page.objects.none()
    )
    group_by_path = {group.path: group for group in groups}
    for row in rows:
        title = row.page.get_admin_display_title() if row.page else _("(slettet side)")
        by_path.setdefault(row.path, Tally(title, row.path)).add(row)
        if row.page is None:
            continue
        group = next(
            (
                group_by_path[row.page.path[:n]]
                for n in range(len(row.page.path), 0, -Page.steplen)
                if row.page.path[:n] in group_by_path
            ),
            None,
        )
        if group is not None:
            tally = by_group.setdefault(
                group.pk, Tally(group.get_admin_display_title(), group.url or "")
            )
            tally.add(row)
    return (
        sorted(by_path.values(), key=lambda t: (-t.no, -t.total, t.title)),
        sorted(by_group.values(), key=lambda t: (-t.no, -t.total, t.title)),
    )


def report_view(request):
    rows = list(feedback_for(request.user))
    if request.GET.get("format") == "csv":
        return export(rows)
    show_handled = request.GET.get("behandlede") == "1"
    comments = [row for row in rows if row.comment and (show_handled or not row.handled)]
    pages, groups = tallies(rows)
    return render(
        request,
        "feedback/admin/report.html",
        {"pages": pages, "groups": groups, "comments": comments, "show_handled": show_handled},
    )


def export(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tilbagemeldinger.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response)
    writer.writerow(
        [_("Modtaget"), _("Side"), _("Adresse"), _("Nyttig"), _("Kommentar"), _("Behandlet")]
    )
    for row in rows:
        writer.writerow(
            [
                row.created_at.isoformat(timespec="minutes"),
                row.page.get_admin_display_title() if row.page else "",
                row.path,
                _("Ja") if row.helpful else _("Nej"),
                # A leading =, +, - or @ would be a formula in a spreadsheet.
                ("'" + row.comment) if row.comment[:1] in ("=", "+", "-", "@") else row.comment,
                _("Ja") if row.handled else _("Nej"),
            ]
        )
    return response


@require_POST
def mark_handled(request, feedback_id):
    row = feedback_for(request.user).filter(pk=feedback_id).first()
    if row is None:
        messages.error(request, _("Du kan ikke behandle denne tilbagemelding."))
    else:
        PageFeedback.objects.filter(pk=row.pk).update(handled=request.POST.get("handled") != "0")
        messages.success(request, _("Tilbagemeldingen er markeret som behandlet."))
    return redirect("feedback_report")
