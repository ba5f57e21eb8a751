from wagtail import hooks

from .edit_conflicts import ConflictSafePageViewSet


# Registered for Page, after Wagtail's own default (order=-1), which it replaces.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return ConflictSafePageViewSet()
