"""What every operation shares: the language parameter, paging, error bodies, and
descriptions written in Danish and translated when the schema is served (so each
field is described in both languages: /api/v1/schema/?lang=en)."""

from typing import Annotated, Any, Generic, Literal, TypeVar

from django.utils.translation import gettext_noop as describe
from ninja import Field, Query, Schema

MAX_LIMIT = 100
DEFAULT_LIMIT = 20

Language = Literal["da", "en"]

LangQuery = Annotated[
    Language | None,
    Query(
        description=describe(
            "Sproget: da (dansk, standard) eller en (engelsk). Uden parameteren gælder "
            "Accept-Language."
        )
    ),
]
LimitQuery = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        description=describe("Hvor mange elementer en side højst har (1–100)."),
    ),
]
OffsetQuery = Annotated[
    int,
    Query(ge=0, le=1_000_000, description=describe("Hvor mange elementer der springes over.")),
]

T = TypeVar("T")


class Page(Schema, Generic[T]):
    count: int = Field(description=describe("Hvor mange elementer der er i alt."))
    next: str | None = Field(description=describe("Adressen på næste side, hvis der er en."))
    previous: str | None = Field(description=describe("Adressen på forrige side, hvis der er en."))
    items: list[T] = Field(description=describe("Elementerne på denne side."))


class Problem(Schema):
    detail: Any = Field(description=describe("Hvad der er galt med forespørgslen."))


#: The answers every read operation may give besides its 200.
ERRORS = {404: Problem, 422: Problem, 429: Problem}


def page_of(request, items, count, limit, offset):
    """A Page of `items` (this page's, already sliced) out of `count`, with the
    addresses of its neighbours (the request's own query, other offset)."""

    def at(start):
        query = request.GET.copy()
        query["offset"] = str(start)
        query["limit"] = str(limit)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    return {
        "count": count,
        "next": at(offset + limit) if offset + limit < count else None,
        "previous": at(max(0, offset - limit)) if offset > 0 else None,
        "items": items,
    }
