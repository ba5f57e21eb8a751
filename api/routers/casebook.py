"""The casebook: cases (local programmes and initiatives) and the information
meetings they were presented at.

A case or a meeting is named by its slug, which its translation keeps, so the id is
the same in both languages; the text follows `lang`. The list of cases is filtered
and counted by the casebook's own facets (casebook/facets.py: the cases are read
once and filtered in memory), so a filter gives here what it gives on the site.
Only live, public pages are read; a case's contact is a role, never a person.
"""

import datetime

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as describe
from ninja import Query, Router
from ninja.errors import ValidationError

from casebook import facets
from casebook.models import CasePage, FundingPage, MeetingPage, MeetingSeries, MethodPage
from core.facets import NATIONAL
from core.i18n import content_language, default_locale, locale_by_id, locale_for, shown_pages
from guidelines.codes import code_slug
from guidelines.models import Region

from ..common import ERRORS, LangQuery, LimitQuery, OffsetQuery, Page, page_of
from ..schemas.casebook import (
    CaseFilters,
    CaseListOut,
    CaseOut,
    CasePath,
    MeetingFilters,
    MeetingOut,
    MeetingPath,
    MeetingSummaryOut,
)
from .documents import api_url as document_api_url
from .documents import page_url
from .refs import (
    api_url,
    in_language,
    is_public,
    one_of,
    public_pages,
    public_q,
    region_ref,
    rich_text_pair,
)

router = Router(tags=["Casebog"])

#: The API's filter names -> the casebook's facet parameters (the site's, in Danish).
FILTERS = {
    "region": "region",
    "municipality": "kommune",
    "target_group": "maalgruppe",
    "theme": "tema",
    "method": "metode",
    "funding": "finansiering",
    "status": "status",
    "period": "periode",
}
SORTS = {"newest": "nyeste", "title": "titel"}


def case_api_url(request, slug):
    return api_url(request, f"cases/{slug}/")


def meeting_api_url(request, slug):
    return api_url(request, f"meetings/{slug}/")


def linked_page(request, page):
    return {"slug": page.slug, "title": page.title, "url": page_url(request, page)}


# --- Cases ----------------------------------------------------------------------


def cases(request):
    """The live cases a reader may see, in the request's language."""
    return CasePage.objects.live().filter(
        public_q(request), locale=locale_for(request.api_language)
    )


def with_relations(queryset):
    """Cases with what a summary shows, in a fixed number of queries for any number."""
    return (
        queryset.select_related("region", "funding_source")
        .prefetch_related("municipalities", "target_groups", "themes", "methods")
        .annotate(source_locale_id=F("alias_of__locale_id"))
    )


def selection_of(filters, options):
    """The facets' Selection for the API's filters. The site drops an unknown value
    with a notice; here it is an error, lest a program take every case for the ones
    it asked for."""
    errors, values = [], {}
    for name, param in FILTERS.items():
        known = {value for value, _label in options[param]}
        chosen = list(dict.fromkeys(str(value).strip() for value in getattr(filters, name) or []))
        errors += [
            {
                "type": "value_error",
                "loc": ["query", name],
                "msg": gettext("Ukendt værdi: “%s”.") % value[:40],
            }
            for value in chosen
            if value not in known
        ]
        values[param] = chosen
    if errors:
        raise ValidationError(errors)
    return facets.Selection(values=values, sort=SORTS[filters.sort])


def facet_list(facet_results):
    names = {param: name for name, param in FILTERS.items()}
    return [
        {
            "name": names[result.facet.param],
            "label": str(result.facet.label),
            "options": [{**option, "label": str(option["label"])} for option in result.options],
        }
        for result in facet_results
        if result.facet.param in names
    ]


def linkable(model, request):
    """translation_key -> the live, public page of `model` a reader in the request's
    language is linked to: its version in that language, else the Danish one. One
    query for the whole catalogue (methods, funding sources: a few dozen pages), so
    a page of cases costs the same whatever its cases name."""
    locale = locale_for(request.api_language)
    locales = {found.pk for found in (locale, default_locale()) if found is not None}
    pages = {}
    for page in model.objects.live().filter(public_q(request), locale__in=locales):
        if page.translation_key not in pages or page.locale_id == getattr(locale, "pk", None):
            pages[page.translation_key] = page
    return pages


def case_summaries(request, found):
    """The summaries of `found` (cases read by with_relations), with their methods
    and funding sources in the request's language: a fixed number of queries."""
    methods, sources = linkable(MethodPage, request), linkable(FundingPage, request)
    return [case_summary(request, case, methods, sources) for case in found]


