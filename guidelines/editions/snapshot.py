"""What an edition freezes: the document's fields and its sections, as data and as HTML."""

import datetime

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from core.content.streamdata import to_plain
from core.i18n import content_language

#: Document fields an edition keeps, so it reads the same after the document is edited.
DOCUMENT_FIELDS = (
    "title",
    "short_title",
    "document_type",
    "issuers",
    "audience",
    "first_published",
    "summary",
    "intro",
)


def plain_text(html):
    return " ".join(strip_tags(html).split())


def _json_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def document_data(document):
    return {name: _json_value(getattr(document, name)) for name in DOCUMENT_FIELDS}


def section_data(section):
    """One section, frozen: its structure (for export and comparison) and its
    rendered text (what readers see), with its recommendations by code. Rendered
    in the language of its text, so a block's labels ("Styrke", "Begrundelse") are
    in the same language as the text around them; an untranslated section of a
    translated document stays Danish, and says so."""
    language = content_language(section) if section.locale_id else None
    with translation.override(language or translation.get_language()):
        html = render_to_string(
            "guidelines/editions/section_body.html", {"section": section, "document": None}
        )
    recommendations = [
        {
            "code": value["code"],
            "title": value["title"],
            "strength": value["strength"],
            "text": plain_text(value["statement"].source + " " + value["rationale"].source),
        }
        for value in section.recommendations
    ]
    return {
        "slug": section.slug,
        "language": language,
        "title": section.title,
        "number": section.number,
        "summary": section.summary,
        "body": to_plain(section.body.stream_block, section.body),
        "html": html,
        "text": plain_text(html),
        "recommendations": recommendations,
    }


def build_snapshot(document_fields, sections):
    """`document_fields` as from document_data(); `sections` are section pages
    (saved or not) in reading order."""
    return {
        "format": 1,
        "document": document_fields,
        "sections": [section_data(section) for section in sections],
    }


def structure(snapshot):
    """The parts of a snapshot an import can state: no rendered HTML or derived text."""
    return {
        "document": snapshot["document"],
        "sections": [
            {key: section[key] for key in ("slug", "title", "number", "summary", "body")}
            for section in snapshot["sections"]
        ],
    }
