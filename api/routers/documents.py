"""Guidance documents, their sections and recommendations, and their editions.

Identifiers are made of what never changes: a document's slug, a section's slug
under it, a recommendation's code (stable by design: guidelines/codes.py) and an
edition's slug. They are the same in both languages; the text follows `lang`.
Only live, public pages are read (a draft is in revisions, never here).
"""

from typing import Annotated

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_noop as describe
from ninja import Path, Router

from core.i18n import content_language, locale_for
from guidelines.codes import code_from_slug, code_slug
from guidelines.editions.diff import compare
from guidelines.editions.history import histories
from guidelines.laws import LAW_NAMES
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage

from ..bodies import absolute_html, base_url, markdown, text_pair
from ..common import ERRORS, LangQuery, LimitQuery, OffsetQuery, Page, page_of
from ..schemas.documents import (
    ComparisonOut,
    DocumentOut,
    DocumentSummaryOut,
    EditionOut,
    EditionSummaryOut,
    RecommendationOut,
    SectionOut,
    SectionSummaryOut,
)
from .refs import is_public, public_q

router = Router(tags=["Vejledninger"])

DocumentSlug = Annotated[
    str, Path(description=describe("Dokumentets id (dets navn i adressen), fx dobbeltdiagnose."))
]
SectionSlug = Annotated[str, Path(description=describe("Afsnittets navn i adressen."))]
CodeSlug = Annotated[
    str, Path(description=describe("Anbefalingens kode med bindestreg for punktum: 3.2 → 3-2."))
]
EditionSlug = Annotated[str, Path(description=describe("Udgavens navn i adressen."))]


def api_url(request, path):
    return base_url(request) + "/api/v1/documents/" + path


def documents(request, language=None):
    """The live documents a reader may see in `language` (default: the request's)
    (refs.public_q: an English alias of a document behind a password is behind it too)."""
    return (
        GuidanceDocumentPage.objects.live()
        .filter(public_q(request), locale=locale_for(language or request.api_language))
        .order_by("path")
    )


def document_or_404(request, slug, language=None):
    return get_object_or_404(documents(request, language), slug=slug)


def shown_sections(request, document):
    return [section for section in document.contents if is_public(section, request)]


def section_or_404(request, document, slug):
    return get_object_or_404(
        GuidanceSectionPage.objects.child_of(document).live().filter(public_q(request)),
        slug=slug,
    )


def page_url(request, page, route=""):
    return request.build_absolute_uri(page.get_url(request) + route)


def edition_ref(request, document, edition):
    if edition is None:
        return None
    return {
        "id": f"{document.slug}/{edition.slug}",
        "slug": edition.slug,
        "label": edition.label,
        "effective_date": edition.effective_date,
        "effective_month_only": edition.effective_month_only,
        "url": page_url(
            request, document, document.reverse_subpage("edition", args=[edition.slug])
        ),
        "api_url": api_url(request, f"{document.slug}/editions/{edition.slug}/"),
    }


def document_summary(request, document):
    return {
        "id": document.slug,
        "title": document.title,
        "short_title": document.short_title,
        "document_type": document.document_type,
        "issuers": document.issuers,
        "first_published": document.first_published,
        "first_published_month_only": document.first_published_month_only,
        "summary": document.summary,
        "language": content_language(document),
        "last_published_at": document.last_published_at,
        "url": page_url(request, document),
        "api_url": api_url(request, f"{document.slug}/"),
    }


def section_summary(request, document, section):
    return {
        "id": f"{document.slug}/{section.slug}",
        "slug": section.slug,
        "number": section.number,
        "title": section.title,
        "summary": section.summary,
        "last_published_at": section.last_published_at,
        "url": page_url(request, section),
        "api_url": api_url(request, f"{document.slug}/sections/{section.slug}/"),
    }


def legal_bases(value):
    return [
        {
            "law": basis["law"],
            "law_name": str(LAW_NAMES.get(basis["law"], basis["law"])),
            "paragraph": basis["paragraph"],
            "url": basis.get("url") or None,
        }
        for basis in value.get("legal_basis") or []
    ]


def status_of(history, code):
    badge = history.badge(code)
    if badge is None:
        return "unchanged", None
    return ("new" if badge.status == "added" else "changed"), badge.edition.label