def case_summary(request, case, methods, sources):
    shown_methods = [methods.get(m.translation_key) for m in case.methods.all()]
    source = sources.get(case.funding_source.translation_key) if case.funding_source else None
    return {
        "id": case.slug,
        "title": case.title,
        "summary": case.summary,
        "region": region_ref(request, case.region) if case.region else None,
        "municipalities": [{"code": m.code, "name": m.name} for m in case.municipalities.all()],
        "target_groups": [{"slug": t.slug, "name": t.label} for t in case.target_groups.all()],
        "themes": [{"slug": t.slug, "name": t.label} for t in case.themes.all()],
        "methods": [
            linked_page(request, m)
            for m in sorted(filter(None, shown_methods), key=lambda m: m.title.casefold())
        ],
        "start_year": case.start_year,
        "end_year": case.end_year,
        "period": case.period,
        "status": case.status,
        "status_label": str(case.get_status_display()),
        "funding_source": linked_page(request, source) if source else None,
        "language": content_language(case),
        "is_demo": case.is_demo,
        "last_published_at": case.last_published_at,
        "url": page_url(request, case),
        "api_url": case_api_url(request, case.slug),
    }


def case_recommendations(request, case):
    """The recommendations the case puts into practice, each in the document's
    version in the case's language; links to documents readers may not see are left out."""
    rows = case.linked_recommendations
    visible = {
        page.pk
        for page in shown_pages(
            [document for _link, document, _entry in rows], locale_by_id(case.locale_id)
        )
    }
    found = []
    for link, document, entry in rows:
        if document.pk not in visible or not is_public(document, request):
            continue
        route = document.reverse_subpage("recommendation", args=[code_slug(link.code)])
        found.append(
            {
                "id": f"{document.slug}/{link.code}",
                "code": link.code,
                "document": document.slug,
                "title": entry.title if entry else None,
                "current": entry is not None,
                "url": page_url(request, document, route),
                "api_url": document_api_url(
                    request, f"{document.slug}/recommendations/{code_slug(link.code)}/"
                ),
            }
        )
    return found


def meeting_ref(request, meeting):
    return {
        "id": meeting.slug,
        "title": meeting.title,
        "date": meeting.date,
        "url": page_url(request, meeting),
        "api_url": meeting_api_url(request, meeting.slug),
    }


@router.get(
    "cases/",
    response={200: CaseListOut, **ERRORS},
    summary=describe("Cases"),
    description=describe(
        "Casebogens cases, filtreret efter dens filtre (region, kommune, målgruppe, tema, "
        "metode, finansiering, status, startår), med antal for hver værdi. En ukendt "
        "værdi giver 422."
    ),
)
@in_language
def list_cases(
    request,
    filters: Query[CaseFilters],
    lang: LangQuery = None,
    limit: LimitQuery = 20,
    offset: OffsetQuery = 0,
):
    options = facets.all_options(CasePage)
    selection = selection_of(filters, options)
    found, facet_results, _table = facets.apply(cases(request), selection, options)
    wanted = found[offset : offset + limit]
    read = with_relations(CasePage.objects.filter(pk__in=wanted)).in_bulk()
    items = case_summaries(request, [read[pk] for pk in wanted if pk in read])
    return {
        **page_of(request, items, len(found), limit, offset),
        "facets": facet_list(facet_results),
    }


@router.get(
    "cases/{case}/",
    response={200: CaseOut, **ERRORS},
    summary=describe("En case"),
    description=describe(
        "En case med alle sine offentlige oplysninger: fakta, hvad der blev gjort, "
        "resultater, de anbefalinger den omsætter, og møderne, hvor den blev præsenteret. "
        "Kontakten er en rolle, aldrig en person."
    ),
)
@in_language
def get_case(request, case: CasePath, lang: LangQuery = None):
    page = one_of(with_relations(cases(request)), case)
    what_was_done, what_was_done_md = rich_text_pair(page.what_was_done, request)
    results, results_md = rich_text_pair(page.results, request)
    return {
        **case_summaries(request, [page])[0],
        "funding": page.funding,
        "partners": page.partners,
        "contact_role": page.contact_role,
        "what_was_done_html": what_was_done,
        "what_was_done_markdown": what_was_done_md,
        "results_html": results,
        "results_markdown": results_md,
        "review_date": page.review_date,
        "recommendations": case_recommendations(request, page),
        "meetings": [meeting_ref(request, m) for m in public_pages(page.presented_at, request)],
        "collaborations": [
            linked_page(request, c) for c in public_pages(page.collaborations, request)
        ],
    }


# --- Meetings -------------------------------------------------------------------


