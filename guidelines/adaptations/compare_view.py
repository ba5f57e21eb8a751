"""The admin's comparison of an adaptation's revisions against what readers see now.

A page that has never been published (or was unpublished) has no live version,
and its row holds the draft, so Wagtail's "compare with live" found no
differences. Here the live side of a page that is not live is an empty page:
the moderator sees everything the revision would publish. The models do not
import this module (it imports Wagtail's admin views); wagtail_hooks.py
registers the viewset.
"""

from django.utils.translation import gettext
from wagtail.admin.views.pages.revisions import RevisionsCompareView

from core.edit_conflicts import ConflictSafePageViewSet

from .new import AdaptationCreateView


class AdaptationRevisionsCompareView(RevisionsCompareView):
    def _get_revision_and_heading(self, revision_id):
        # Wagtail's "live" is the page's row, which holds the draft of a page that
        # was never published: compare such a page with nothing instead.
        if revision_id == "live" and not self.object.live:
            return type(self.object)(), gettext("Ikke udgivet (tom side)")
        return super()._get_revision_and_heading(revision_id)


class AdaptationPageViewSet(ConflictSafePageViewSet):
    """The page views of every page (with stale saves refused), with the comparison
    above and a new adaptation started from its document (new.py); wagtail_hooks.py
    registers it."""

    revisions_compare_view_class = AdaptationRevisionsCompareView
    add_view_class = AdaptationCreateView
