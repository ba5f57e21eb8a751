"""The Danish acts a recommendation can rest on ("Lovgrundlag"), and how a paragraph
of one is written. A "skal" recommendation names at least one (blocks.py): the 2014
guidelines and the 2015 model are advisory, so "skal" belongs only where a law says so.
"""

import re

from django.utils.translation import gettext_lazy as _

from .codes import code_slug

# The acts the field's guidance cites: the key content files use, the name a citation
# uses ("Psykiatriloven § 13 a") and the act's full name (the register's headings).
ACTS = [
    ("serviceloven", _("Serviceloven"), _("Lov om social service")),
    ("almenboligloven", _("Almenboligloven"), _("Lov om almene boliger m.v.")),
    ("psykiatriloven", _("Psykiatriloven"), _("Lov om anvendelse af tvang i psykiatrien m.v.")),
    ("sundhedsloven", _("Sundhedsloven"), _("Sundhedsloven")),
]
LAWS = [(key, name) for key, name, _full in ACTS]
LAW_NAMES = dict(LAWS)
FULL_NAMES = {key: full for key, _name, full in ACTS}

# "§ 13 a", "§ 85", "§ 82 c, stk. 2", "§§ 102-104": the way Danish law cites itself.
PARAGRAPH = re.compile(
    r"^§§? ?\d{1,4}(?: ?[a-z])?(?: ?[-–] ?\d{1,4}(?: ?[a-z])?)?(?:, stk\. \d{1,2})?$"
)


def normal_paragraph(text):
    """ "§13a" -> "§ 13 a": one way of writing each paragraph, so that the register
    gathers what rests on it."""
    text = " ".join(str(text).split())
    text = re.sub(r"^(§§?) ?", r"\1 ", text)
    text = re.sub(r"(\d)([a-z])\b", r"\1 \2", text)
    return text.replace(" - ", "–").replace("-", "–").replace(" – ", "–")


def paragraph_key(paragraph):
    """Sorts § 13 a after § 13 and before § 82 c."""
    numbers = re.findall(r"\d+|[a-z]", paragraph)
    return [(0, int(n)) if n.isdigit() else (1, n) for n in numbers]


def legal_register(documents):
    """The acts the documents' published recommendations rest on, in the order of
    ACTS: [{"key", "name", "full_name", "paragraphs": [{"paragraph", "recommendations":
    [{"document", "code", "title", "strength", "url"}]}]}], paragraphs in the act's
    order. A query per document (its sections)."""
    found = {}
    for document in documents:
        for _section, recommendation in document.recommendations():
            for basis in recommendation.get("legal_basis") or []:
                paragraphs = found.setdefault(basis["law"], {})
                paragraphs.setdefault(basis["paragraph"], []).append(
                    {
                        "document": document,
                        "code": recommendation["code"],
                        "title": recommendation["title"],
                        "strength": recommendation["strength"],
                        "url": document.url
                        + document.reverse_subpage(
                            "recommendation", args=[code_slug(recommendation["code"])]
                        ),
                    }
                )
    return [
        {
            "key": key,
            "name": name,
            "full_name": FULL_NAMES[key],
            "paragraphs": [
                {"paragraph": paragraph, "recommendations": found[key][paragraph]}
                for paragraph in sorted(found[key], key=paragraph_key)
            ],
        }
        for key, name in LAWS
        if key in found
    ]
