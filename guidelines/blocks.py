"""StreamField blocks for the body of a guidance section.

Every block renders through a template in guidelines/blocks/. Labels are
translatable so they reach the admin in Danish and English.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)

from core.text import danish_slug

from .codes import recommendation_anchor, validate_code
from .laws import LAW_NAMES, LAWS, PARAGRAPH, normal_paragraph

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
INLINE_FEATURES = ["bold", "italic", "link", "document-link"]


class AddedListBlock(blocks.ListBlock):
    """A list added to a block after pages were written: an edit form opened before the
    change (in an editor's tab at deploy time) posts nothing for it, which means an
    empty list, not a server error that would lose the editor's work."""

    def value_from_datadict(self, data, files, prefix):
        if f"{prefix}-count" not in data:
            return self.to_python([])
        return super().value_from_datadict(data, files, prefix)


class StrengthChoices:
    """How binding a recommendation is: in guidelines, models and templates every
    recommendation has one; recommendations to government (DocumentType.POLICY) have
    none, which the document type enforces (strength_errors)."""

    NONE = ""
    MUST = "skal"
    SHOULD = "boer"
    MAY = "kan"
    CHOICES = [
        (MUST, _("Skal")),
        (SHOULD, _("Bør")),
        (MAY, _("Kan")),
    ]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "guidelines/blocks/text.html"


class LegalBasisBlock(blocks.StructBlock):
    """One paragraph of an act that a recommendation rests on."""

    law = blocks.ChoiceBlock(label=_("Lov"), choices=LAWS)
    paragraph = blocks.CharBlock(
        label=_("Paragraf"),
        max_length=40,
        help_text=_("Fx § 13 a, § 85 eller § 82 c, stk. 2."),
    )
    url = blocks.URLBlock(
        label=_("Link til loven"),
        required=False,
        help_text=_("Den gældende lovbekendtgørelse på retsinformation.dk."),
    )

    def clean(self, value):
        value = super().clean(value)
        paragraph = normal_paragraph(value["paragraph"])
        if not PARAGRAPH.match(paragraph):
            raise StructBlockValidationError(
                block_errors={
                    "paragraph": ValidationError(
                        _("Skriv paragraffen som i loven, fx § 13 a eller § 85, stk. 2.")
                    )
                }
            )
        value["paragraph"] = paragraph
        return value


class RecommendationBlock(blocks.StructBlock):
    code = blocks.CharBlock(
        label=_("Kode"),
        max_length=20,
        help_text=_("Stabil kode, fx 3.2. Ændres aldrig, når anbefalingen først er udgivet."),
    )
    title = blocks.CharBlock(label=_("Overskrift"), max_length=200)
    # Optional here; whether a recommendation must have a strength or must not have
    # one depends on its document's type, which a block cannot see (strength_errors).
    strength = blocks.ChoiceBlock(
        label=_("Styrke"),
        choices=[(StrengthChoices.NONE, _("Ingen styrke"))] + StrengthChoices.CHOICES,
        required=False,
        default=StrengthChoices.NONE,
        help_text=_(
            "Skal, bør eller kan i retningslinjer, modeller og skabeloner. "
            "Anbefalinger til regeringen har ingen styrke."
        ),
    )
    statement = blocks.RichTextBlock(label=_("Anbefaling"), features=INLINE_FEATURES + ["ul"])
    rationale = blocks.RichTextBlock(
        label=_("Begrundelse"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Vises et klik under anbefalingen."),
    )
    legal_basis = AddedListBlock(
        LegalBasisBlock(),
        label=_("Lovgrundlag"),
        required=False,
        default=[],
        help_text=_("Skal udfyldes, når styrken er “Skal”: den lov og paragraf, kravet hviler på."),
    )

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_code(value["code"])
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"code": error}) from error
        if value["strength"] == StrengthChoices.MUST and not value.get("legal_basis"):
            message = _(
                "En “Skal”-anbefaling skal have et lovgrundlag: angiv loven og paragraffen, "
                "eller vælg “Bør”, hvis anbefalingen er et råd."
            )
            raise StructBlockValidationError(
                block_errors={"legal_basis": ListBlockValidationError(non_block_errors=[message])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = recommendation_anchor(value["code"])
        context["legal_basis"] = [
            {**basis, "law_name": LAW_NAMES.get(basis["law"], basis["law"])}
            for basis in value.get("legal_basis") or []
        ]
        return context

    class Meta:
        icon = "tick-inverse"
        label = _("Anbefaling")
        template = "guidelines/blocks/recommendation.html"


def strength_problem(strength, with_strengths):
    """Why a recommendation's strength does not fit its document's type, or None:
    guidelines, models and templates give every recommendation a strength,
    recommendations to government give none (DocumentType.uses_strengths)."""
    if with_strengths and not strength:
        return _(
            "Vælg en styrke (skal, bør eller kan): i retningslinjer, modeller og "
            "skabeloner har hver anbefaling en."
        )
    if not with_strengths and strength:
        return _("Anbefalinger til regeringen har ingen styrke: vælg “Ingen styrke”.")
    return None


def strength_errors(body, with_strengths):
    """The errors of a section body (a StreamValue) whose recommendations' strengths do
    not fit the document's type, on each recommendation's strength field as the page
    editor shows them; None when all fit."""
    errors = {}
    for index, child in enumerate(body):
        if child.block_type != "recommendation":
            continue
        problem = strength_problem(child.value.get("strength") or "", with_strengths)
        if problem:
            errors[index] = StructBlockValidationError(
                block_errors={"strength": ValidationError(problem)}
            )
    return StreamBlockValidationError(block_errors=errors) if errors else None


class ResponsibilityRole:
    LEAD = "A"
    CONTRIBUTES = "M"
    INFORMED = "I"
    NONE = ""
    CHOICES = [
        (LEAD, _("Ansvarlig")),
        (CONTRIBUTES, _("Medvirker")),
        (INFORMED, _("Informeres")),
        (NONE, _("Ingen rolle")),
    ]
    LABELS = dict(CHOICES)


class ResponsibilityRowBlock(blocks.StructBlock):
    task = blocks.CharBlock(label=_("Opgave"), max_length=200)
    roles = blocks.ListBlock(
        blocks.ChoiceBlock(
            choices=ResponsibilityRole.CHOICES,
            required=False,
            widget=forms.Select,
            label=_("Rolle"),
        ),
        label=_("Roller, én pr. aktør i samme rækkefølge som aktørerne"),
    )


class ResponsibilityMatrixBlock(blocks.StructBlock):
    """Who does what: tasks as rows, actors as columns."""

    caption = blocks.CharBlock(label=_("Titel"), max_length=200)
    actors = blocks.ListBlock(blocks.CharBlock(max_length=80), label=_("Aktører (kolonner)"))
    rows = blocks.ListBlock(ResponsibilityRowBlock(), label=_("Opgaver (rækker)"))

    def clean(self, value):
        value = super().clean(value)
        actor_count = len(value["actors"])
        for row in value["rows"]:
            if len(row["roles"]) != actor_count:
                raise StructBlockValidationError(
                    block_errors={
                        "rows": ValidationError(
                            _(
                                "Opgaven “%(task)s” har %(roles)d roller, men der er "
                                "%(actors)d aktører."
                            )
                            % {
                                "task": row["task"],
                                "roles": len(row["roles"]),
                                "actors": actor_count,
                            }
                        )
                    }
                )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["table_rows"] = [
            {
                "task": row["task"],
                "cells": [
                    {"actor": actor, "role": role, "label": ResponsibilityRole.LABELS.get(role)}
                    for actor, role in zip(value["actors"], row["roles"], strict=False)
                ],
            }
            for row in value["rows"]
        ]
        context["legend"] = [c for c in ResponsibilityRole.CHOICES if c[0]]
        return context

    class Meta:
        icon = "table"
        label = _("Ansvarsfordeling")
        template = "guidelines/blocks/responsibility_matrix.html"


class PhaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Fase"), max_length=120)
    description = blocks.TextBlock(label=_("Beskrivelse"))
    actors = blocks.CharBlock(label=_("Aktører"), max_length=255, required=False)


class PathwayPhasesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    phases = blocks.ListBlock(PhaseBlock(), label=_("Faser i rækkefølge"))

    class Meta:
        icon = "list-ol"
        label = _("Forløbets faser")
        template = "guidelines/blocks/pathway_phases.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=400), label=_("Punkter"))

    class Meta:
        icon = "tasks"
        label = _("Tjekliste")
        template = "guidelines/blocks/checklist.html"


PRACTICE_NOTE_KINDS = [
    ("eksempel", _("Eksempel fra praksis")),
    ("tip", _("Godt at vide")),
    ("opmaerksomhed", _("Vær opmærksom på")),
]


class PracticeNoteBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Slags"), choices=PRACTICE_NOTE_KINDS, default="eksempel")
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    body = blocks.RichTextBlock(label=_("Tekst"), features=INLINE_FEATURES + ["ul", "ol"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(PRACTICE_NOTE_KINDS).get(value["kind"], "")
        return context

    class Meta:
        icon = "info-circle"
        label = _("Praksisnote")
        template = "guidelines/blocks/practice_note.html"


class SourceBlock(blocks.StructBlock):
    citation = blocks.CharBlock(label=_("Kilde"), max_length=400)
    url = blocks.URLBlock(label=_("Link"), required=False)


class SourcesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=100, default="Kilder")
    sources = blocks.ListBlock(SourceBlock(), label=_("Kilder"))

    class Meta:
        icon = "link"
        label = _("Kilder og noter")
        template = "guidelines/blocks/sources.html"


# A year ("2017") or a period ("2010–2017"), as a figure is dated.
FIGURE_YEAR = re.compile(r"^\d{4}(?:–\d{4})?$")


def normal_year(text):
    """ "2010 - 2017" -> "2010–2017"."""
    return re.sub(r"\s*[-–]\s*", "–", " ".join(str(text or "").split()))


class KeyFigureBlock(blocks.StructBlock):
    """A number a text rests on, with what it measures, when and where it comes from:
    a figure is shown only with its year and its source. Demo content may hold figures
    nobody has checked: `invented` marks them visibly."""

    figure = blocks.CharBlock(
        label=_("Tal"), max_length=40, help_text=_("Tallet, som det skal stå, fx 2.300 eller 44 %.")
    )
    unit = blocks.CharBlock(
        label=_("Enhed"),
        max_length=60,
        required=False,
        help_text=_("Fx dage eller borgere; tom, når tallet står alene (fx en procent)."),
    )
    measure = blocks.CharBlock(label=_("Hvad tallet måler"), max_length=300)
    year = blocks.CharBlock(
        label=_("År"),
        max_length=20,
        help_text=_("Det år eller den periode, tallet gælder, fx 2017 eller 2010–2017."),
    )
    source = SourceBlock(label=_("Kilde"))
    invented = blocks.BooleanBlock(
        label=_("Opfundet tal (demo)"),
        required=False,
        help_text=_("Sæt kryds, når tallet ikke er efterprøvet: det vises med en markering."),
    )

    def clean(self, value):
        # Said in words of their own before the fields' "required": a figure without
        # its year or its source must not be published.
        errors = {}
        if not normal_year(value.get("year")):
            errors["year"] = ValidationError(
                _("Et nøgletal skal have det år eller den periode, tallet gælder.")
            )
        source = value.get("source") or {}
        if not " ".join(str(source.get("citation") or "").split()):
            errors["source"] = StructBlockValidationError(
                block_errors={"citation": ValidationError(_("Et nøgletal skal have en kilde."))}
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        value = super().clean(value)
        year = normal_year(value["year"])
        if not FIGURE_YEAR.match(year):
            raise StructBlockValidationError(
                block_errors={
                    "year": ValidationError(
                        _("Skriv året som fx 2017, eller perioden som fx 2010–2017.")
                    )
                }
            )
        value["year"] = year
        return value

    class Meta:
        icon = "order"
        label = _("Nøgletal")
        template = "guidelines/blocks/key_figure.html"


class KeyFiguresBlock(blocks.StructBlock):
    """Several key figures side by side, under one heading."""

    title = blocks.CharBlock(label=_("Titel"), max_length=200, default="Nøgletal")
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Nøgletal"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Nøgletal (flere)")
        template = "guidelines/blocks/key_figures.html"


class PrefillChoices:
    NONE = ""
    ACTORS = "parter"
    COORDINATOR = "tovholder"
    CHOICES = [
        (NONE, _("Intet")),
        (ACTORS, _("Parterne og deres opgaver fra ansvarsfordelingen")),
        (COORDINATOR, _("Tovholderen fra ansvarsfordelingen")),
    ]


def part_anchor(name):
    """The anchor of an action-plan part on its section's page (and the worksheet)."""
    return "del-" + danish_slug(name)


class ActionPlanPartBlock(blocks.StructBlock):
    """One part of the basic sketch for a coordinated action plan."""

    name = blocks.CharBlock(label=_("Del"), max_length=120)
    purpose = blocks.TextBlock(label=_("Formål"))
    holds = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Indeholder"))
    filled_in_by = blocks.CharBlock(label=_("Udfyldes af"), max_length=300)
    examples = blocks.ListBlock(
        blocks.CharBlock(max_length=400), label=_("Eksempler"), required=False, default=[]
    )
    # How the part is filled in on the worksheet (worksheet/): one text field per
    # line of "holds", or, when the part is a list, rows with these columns.
    columns = AddedListBlock(
        blocks.CharBlock(max_length=60),
        label=_("Kolonner i skemaet"),
        required=False,
        default=[],
        help_text=_(
            "Udfyldes, når delen er en liste (fx mål, indsatser, aftaler): én kolonne pr. "
            "oplysning, og skemaet får rækker. Tom: ét tekstfelt pr. punkt under Indeholder."
        ),
    )
    prefill = blocks.ChoiceBlock(
        label=_("Udfyldes på forhånd med"),
        choices=PrefillChoices.CHOICES,
        required=False,
        help_text=_(
            "Parterne: én række pr. aktør i ansvarsfordelingen med aktøren, dens opgaver og, "
            "når læseren vælger kommune, kontakten (de tre første kolonner). Tovholderen: "
            "den ansvarlige for tovholderopgaven og kontakten (de to første kolonner)."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = part_anchor(value["name"])
        return context

    class Meta:
        icon = "form"
        label = _("Del af indsatsplan")
        template = "guidelines/blocks/action_plan_part.html"


class SectionBodyBlock(blocks.StreamBlock):
    text = TextBlock()
    recommendation = RecommendationBlock()
    responsibility_matrix = ResponsibilityMatrixBlock()
    pathway_phases = PathwayPhasesBlock()
    checklist = ChecklistBlock()
    practice_note = PracticeNoteBlock()
    action_plan_part = ActionPlanPartBlock()
    key_figure = KeyFigureBlock()
    key_figures = KeyFiguresBlock()
    sources = SourcesBlock()

    def clean(self, value):
        value = super().clean(value)
        codes = [child.value["code"] for child in value if child.block_type == "recommendation"]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            message = _("Koden %(codes)s er brugt mere end én gang i afsnittet.") % {
                "codes": ", ".join(duplicates)
            }
            raise StreamBlockValidationError(non_block_errors=ErrorList([message]))
        return value