def recommendation(request, document, section, value, history):
    code = value["code"]
    base = base_url(request)
    statement, statement_md = text_pair(value["statement"], base)
    rationale, rationale_md = text_pair(value.get("rationale"), base)
    status, since = status_of(history, code)
    return {
        "id": f"{document.slug}/{code}",
        "code": code,
        "document": document.slug,
        "section": section.slug if section else None,
        "title": value["title"],
        "strength": value.get("strength") or None,
        "statement_html": statement,
        "statement_markdown": statement_md,
        "rationale_html": rationale,
        "rationale_markdown": rationale_md,
        "legal_basis": legal_bases(value),
        "status": status,
        "status_edition": since,
        "url": page_url(
            request, document, document.reverse_subpage("recommendation", args=[code_slug(code)])
        ),
        "api_url": api_url(request, f"{document.slug}/recommendations/{code_slug(code)}/"),
    }


def withdrawn(request, document, code, found):
    """A code gone from the live text: its last text in an edition, marked withdrawn."""
    edition, value = found
    base = base_url(request)
    statement = absolute_html(value.get("html") or "", base)
    return {
        "id": f"{document.slug}/{code}",
        "code": code,
        "document": document.slug,
        "section": None,
        "title": value["title"],
        "strength": value.get("strength") or None,
        "statement_html": statement,
        "statement_markdown": markdown(statement) if statement else "",
        "rationale_html": "",
        "rationale_markdown": "",
        "legal_basis": [],
        "status": "withdrawn",
        "status_edition": edition.label,
        "url": page_url(
            request, document, document.reverse_subpage("recommendation", args=[code_slug(code)])
        ),
        "api_url": api_url(request, f"{document.slug}/recommendations/{code_slug(code)}/"),
    }


def withdrawn_codes(document, live_codes):
    """{code: (edition, recommendation)} of codes in an edition but not in the live
    text, from the newest edition that has each."""
    found = {}
    for edition in reversed(document.edition_list):
        for _section, value in edition.recommendations:
            if value["code"] not in live_codes and value["code"] not in found:
                found[value["code"]] = (
                    edition,
                    {**value, "html": f"<p>{value.get('text', '')}</p>"},
                )
    return found


def section_html(section):
    """The section's text as the site renders it, in the section's language."""
    with translation.override(content_language(section)):
        return render_to_string(
            "guidelines/editions/section_body.html", {"section": section, "document": None}
        )


@router.get(
    "",
    response={200: Page[DocumentSummaryOut], **ERRORS},
    summary=describe("Dokumenter"),
    description=describe(
        "De nationale dokumenter: modeller, retningslinjer, skabeloner og anbefalinger."
    ),
)
def list_documents(
    request, lang: LangQuery = None, limit: LimitQuery = 20, offset: OffsetQuery = 0
):
    found = documents(request)
    count = found.count()
    items = [document_summary(request, d) for d in found[offset : offset + limit]]
    return page_of(request, items, count, limit, offset)


