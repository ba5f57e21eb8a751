"""Search: the site's search page as data.

The same query analysis (search.query.parse: stems, compound parts, synonyms,
quoted phrases), the same backend and ranking, the same filters under the same
names (so /soeg/?q=…&tema=… and /api/v1/search/?q=…&tema=… give the same
results), the same fallback to any of the words when none has them all. Only
the paging differs: limit and offset instead of the page number. The index holds
only live, public pages (search.indexing), so drafts and private pages are never
found."""

import html
from typing import Annotated, Literal

from django.http import QueryDict
from django.utils.html import strip_tags
from django.utils.translation import gettext_noop as describe
from ninja import Query, Router
from pydantic import StringConstraints

from search import vocabulary
from search.analysis import language_of
from search.backends import SearchRequest, get_backend
from search.query import MAX_QUERY_LENGTH, parse
from search.units import FACETS, KINDS, facet_labels
from search.views import read_filters

from ..common import ERRORS, LangQuery, LimitQuery, page_of
from ..objects import api_address, identify, named_pages
from ..schemas.search import SearchResultsOut

router = Router(tags=["Søgning"])

#: The site's result types -> the API's kinds (search.units.KINDS; api/objects.py).
API_KINDS = {
    "dokument": "document",
    "afsnit": "section",
    "anbefaling": "recommendation",
    "udgave": "edition",
    "tilpasning": "adaptation",
    "case": "case",
    "moede": "meeting",
}
#: An edition's unit ref (guidelines/search_units.py) before the edition's slug.
EDITION_REF = "udgave-"
#: How far results can be paged: the first 10,000, as on the search page (1000 pages
#: of 10; Elasticsearch's default result window), with room for the page size (100)
#: and the larger backend page that `window` may ask for (a few results more).
MAX_OFFSET = 9_800

SearchQuery = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        pattern=r"\S",
        description=describe(
            "Det, der søges efter (1–200 tegn), analyseret som på søgesiden: bøjninger og "
            "sammensatte ord findes, citationstegn søger en frase."
        ),
    ),
]


def facet_query(text):
    return Annotated[
        list[Annotated[str, StringConstraints(max_length=100)]] | None,
        Query(max_length=20, description=text),
    ]


#: The site's filters, under the site's names (search.units.FACETS; a test keeps
#: the two in step). A value may be given more than once: type=afsnit&type=anbefaling.
TypeFilter = facet_query(
    describe("Kun resultater af denne type (søgesidens typefilter, fx anbefaling).")
)
DocumentFilter = facet_query(describe("Kun resultater i dette dokument (dokumentets id)."))
RegionFilter = facet_query(
    describe("Kun resultater fra denne region (fx nordjylland; national for det landsdækkende).")
)
TargetGroupFilter = facet_query(describe("Kun cases og møder for denne målgruppe."))
ThemeFilter = facet_query(describe("Kun cases og møder om dette tema."))
OffsetQuery = Annotated[
    int,
    Query(
        ge=0,
        le=MAX_OFFSET,
        description=describe(
            "Hvor mange resultater der springes over (højst 9800: som på søgesiden kan de "
            "første 10.000 resultater vises)."
        ),
    ),
]
EarlierQuery = Annotated[
    Literal["tidligere"] | None,
    Query(
        description=describe(
            "tidligere: søg også i afløste udgaver (som søgesidens “Søg også i tidligere udgaver”)."
        )
    ),
]


def as_url_query(**chosen):
    """The filters as the search page's address has them (search.views.read_filters)."""
    query = QueryDict(mutable=True)
    for facet, values in chosen.items():
        query.setlist(facet, values or [])
    return query


def window(offset, limit):
    """(page, per_page, skip): the backend's page that holds items offset …
    offset+limit-1 and where they start in it. The backend pages by number, so the
    smallest page size from `limit` up whose one page covers the whole window."""
    per_page = limit
    while offset // per_page != (offset + limit - 1) // per_page:
        per_page += 1
    page = offset // per_page
    return page + 1, per_page, offset - page * per_page


def unit_key(key):
    """(page id, ref) of a hit's key "page:12/anbefaling-3-2"; (None, "") if other."""
    head, _slash, ref = key.partition("/")
    prefix, _colon, number = head.partition(":")
    if prefix != "page" or not number.isdigit():
        return None, ""
    return int(number), ref


