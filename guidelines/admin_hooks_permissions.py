"""Admin hooks that keep pages from users without permissions on them.

Wagtail confines the explorer, page search, editing, previews, revisions and
reports to the pages a user has permissions on, but three views name any page
asked for, by its draft title: the move confirmation, the bulk actions'
confirmation (which lists the pages the user may *not* act on) and the page
chooser (which lists every page for links, unpublished ones too, and answers
for any page id). Regional editors must not see other regions' drafts there either.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import RegionPage


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    # Runs before Wagtail renders the confirmation; Wagtail checks only when moving.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class NamesOnlyExplorablePagesMixin:
    """Of the chosen pages the user may not act on, name only those they can explore."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        explorable = PagePermissionPolicy().explorable_instances(self.request.user)
        ids = set(explorable.values_list("pk", flat=True))
        context["items_with_no_access"] = [
            page for page in context["items_with_no_access"] if page.pk in ids
        ]
        return objects, context


for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    # order=1: registered after Wagtail's own, which these replace.
    hooks.register(
        "register_bulk_action",
        type(action.__name__, (NamesOnlyExplorablePagesMixin, action), {"__module__": __name__}),
        order=1,
    )


def drafts_outside_own_regions(user):
    """Pages in regions where `user` has no permissions whose listing would show a draft."""
    if user.is_superuser:
        return Page.objects.none()
    others = Q()
    for region_page in RegionPage.objects.all():
        if not region_page.permissions_for_user(user).permissions:
            others |= Q(path__startswith=region_page.path)
    if not others:
        return Page.objects.none()
    # Listings show draft_title, which is the draft's title while changes are pending.
    return Page.objects.filter(others).filter(Q(live=False) | Q(has_unpublished_changes=True))


@hooks.register("construct_page_chooser_queryset")
def hide_other_regions_drafts_from_chooser(pages, request):
    # Links to other regions' published pages stay possible.
    # pk__in, because the chooser's search runs this queryset through the search backend.
    return pages.exclude(pk__in=drafts_outside_own_regions(request.user).values("pk"))


class ChosenPagesView(ChosenMultipleView):
    """Wagtail's chooser answer for pages picked by id, without other regions' drafts.

    Wagtail has no hook for this view, so site/urls.py routes its URL here first.
    """

    def get(self, request):
        hidden = set(drafts_outside_own_regions(request.user).values_list("pk", flat=True))
        wanted = [pk for pk in request.GET.getlist("id") if pk.isdigit() and int(pk) not in hidden]
        request.GET = request.GET.copy()
        request.GET.setlist("id", wanted)
        return super().get(request)
