"""The public search page.

For now this is Wagtail's own database search over live, public pages; the
Danish analysis and the facets of the search issue replace it.
"""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Drop control characters and collapse whitespace; cut overlong input."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    """Plain lower-case words only: quotes, `*`, `-`, `:` and upper-case OR/NEAR
    are operators to SQLite FTS5 and PostgreSQL, and a reader never means them."""
    return " ".join(re.findall(r"\w+", query.lower()))


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    message = None
    results = Page.objects.none()
    if raw_query and not query:
        message = _("Skriv et eller flere ord for at søge.")
    elif len(raw_query) > MAX_QUERY_LENGTH:
        message = _("Søgningen var for lang og er forkortet til %(n)d tegn.") % {
            "n": MAX_QUERY_LENGTH
        }
    terms = search_terms(query)
    if terms:
        results = Page.objects.live().public().specific().search(terms, operator="and")

    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("side"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "page_obj": page_obj, "message": message, "is_search_page": True},
    )
