"""Views outside the page tree: the site's editions feed and dotted recommendation codes."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from core.i18n import active_locale

from .codes import code_slug
from .editions.feeds import EditionsFeed
from .models import GuidanceDocumentPage, GuidanceIndexPage


class SiteEditionsFeed(EditionsFeed):
    """Releases of every document in the reader's language (/udgaver/feed/ and
    /en/udgaver/feed/)."""

    title = _("Nye udgaver af den nationale vejledning")
    subtitle = _("Frigivne udgaver af alle vejledningsdokumenter")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self):
        index = GuidanceIndexPage.objects.live().filter(locale=active_locale()).first()
        return index.get_url(self.request) if index else "/"

    def documents(self):
        return GuidanceDocumentPage.objects.live().filter(locale=active_locale())


def recommendation_dotted_code(request, document_path, code):
    """/…/anbefaling/3.2/ -> /…/anbefaling/3-2/: codes are cited with dots, but
    Wagtail's page paths allow none, so the dotted form redirects permanently.
    The request's own path is kept up to the code, with its language prefix (/en/)."""
    base = request.path[: -len(f"{code}/")]
    return redirect(f"{base}{code_slug(code)}/", permanent=True)
