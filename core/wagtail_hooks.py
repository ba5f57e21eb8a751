from wagtail import hooks

from .drafts import hidden_from_viewer
from .edit_conflicts import ConflictSafePageViewSet


# Registered for Page, after Wagtail's own default (order=-1), which it replaces.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return ConflictSafePageViewSet()


# Listings leave out the pages never published that the user may not see (drafts.py).
@hooks.register("construct_explorer_page_queryset")
def explorer_without_others_drafts(parent_page, pages, request):
    return hidden_from_viewer(pages)


@hooks.register("construct_page_chooser_queryset")
def chooser_without_others_drafts(pages, request):
    # pk__in (in hidden_from_viewer): the chooser's search runs this through the search backend.
    return hidden_from_viewer(pages)
