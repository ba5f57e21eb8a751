"""Pages behind a view restriction (a password, a login) stay out of every listing."""

from wagtail.models import Page


def private_q(request=None):
    """A Q for the pages behind a view restriction, or below one: Wagtail's
    PageQuerySet.private_q(), which costs a query, worked out once per request
    however many lists on the page leave them out."""
    cached = getattr(request, "_private_pages_q", None)
    if cached is None:
        cached = Page.objects.all().private_q()
        if request is not None:
            request._private_pages_q = cached
    return cached
