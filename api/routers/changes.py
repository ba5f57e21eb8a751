"""The changes feed: what was published or released since a moment, newest first,
for systems that keep a copy of the guidance (or a list of links to it) current.

Pages of the guidance (documents and sections), the regions' adaptations, cases
and meetings count when they were last published (Wagtail's last_published_at);
editions when they were released. Only live, public pages in the language asked
for, and editions of the documents shown in it (a translation without editions of
its own shows its original's, as the documents' endpoints do). Nothing from the
admin: no user names, no revisions, only what readers see.

The pages and the editions are paged together in one query (a UNION ordered by
time), so a page of the feed costs the same few queries at any size."""

import datetime
from typing import Annotated

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, IntegerField, OuterRef, Q, UUIDField, Value
from django.utils import timezone
from django.utils.translation import gettext_noop as describe
from ninja import Query, Router
from wagtail.models import Page

from casebook.models import CasePage, MeetingPage
from core.i18n import default_locale, locale_for
from guidelines.models import (
    Edition,
    GuidanceDocumentPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
)

from ..common import ERRORS, LangQuery, LimitQuery, OffsetQuery, page_of
from ..common import Page as PageOut
from ..objects import api_address, identify, named_pages
from ..schemas.changes import ChangeOut

router = Router(tags=["Ændringer"])

#: The page types the feed lists, by their kind.
PAGE_KINDS = {
    GuidanceDocumentPage: "document",
    GuidanceSectionPage: "section",
    RegionalAdaptationPage: "adaptation",
    CasePage: "case",
    MeetingPage: "meeting",
}
PAGE, EDITION = "page", "edition"

SinceQuery = Annotated[
    datetime.datetime,
    Query(
        description=describe(
            "Tidspunktet, ændringerne skal være sket efter, i ISO 8601, fx "
            "2026-01-01T00:00:00Z. Uden tidszone gælder dansk tid."
        )
    ),
]


def instant(value):
    """`value` as an aware moment (naive: the site's time zone), in UTC; a moment
    beyond what a datetime can hold in UTC becomes the first or last one."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        extreme = datetime.datetime.min if value.year == 1 else datetime.datetime.max
        return extreme.replace(tzinfo=datetime.UTC)


def kinds_by_type():
    """{content type id: kind} (ContentType's own cache: no query once warm)."""
    types = ContentType.objects.get_for_models(*PAGE_KINDS)
    return {types[model].pk: kind for model, kind in PAGE_KINDS.items()}


#: The columns both halves of the feed's UNION give, in this order: where the row
#: comes from, its id, its time, its title (an edition's label), its page type, an
#: edition's slug, and an edition's document and that document's translation key.
COLUMNS = ("source", "pk", "time", "heading", "page_type", "ref", "document_page", "document_key")


def published(locale, since, content_types):
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, content_type_id__in=content_types, last_published_at__gt=since)
        .annotate(
            source=Value(PAGE),
            time=F("last_published_at"),
            heading=F("title"),
            page_type=F("content_type_id"),
            ref=Value(""),
            document_page=Value(None, output_field=IntegerField()),
            document_key=Value(None, output_field=UUIDField()),
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def shown_documents(locale):
    """{document id: translation key} of the live, public documents in `locale`,
    and {translation key: document id} of those that show their original's
    editions (a translation without editions of its own)."""
    rows = (
        GuidanceDocumentPage.objects.live()
        .public()
        .filter(locale=locale)
        .annotate(own=Exists(Edition.objects.filter(document=OuterRef("pk"))))
        .values_list("pk", "translation_key", "own")
    )
    original = default_locale()
    shown, borrowing = {}, {}
    for pk, key, own in rows:
        shown[pk] = key
        if not own and original is not None and locale.pk != original.pk:
            borrowing[key] = pk
    return shown, borrowing


def released(since, shown, borrowing):
    mine = Q(document_id__in=list(shown))
    if borrowing:
        mine |= Q(document__translation_key__in=list(borrowing), document__locale=default_locale())
    return (
        Edition.objects.filter(mine, released_at__gt=since)
        .annotate(
            source=Value(EDITION),
            time=F("released_at"),
            heading=F("label"),
            page_type=Value(None, output_field=IntegerField()),
            ref=F("slug"),
            document_page=F("document_id"),
            document_key=F("document__translation_key"),
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def page_change(request, row, page):
    object_id, path = identify(row["kind"], page.url_path, page.adapts)
    return {
        "kind": row["kind"],
        "id": object_id,
        "title": page.title,
        "time": row["time"],
        "url": request.build_absolute_uri(page.get_url(request)),
        "api_url": api_address(request, path),
    }


def edition_change(request, row, document):
    slug = row["ref"]
    object_id, path = identify("edition", document.url_path, slug)
    route = GuidanceDocumentPage.get_resolver().reverse("edition", slug)
    return {
        "kind": "edition",
        "id": object_id,
        "title": f"{document.title}: {row['heading']}",
        "time": row["time"],
        "url": request.build_absolute_uri(document.get_url(request) + route),
        "api_url": api_address(request, path),
    }


@router.get(
    "",
    response={200: PageOut[ChangeOut], **ERRORS},
    summary=describe("Ændringer siden et tidspunkt"),
    description=describe(
        "Det, der er udgivet eller frigivet efter since, nyeste først: vejledningens "
        "dokumenter og afsnit, regionale tilpasninger, cases og informationsmøder (når de "
        "sidst blev udgivet) og udgaver (når de blev frigivet). Kun udgivet, offentligt "
        "indhold på det valgte sprog."
    ),
)
def list_changes(
    request,
    since: SinceQuery,
    lang: LangQuery = None,
    limit: LimitQuery = 20,
    offset: OffsetQuery = 0,
):
    since = instant(since)
    locale = locale_for(request.api_language)
    if locale is None:
        return page_of(request, [], 0, limit, offset)
    kinds = kinds_by_type()
    shown, borrowing = shown_documents(locale)
    timeline = published(locale, since, list(kinds)).union(
        released(since, shown, borrowing), all=True
    )
    count = timeline.count()
    rows = timeline.order_by("-time", "source", "-pk")[offset : offset + limit]

    rows = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    for row in rows:
        if row["source"] == PAGE:
            row["kind"] = kinds[row["page_type"]]
        elif row["document_page"] not in shown:
            # Shown under the document in this language: its translation's.
            row["document_page"] = borrowing.get(row["document_key"])
    # The pages and the editions' documents in one query, whatever the mix.
    wanted = [row["pk"] if row["source"] == PAGE else row["document_page"] for row in rows]
    pages = named_pages([pk for pk in wanted if pk is not None])
    items = []
    for row, pk in zip(rows, wanted, strict=True):
        if pk not in pages:
            continue
        if row["source"] == PAGE:
            items.append(page_change(request, row, pages[pk]))
        else:
            items.append(edition_change(request, row, pages[pk]))
    return page_of(request, items, count, limit, offset)