def identities(hits):
    """{hit key: (id, API path)}: the pages of all hits read in one query."""
    keys = {hit.key: unit_key(hit.key) for hit in hits if hit.kind in API_KINDS}
    ids = {page_id for page_id, _ref in keys.values() if page_id}
    pages = named_pages(ids) if ids else {}
    found = {}
    for hit in hits:
        page_id, ref = keys.get(hit.key, (None, ""))
        if page_id not in pages:
            continue
        kind = API_KINDS[hit.kind]
        if kind == "edition":
            ref = ref.removeprefix(EDITION_REF)
        elif kind == "adaptation":
            ref = pages[page_id].adapts
        found[hit.key] = identify(kind, pages[page_id].url_path, ref)
    return found


def plain_text(marked):
    return html.unescape(strip_tags(str(marked)))


def hit_out(request, hit, identity):
    object_id, path = identity
    return {
        "kind": hit.kind,
        "kind_label": str(KINDS.get(hit.kind, hit.kind)),
        "id": object_id,
        "title": plain_text(hit.title),
        "title_html": str(hit.title),
        "snippet": plain_text(hit.snippet),
        "snippet_html": str(hit.snippet),
        "trail": hit.trail or "",
        "region": hit.region or None,
        "language": hit.language,
        "url": request.build_absolute_uri(hit.url),
        "api_url": api_address(request, path, hit.language),
    }


def facets_out(results):
    found = []
    for facet, heading in FACETS.items():
        values = results.facets.get(facet, []) if results else []
        labels = facet_labels(facet, [(value.value, value.label) for value in values])
        found.append(
            {
                "facet": facet,
                "heading": str(heading),
                "values": [
                    {
                        "value": value.value,
                        "label": labels[value.value],
                        "count": value.count,
                        "selected": value.selected,
                    }
                    for value in values
                ],
            }
        )
    return found


@router.get(
    "",
    response={200: SearchResultsOut, **ERRORS},
    summary=describe("Søgning"),
    description=describe(
        "Søg som på sidens søgeside: samme analyse af ordene (bøjninger, sammensatte ord, "
        "synonymer), samme rangering og samme filtre med samme navne. Finder intet alle "
        "ordene, vises resultater med mindst ét af dem (any_words). Kun udgivet, "
        "offentligt indhold."
    ),
)
def search(
    request,
    q: SearchQuery,
    type: TypeFilter = None,
    dokument: DocumentFilter = None,
    region: RegionFilter = None,
    maalgruppe: TargetGroupFilter = None,
    tema: ThemeFilter = None,
    udgaver: EarlierQuery = None,
    lang: LangQuery = None,
    limit: LimitQuery = 20,
    offset: OffsetQuery = 0,
):
    backend = get_backend()
    language = language_of(request.api_language)
    query = parse(q, language)
    notices = list(query.notices)
    chosen = as_url_query(
        type=type, dokument=dokument, region=region, maalgruppe=maalgruppe, tema=tema
    )
    filters = read_filters(chosen, backend, notices)
    results, any_words, did_you_mean, hits = None, False, None, []
    if query.root is not None:
        page, per_page, skip = window(offset, limit)
        search_request = SearchRequest(
            query,
            filters,
            page,
            per_page,
            language=language,
            include_superseded=udgaver == "tidligere",
        )
        results = backend.search(search_request)
        broader = query.any_words()
        if results.total == 0 and broader is not None:
            search_request.query = broader
            results = backend.search(search_request)
            any_words = results.total > 0
        did_you_mean = vocabulary.correction(query.text, language)
        # The backend answers its last page for a page beyond it: nothing there.
        hits = results.hits[skip : skip + limit] if results.page == page else []
    found = identities(hits)
    items = [hit_out(request, hit, found.get(hit.key, (None, None))) for hit in hits]
    paged = page_of(request, items, results.total if results else 0, limit, offset)
    if offset + limit > MAX_OFFSET:
        paged["next"] = None
    return {
        **paged,
        "query": query.text,
        "any_words": any_words,
        "approximate": bool(results and results.approximate),
        "did_you_mean": did_you_mean,
        "notices": [str(notice) for notice in notices],
        "facets": facets_out(results),
    }
