"""Putting sibling pages in a given order (Wagtail keeps it in the tree paths)."""

from wagtail.models import Page


def move_into_order(parent, wanted):
    """Move the children of `parent` with the page ids `wanted` so that they stand
    in that order, first among its children. Nothing moves when they already do."""
    current = list(
        Page.objects.child_of(parent)
        .filter(pk__in=wanted)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    if current == list(wanted):
        return
    previous = None
    for pk in wanted:
        page = Page.objects.get(pk=pk)
        if previous is None:
            page.move(parent, pos="first-child")
        else:
            page.move(previous, pos="right")
        previous = Page.objects.get(pk=pk)  # moving changed its path
