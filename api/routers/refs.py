"""What the casebook's and the regions' routers share: looking a page up by its
slug, which pages a reader may see, regions as other objects name them, pages
linked in the reader's language, and rich text as HTML and Markdown."""

import functools
import re

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import expand_db_html

from core.i18n import shown_pages

from ..bodies import base_url, text_pair


def in_language(view):
    """Run `view` in the request's language (request.api_language). The API's
    middleware sets it, but LocaleMiddleware, after it, activates the default
    language for every address outside the language prefixes, /api/ included;
    labels from the code (status, vocabularies, facets, errors) need the request's."""

    @functools.wraps(view)
    def in_request_language(request, *args, **kwargs):
        with translation.override(request.api_language):
            return view(request, *args, **kwargs)

    return in_request_language


#: A slug: anything else names nothing (and never reaches the database).
SLUG = re.compile(r"[-\w]+")


def one_of(queryset, slug):
    """The object of `queryset` with this slug, or 404 (a malformed slug too)."""
    found = queryset.filter(slug=slug).order_by("pk").first() if SLUG.fullmatch(slug) else None
    if found is None:
        raise Http404
    return found


def restricted_paths(request):
    """The paths of the pages whose subtrees are behind a view restriction as Wagtail
    serves them: each restricted page, and each alias of one. Page.get_view_restrictions
    gives an alias its source's restrictions, but PageQuerySet.public() does not look
    at aliases, so the English alias of a Danish page behind a password would pass it
    (the site asks for the password; a list would show it). Read once per request:
    one query, and one per level of aliases (one, in practice)."""
    found = getattr(request, "_api_restricted_paths", None)
    if found is None:
        paths = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
        sources = set(paths)
        while sources:
            aliases = dict(
                Page.objects.filter(alias_of_id__in=sources)
                .exclude(pk__in=list(paths))
                .values_list("pk", "path")
            )
            paths.update(aliases)
            sources = set(aliases)
        found = request._api_restricted_paths = tuple(sorted(paths.values()))
    return found


def public_q(request):
    """A Q for the pages a reader may see without a password or a login."""
    restricted = Q()
    for path in restricted_paths(request):
        restricted |= Q(path__startswith=path)
    return ~restricted if restricted else Q()


def is_public(page, request):
    """Whether a reader may see `page`, read from the request's restricted paths (no query)."""
    return not page.path.startswith(restricted_paths(request))


def public_pages(pages, request):
    return [page for page in pages if is_public(page, request)]


def api_url(request, path):
    return base_url(request) + "/api/v1/" + path


def region_ref(request, region):
    return {
        "slug": region.slug,
        "name": region.name,
        "api_url": api_url(request, f"regions/{region.slug}/"),
    }


def shown_by_key(pages, locale, request):
    """translation_key -> the live, public version in `locale` of each page (else the
    page itself, if it is live and public): what a reader in that language is linked
    to. Two queries for all of them."""
    shown = public_pages(shown_pages(pages, locale), request)
    return {page.translation_key: page for page in shown}


def rich_text_pair(value, request):
    """(HTML, Markdown) of a rich text field, its page and document links expanded."""
    return text_pair(expand_db_html(value or ""), base_url(request))