@router.get(
    "{document}/",
    response={200: DocumentOut, **ERRORS},
    summary=describe("Et dokument"),
    description=describe("Et dokument med indledning, afsnit og gældende udgave."),
)
def get_document(request, document: DocumentSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    base = base_url(request)
    intro, intro_md = text_pair(page.intro, base)
    return {
        **document_summary(request, page),
        "audience": page.audience,
        "intro_html": intro,
        "intro_markdown": intro_md,
        "sections": [section_summary(request, page, s) for s in shown_sections(request, page)],
        "edition_in_force": edition_ref(request, page, page.edition_in_force()),
    }


@router.get(
    "{document}/sections/",
    response={200: list[SectionSummaryOut], **ERRORS},
    summary=describe("Et dokuments afsnit"),
    description=describe("Afsnittene i læserækkefølge, uden deres tekst."),
)
def list_sections(request, document: DocumentSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    return [section_summary(request, page, s) for s in shown_sections(request, page)]


@router.get(
    "{document}/sections/{section}/",
    response={200: SectionOut, **ERRORS},
    summary=describe("Et afsnit"),
    description=describe("Et afsnit med hele sin tekst og sine anbefalinger."),
)
def get_section(request, document: DocumentSlug, section: SectionSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    found = section_or_404(request, page, section)
    html, md = text_pair(section_html(found), base_url(request))
    history = histories(page)
    return {
        **section_summary(request, page, found),
        "document": page.slug,
        "language": content_language(found),
        "body_html": html,
        "body_markdown": md,
        "recommendations": [
            recommendation(request, page, found, v, history) for v in found.recommendations
        ],
    }


@router.get(
    "{document}/recommendations/",
    response={200: Page[RecommendationOut], **ERRORS},
    summary=describe("Et dokuments anbefalinger"),
    description=describe(
        "Anbefalingerne i læserækkefølge, og til sidst de koder, der er trukket tilbage "
        "siden en udgave (status withdrawn)."
    ),
)
def list_recommendations(
    request,
    document: DocumentSlug,
    lang: LangQuery = None,
    limit: LimitQuery = 20,
    offset: OffsetQuery = 0,
):
    page = document_or_404(request, document)
    history = histories(page)
    live = [(s, v) for s, v in page.recommendations() if is_public(s, request)]
    gone = withdrawn_codes(page, {value["code"] for _s, value in live})
    rows = [("live", s, v) for s, v in live] + [
        ("gone", code, found) for code, found in gone.items()
    ]
    items = [
        recommendation(request, page, a, b, history)
        if kind == "live"
        else withdrawn(request, page, a, b)
        for kind, a, b in rows[offset : offset + limit]
    ]
    return page_of(request, items, len(rows), limit, offset)


@router.get(
    "{document}/recommendations/{code}/",
    response={200: RecommendationOut, **ERRORS},
    summary=describe("En anbefaling"),
    description=describe(
        "En anbefaling efter sin kode, med punktum skrevet som bindestreg (3.2 → 3-2). "
        "Adressen gælder, også når afsnittet redigeres, og en ny udgave frigives."
    ),
)
def get_recommendation(request, document: DocumentSlug, code: CodeSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    wanted = code_from_slug(code) or code
    found = page.find_recommendation(wanted)
    if found and is_public(found[0], request):
        section, value = found
        return recommendation(request, page, section, value, histories(page))
    gone = withdrawn_codes(page, set()).get(wanted)
    if gone is None:
        raise Http404
    return withdrawn(request, page, wanted, gone)


@router.get(
    "{document}/editions/",
    response={200: list[EditionSummaryOut], **ERRORS},
    summary=describe("Et dokuments udgaver"),
    description=describe("Udgaverne, ældste først, med status (gældende, fremtidig, afløst)."),
)
def list_editions(request, document: DocumentSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    return [edition_summary(request, page, e) for e in page.edition_list]


def edition_summary(request, page, edition):
    return {
        **edition_ref(request, page, edition),
        "status": str(edition.status()),
        "change_summary": edition.change_summary,
        "issuers": edition.issuers,
        "released_at": edition.released_at,
        "language": edition.language,
    }


def edition_or_404(page, slug):
    edition = next((e for e in page.edition_list if e.slug == slug), None)
    if edition is None:
        raise Http404
    return edition


@router.get(
    "{document}/editions/{edition}/",
    response={200: EditionOut, **ERRORS},
    summary=describe("En udgave"),
    description=describe(
        "En udgaves fastfrosne indhold: afsnit med tekst og anbefalinger, som de lød."
    ),
)
def get_edition(request, document: DocumentSlug, edition: EditionSlug, lang: LangQuery = None):
    page = document_or_404(request, document)
    found = edition_or_404(page, edition)
    base = base_url(request)
    sections = []
    for section in found.sections:
        html, md = text_pair(section["html"], base)
        sections.append(
            {
                "slug": section["slug"],
                "number": section["number"],
                "title": section["title"],
                "summary": section["summary"],
                "body_html": html,
                "body_markdown": md,
                "recommendations": [
                    {
                        "code": r["code"],
                        "title": r["title"],
                        "strength": r.get("strength") or None,
                        "text": r["text"],
                    }
                    for r in section["recommendations"]
                ],
            }
        )
    return {**edition_summary(request, page, found), "sections": sections}


@router.get(
    "{document}/editions/{old}/compare/{new}/",
    response={200: ComparisonOut, **ERRORS},
    summary=describe("Sammenligning af to udgaver"),
    description=describe(
        "Ændringerne fra én udgave til en anden: afsnit (tilføjet, fjernet, ændret, "
        "flyttet) og anbefalinger efter kode, med ordforskelle som HTML (<ins>, <del>)."
    ),
)
def compare_editions(
    request, document: DocumentSlug, old: EditionSlug, new: EditionSlug, lang: LangQuery = None
):
    page = document_or_404(request, document)
    before, after = edition_or_404(page, old), edition_or_404(page, new)
    if before.effective_date > after.effective_date:
        before, after = after, before
    comparison = compare(before.snapshot, after.snapshot)
    return {
        "old": edition_ref(request, page, before),
        "new": edition_ref(request, page, after),
        "sections": [
            {
                "slug": s.slug,
                "number": s.number,
                "title": s.title,
                "status": s.status,
                "moved": s.moved,
                "old_title": s.old_title or None,
                "diff_html": s.diff,
            }
            for s in comparison.sections
        ],
        "recommendations": [
            {
                "code": r.code,
                "title": r.title,
                "status": r.status,
                "section": r.section_slug or None,
                "diff_html": r.diff,
            }
            for r in comparison.recommendations
        ],
    }
