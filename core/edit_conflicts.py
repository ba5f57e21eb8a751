"""Saving a page or snippet from a form older than its latest version is refused.

Wagtail's editor posts the revision it was opened on (`loaded_revision_id` and
`loaded_revision_created_at`, or `overwrite_revision_id` once it has autosaved) and
checks it, but only for autosave: a form submitted by its Save or Publish button
replaces whatever another editor saved meanwhile. Here that submission is refused
as well: the editor gets the form back with their own changes in it, told in Danish
who saved what when, with links to that version and to what changed. The form now
stands on the latest version, so saving it again (after merging by hand) is a
deliberate choice; the other editor's version stays in the history either way.

Wagtail's own concurrent-editing notices (WAGTAIL_EDITING_SESSION_PING_INTERVAL)
tell editors sooner, while they type; this is the check that holds without them.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView as WagtailPageEditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.views.snippets import EditView as WagtailSnippetEditView


class RefuseStaleSaves:
    """For Wagtail's edit views, which know `is_out_of_date` and `latest_revision`."""

    def is_stale_save(self):
        return not self.expects_json_response and self.is_out_of_date

    def based_on_revision(self):
        """The revision the refused form was based on, if it still exists."""
        pk = self.request.POST.get("overwrite_revision_id") or self.request.POST.get(
            "loaded_revision_id"
        )
        if not str(pk).isdigit():
            return None
        return self.revisions().filter(pk=pk).first()

    def refuse_stale_save(self, view_url, compare_url_name, compare_args):
        latest = self.latest_revision
        user = get_user_display_name(latest.user) if latest.user else gettext("en anden")
        based_on = self.based_on_revision()
        buttons = [messages.button(view_url, gettext("Se den nyeste version"), new_window=True)]
        if based_on is not None and based_on.pk != latest.pk:
            buttons.append(
                messages.button(
                    reverse(compare_url_name, args=[*compare_args, based_on.pk, latest.pk]),
                    gettext("Se hvad der er ændret"),
                    new_window=True,
                )
            )
        messages.error(
            self.request,
            gettext(
                "%(user)s har gemt en nyere version (%(time)s), efter du åbnede formularen. "
                "Dine ændringer er ikke gemt, så intet af det, %(user)s gemte, er gået tabt. "
                "Dine ændringer står stadig herunder: se den nyeste version, og gem igen, "
                "hvis dine ændringer skal afløse den (den kan altid findes i historikken)."
            )
            % {
                "user": user,
                "time": formats.date_format(
                    timezone.localtime(latest.created_at), "SHORT_DATETIME_FORMAT"
                ),
            },
            buttons=buttons,
        )
        # Shown again with the editor's changes; no autosave until they choose to save.
        self.autosave_enabled = False


class RefuseStalePageSaves(RefuseStaleSaves):
    """For the page edit view and the revert view (an edit form filled from an older
    revision, which saves over whatever is newest)."""

    def revisions(self):
        return self.real_page_record.revisions

    def post(self, request, *args, **kwargs):
        if self.page.alias_of_id or not self.is_stale_save():
            return super().post(request, *args, **kwargs)
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.refuse_stale_save(
            reverse(
                "wagtailadmin_pages:revisions_view", args=[self.page.pk, self.latest_revision.pk]
            ),
            "wagtailadmin_pages:revisions_compare",
            [self.page.pk],
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


class PageEditView(RefuseStalePageSaves, WagtailPageEditView):
    pass


class PageRevertView(RefuseStalePageSaves, RevisionsRevertView):
    pass


class ConflictSafePageViewSet(PageViewSet):
    """Wagtail's views for every page type (registered for Page, as Wagtail's own
    default is), with the edit and revert views above."""

    edit_view_class = PageEditView
    revisions_revert_view_class = PageRevertView


class SnippetEditView(RefuseStaleSaves, WagtailSnippetEditView):
    """The edit view of a snippet with revisions (RevisionMixin): set it as the
    viewset's `edit_view_class`."""

    def revisions(self):
        return self.object.revisions

    def is_valid(self, form):
        if not self.is_stale_save():
            return super().is_valid(form)
        self.refuse_stale_save(
            self.get_edit_url(), self.revisions_compare_url_name, [quote(self.object.pk)]
        )
        self.produced_error_message = None  # the message above says it all
        return False
