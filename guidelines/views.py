"""Views outside the page tree: the site's editions feed, what changed (/aendringer/),
dotted recommendation codes, and the door to the region choice."""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.views import serve

from core.i18n import active_locale

from .changes import latest_changes
from .codes import code_slug
from .editions.feeds import EditionsFeed
from .models import GuidanceDocumentPage, GuidanceIndexPage, prefetch_editions


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
        return prefetch_editions(GuidanceDocumentPage.objects.live().filter(locale=active_locale()))


def changes(request):
    """/aendringer/: editions released and regional adaptations published, newest first."""
    return TemplateResponse(
        request, "guidelines/changes.html", {"changes": latest_changes(request)}
    )


class ChangesFeed(Feed):
    """/aendringer/feed/: the same list as Atom."""

    feed_type = Atom1Feed
    title = _("Ændringer i vejledningen")
    subtitle = _("Nye udgaver af de nationale dokumenter og regionernes tilpasninger")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self):
        return reverse("guidelines:changes")

    def items(self):
        return latest_changes(self.request)

    def item_title(self, entry):
        return f"{entry.kind_label}: {entry.title} ({entry.label})"

    def item_description(self, entry):
        if entry.effective_date is None:
            return entry.summary
        # Translators: Date format (Django date filter): English has no dot after the day.
        effective = dateformat.format(entry.effective_date, gettext("j. F Y"))
        return f"{_('Gælder fra')} {effective}. {entry.summary}"

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return f"{entry.url}#{entry.when.isoformat()}"

    def item_pubdate(self, entry):
        return entry.when

    def item_updateddate(self, entry):
        return entry.when


def recommendation_dotted_code(request, document_path, code):
    """/…/anbefaling/3.2/ -> /…/anbefaling/3-2/: codes are cited with dots, but
    Wagtail's page paths allow none, so the dotted form redirects permanently.
    The request's own path is kept up to the code, with its language prefix (/en/)."""
    base = request.path[: -len(f"{code}/")]
    return redirect(f"{base}{code_slug(code)}/", permanent=True)


def same_origin(request):
    """Whether a form post comes from a page of this site, by what the browser says:
    Origin, or Sec-Fetch-Site where a browser sends no Origin. A client that sends
    neither (not a browser) cannot be led by another site."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return urlsplit(origin).netloc == request.get_host()
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") in ("same-origin", "none")


@csrf_exempt
def region_choice(request, index_path):
    """The region choice page (RegionIndexPage's "vaelg/" route), served as Wagtail
    serves it, but without CSRF's cookie: the form only sets the reader's region
    preference, a cookie that holds a region's name. Posts from another site are
    refused (Origin), so no site can choose a reader's region for them."""
    if request.method == "POST" and not same_origin(request):
        return HttpResponseForbidden(_("Valget af region skal ske fra denne side."))
    return serve(request, index_path + "vaelg/")
