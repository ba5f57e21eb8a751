"""Admin hooks that keep pages from users without permissions on them.

Who sees which drafts is core/drafts.py's rule, applied to every admin view. Two
views go further and name pages the user may not act on: the move confirmation
(before Wagtail checks the move) and the bulk actions' confirmation (which lists
the chosen pages the user may *not* act on); these name only what the user may
explore.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.permission_policies.pages import PagePermissionPolicy


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