def meetings(request):
    """The live meetings a reader may see, in the request's language."""
    return (
        MeetingPage.objects.live()
        .filter(public_q(request), locale=locale_for(request.api_language))
        .select_related("region", "series")
        .annotate(source_locale_id=F("alias_of__locale_id"))
    )


def filtered_meetings(found, filters):
    """`found` narrowed by the filters; an unknown region or series is a 422."""
    errors = []
    if filters.region is not None:
        if filters.region == NATIONAL:
            found = found.filter(region__isnull=True)
        elif filters.region in set(Region.objects.values_list("slug", flat=True)):
            found = found.filter(region__slug=filters.region)
        else:
            errors.append(("region", filters.region))
    if filters.series is not None:
        if filters.series in set(MeetingSeries.objects.values_list("slug", flat=True)):
            found = found.filter(series__slug=filters.series)
        else:
            errors.append(("series", filters.series))
    if errors:
        raise ValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ["query", name],
                    "msg": gettext("Ukendt værdi: “%s”.") % value[:40],
                }
                for name, value in errors
            ]
        )
    if filters.upcoming is not None:
        today = timezone.localdate()  # as MeetingPage.upcoming counts it
        found = found.filter(date__gte=today) if filters.upcoming else found.filter(date__lt=today)
    return found


def clock(time):
    return time.strftime("%H:%M") if time else None


def moment(date, time):
    """A meeting's time of day as an aware datetime: the site's times are Danish."""
    if time is None:
        return None
    return datetime.datetime.combine(date, time, tzinfo=timezone.get_default_timezone())


def meeting_summary(request, meeting):
    series = meeting.series
    return {
        "id": meeting.slug,
        "title": meeting.title,
        "series": {"slug": series.slug, "name": series.label} if series else None,
        "date": meeting.date,
        "start_time": clock(meeting.start_time),
        "end_time": clock(meeting.end_time),
        "starts_at": moment(meeting.date, meeting.start_time),
        "ends_at": moment(meeting.date, meeting.end_time),
        "place": meeting.place,
        "region": region_ref(request, meeting.region) if meeting.region else None,
        "summary": meeting.summary,
        "upcoming": meeting.upcoming,
        "language": content_language(meeting),
        "is_demo": meeting.is_demo,
        "last_published_at": meeting.last_published_at,
        "url": page_url(request, meeting),
        "api_url": meeting_api_url(request, meeting.slug),
    }


def material(request, item):
    href = item.href
    return {
        "title": item.title,
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        "url": request.build_absolute_uri(href) if href.startswith("/") else href,
        "file_extension": item.document.file_extension if item.document_id else None,
    }


@router.get(
    "meetings/",
    response={200: Page[MeetingSummaryOut], **ERRORS},
    summary=describe("Informationsmøder"),
    description=describe(
        "Informationsmøderne, nyeste først; kan filtreres efter region, serie og tid."
    ),
)
@in_language
def list_meetings(
    request,
    filters: Query[MeetingFilters],
    lang: LangQuery = None,
    limit: LimitQuery = 20,
    offset: OffsetQuery = 0,
):
    found = filtered_meetings(meetings(request), filters)
    found = found.order_by("-date", "-start_time", "title", "pk")
    count = found.count()
    items = [meeting_summary(request, m) for m in found[offset : offset + limit]]
    return page_of(request, items, count, limit, offset)


@router.get(
    "meetings/{meeting}/",
    response={200: MeetingOut, **ERRORS},
    summary=describe("Et informationsmøde"),
    description=describe(
        "Et møde: tid og sted, arrangør og inviterede, program, materialer, de cases der "
        "præsenteres, og tilmelding, så længe mødet ikke er holdt."
    ),
)
@in_language
def get_meeting(request, meeting: MeetingPath, lang: LangQuery = None):
    page = one_of(meetings(request), meeting)
    programme, programme_md = rich_text_pair(page.programme, request)
    registration = None
    if page.upcoming:
        registration = {
            "url": page.registration_url or None,
            "contact": page.registration_contact or None,
        }
    return {
        **meeting_summary(request, page),
        "organiser": page.organiser,
        "audience": page.audience,
        "programme_html": programme,
        "programme_markdown": programme_md,
        "materials": [material(request, item) for item in page.shown_materials()],
        "registration": registration,
        "cases": [
            {
                "id": case.slug,
                "title": case.title,
                "summary": case.summary,
                "url": page_url(request, case),
                "api_url": case_api_url(request, case.slug),
            }
            for case in public_pages(page.cases(), request)
        ],
        "calendar_url": page_url(request, page, page.reverse_subpage("calendar")),
    }
