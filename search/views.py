"""The public search page and the autocomplete endpoint.

Everything the reader sends is checked here: the query is cleaned and parsed
(search.query), filter values must be well-formed and known to the index, and
the page number must be a number. Anything else becomes a notice on a normal
page, never an error.
"""

import re

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.facets import MAX_VALUES_PER_FACET, NATIONAL

from . import vocabulary
from .analysis import language_of
from .backends import SearchRequest, get_backend
from .query import parse, parse_prefix
from .units import EARLIER_VERSIONS, FACETS, INTERFACE_LABELS, KINDS, NAME_FACETS, facet_labels

RESULTS_PER_PAGE = 10
# ?udgaver=tidligere: superseded units (earlier editions) are searched too.
EARLIER_PARAMETER, EARLIER_VALUE = "udgaver", "tidligere"
# Facet values that have had another name: old links keep working.
RENAMED_VALUES = {("region", "hele-landet"): NATIONAL}
VALUE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
MAX_PAGE = 1000


def reader_language():
    """The active language, as the search analyses it: its results come first."""
    return language_of(get_language())


def read_filters(query_dict, backend, notices):
    """{facet: [values]} from the URL; malformed or unknown values dropped with a notice."""
    filters = {}
    for facet, heading in FACETS.items():
        values = [RENAMED_VALUES.get((facet, value), value) for value in query_dict.getlist(facet)]
        values = list(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
        good = [value for value in values if VALUE.match(value)]
        if facet == "type":
            known = {value for value in good if value in KINDS}
        else:
            known = backend.known_values(facet, good) if good else set()
        unknown = [value for value in values if value not in known]
        if unknown:
            notices.append(
                _("Filteret %(facet)s kender ikke “%(values)s”; det er ignoreret.")
                % {"facet": heading.lower(), "values": "”, “".join(v[:40] for v in unknown)}
            )
        if known:
            filters[facet] = [value for value in good if value in known]
    return filters


def read_earlier(query_dict, notices):
    """Whether the reader asked for earlier versions too; another value is ignored
    with a notice."""
    values = query_dict.getlist(EARLIER_PARAMETER)
    unknown = [value for value in values if value != EARLIER_VALUE]
    if unknown:
        notices.append(
            _("Filteret %(facet)s kender ikke “%(values)s”; det er ignoreret.")
            % {"facet": EARLIER_PARAMETER, "values": "”, “".join(v[:40] for v in unknown)}
        )
    return EARLIER_VALUE in values


def read_page(raw, notices):
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_PAGE:
        notices.append(_("Sidenummeret “%s” findes ikke; viser første side.") % raw[:20])
        return 1
    return number


def search(request):
    backend = get_backend()
    language = reader_language()
    query = parse(request.GET.get("q", ""), language)
    notices = list(query.notices)
    filters = read_filters(request.GET, backend, notices)
    earlier = read_earlier(request.GET, notices)
    requested_page = read_page(request.GET.get("side"), notices)
    results, any_words, did_you_mean = None, False, None
    if query.root is not None:
        search_request = SearchRequest(
            query,
            filters,
            requested_page,
            RESULTS_PER_PAGE,
            language=language,
            include_superseded=earlier,
        )
        results = backend.search(search_request)
        broader = query.any_words()
        if results.total == 0 and broader is not None:
            search_request.query = broader
            results = backend.search(search_request)
            any_words = results.total > 0
        target = (
            query.code and requested_page == 1 and the_recommendation(results, query.code, language)
        )
        if target:
            return redirect(target)
        # Every word the index does not know gets its nearest known word, even
        # when other readings of it (its compound parts) found something.
        did_you_mean = vocabulary.correction(query.text, language)
        if results.total and results.page != requested_page:
            notices.append(
                ngettext(
                    "Der er kun %(n)d side med resultater; den vises.",
                    "Der er kun %(n)d sider med resultater; viser den sidste.",
                    results.page,
                )
                % {"n": results.page}
            )
    elif not query.text and not request.GET.get("q") and filters:
        notices.append(_("Skriv et eller flere ord for at søge."))

    context = {
        "query": query.text,
        "notices": notices,
        "results": results,
        "any_words": any_words,
        "did_you_mean": did_you_mean,
        "did_you_mean_query": _without(request.GET, "side", q=did_you_mean) if did_you_mean else "",
        "filters": filters,
        "earlier": {
            "label": EARLIER_VERSIONS.get("label"),
            "name": EARLIER_PARAMETER,
            "value": EARLIER_VALUE,
            "checked": earlier,
        },
        "is_search_page": True,
        "query_without_page": _without(request.GET, "side", q=query.text),
    }
    if results is not None:
        paginator = Paginator(range(results.total), results.per_page)
        context["page_obj"] = paginator.get_page(results.page)
        for facet, values in results.facets.items():
            labels = facet_labels(facet, [(value.value, value.label) for value in values])
            for value in values:
                value.label = labels[value.value]
                value.is_name = facet in NAME_FACETS and value.value not in INTERFACE_LABELS.get(
                    facet, {}
                )
        context["facets"] = [
            (facet, FACETS[facet], results.facets.get(facet, [])) for facet in FACETS
        ]
        for hit in results.hits:
            hit.kind_label = KINDS.get(hit.kind, hit.kind)
            hit.other_language = hit.language if hit.language != language else ""
        context["document_scope"] = _document_scope(results, filters)
    return TemplateResponse(request, "search/search.html", context)


def the_recommendation(results, code, language):
    """The address of the one recommendation with this code among the results,
    in the reader's language; None if there is none or several (one code in
    several documents)."""
    found = [
        hit.url
        for hit in results.hits
        if hit.kind == "anbefaling"
        and hit.language == language
        and strip_tags(hit.title).lower().startswith(code.lower() + " ")
    ]
    return found[0] if len(found) == 1 else None


def _document_scope(results, filters):
    """The document's title when the search is limited to one document."""
    chosen = filters.get("dokument", [])
    if len(chosen) != 1:
        return None
    return next((v.label for v in results.facets.get("dokument", []) if v.selected), None)


def _without(query_dict, key, **replace):
    query = query_dict.copy()
    query.pop(key, None)
    for name, value in replace.items():
        query[name] = value
    return query.urlencode()


@require_GET
def suggest(request):
    """Autocomplete: up to 8 titles for what has been typed so far, as JSON."""
    language = reader_language()
    prefix = parse_prefix(request.GET.get("q", ""), language)
    suggestions = get_backend().suggest(prefix, language) if prefix else []
    return JsonResponse(
        {
            "query": request.GET.get("q", "")[:200],
            "suggestions": [{"label": s.label, "url": s.url, "type": s.kind} for s in suggestions],
        }
    )
