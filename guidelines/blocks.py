"""StreamField blocks for the body of a guidance section.

Every block renders through a template in guidelines/blocks/. Labels are
translatable so they reach the admin in Danish and English.
"""

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
    strength = blocks.ChoiceBlock(
        label=_("Styrke"), choices=StrengthChoices.CHOICES, default=StrengthChoices.SHOULD
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
