"""Who sees a page's draft in the admin: those who may work on the page.

A draft is a page never published or a live page's unpublished changes. A user
sees it where they hold a page permission (Wagtail's page permissions cover a
page's whole subtree), a superuser everywhere: a region's staff see their region's
drafts and no other's, national editors the national ones, nobody's drafts cross.

Wagtail already refuses other people's pages in the views that act on a page (edit,
revisions, preview, ...), but names pages in many more: the explorer, the choosers,
reports, confirmations, messages. Rather than patch each view, the rule is applied
where all of them pass:

- by id: `DraftBorderMiddleware` answers 404 to any admin URL that names, in its
  path or its page-id query parameters, a page never published that the user may
  not see, before any view runs;
- by name: Wagtail names a page through `get_admin_display_title()` everywhere in
  the admin, and the platform's pages (core.models.SitePage) answer there with the
  published title to a viewer who may not see the draft;
- in listings: the explorer's and the choosers' querysets leave out the pages
  never published that the user may not see (core/wagtail_hooks.py).
"""

import re
from contextvars import ContextVar
from functools import cache

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission, Page

# The admin request's viewer, while the admin answers it (set by the middleware).
VIEWER = ContextVar("draft_viewer", default=None)

# Path parameters that name a page, in Wagtail's and wagtail-localize's admin URLs.
PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
# Query parameters that name a page: the choosers' and move views' parent, the
# bulk actions' parent; `id` names pages in the page chooser and bulk actions.
PAGE_QUERY_PARAMETERS = {"parent_page_id", "page_to_move", "childOf"}


class DraftBorder:
    """What one user may see of drafts. Built once per request: it reads the
    user's page permissions once."""

    def __init__(self, user):
        self.user = user
        self.everywhere = user.is_active and user.is_superuser
        self.paths = (
            []
            if self.everywhere or not user.is_authenticated
            else sorted(
                set(
                    GroupPagePermission.objects.filter(group__user=user).values_list(
                        "page__path", flat=True
                    )
                )
            )
        )

    def may_see_draft(self, page):
        return self.everywhere or any(page.path.startswith(path) for path in self.paths)

    def own_pages(self):
        """A Q for the pages whose drafts the user may see."""
        own = Q()
        for path in self.paths:
            own |= Q(path__startswith=path)
        return own

    def hidden_pages(self):
        """Pages never published that the user may not see."""
        if self.everywhere:
            return Page.objects.none()
        unpublished = Page.objects.filter(live=False)
        return unpublished.exclude(self.own_pages()) if self.paths else unpublished

    def hides(self, page_ids):
        ids = {int(pk) for pk in page_ids if str(pk).isdigit()}
        return bool(ids) and self.hidden_pages().filter(pk__in=ids).exists()


def viewer():
    """The DraftBorder of the admin request being answered, or None outside one."""
    return VIEWER.get()


def hidden_from_viewer(pages):
    """`pages` without the pages never published that the admin's viewer may not see."""
    border = viewer()
    if border is None or border.everywhere:
        return pages
    return pages.exclude(pk__in=border.hidden_pages().values("pk"))


def admin_display_title(page):
    """The title the admin names `page` by for a viewer who may not see its draft,
    or None where the viewer may (Wagtail's, the draft's title)."""
    border = viewer()
    if border is None or not page.path or border.may_see_draft(page):
        return None
    # A page never published has no title but its draft's.
    return page.title if page.live else gettext("Upubliceret side")


class DraftBorderMiddleware:
    """Applies the border to admin requests: binds the viewer, refuses page ids."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = VIEWER.set(None)
        try:
            return self.get_response(request)
        finally:
            VIEWER.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not request.path.startswith(_admin_prefix()) or not request.user.is_authenticated:
            return None
        border = DraftBorder(request.user)
        VIEWER.set(border)
        if not border.everywhere and border.hides(_page_ids(match, request)):
            raise Http404
        return None


@cache
def _admin_prefix():
    return reverse("wagtailadmin_home")


def _names_pages(match):
    """Whether a URL's generic ids (pk, object_id, id=) are pages' ids."""
    kwargs = match.kwargs
    route = match.route.removeprefix(_admin_prefix()[1:])
    return re.match(r"(pages|api/main/\^pages|choose-page)/", route) or (
        kwargs.get("app_label"),
        kwargs.get("model_name"),
    ) == ("wagtailcore", "page")


def _page_ids(match, request):
    ids = [value for name, value in match.kwargs.items() if name in PAGE_PARAMETERS]
    ids += [value for name in PAGE_QUERY_PARAMETERS for value in request.GET.getlist(name)]
    if _names_pages(match):
        ids += [match.kwargs[name] for name in ("pk", "object_id") if name in match.kwargs]
        ids += request.GET.getlist("id")
    return ids
