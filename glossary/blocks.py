"""The glossary's terms: one block per term in the page's StreamField.

The anchor and "see also" are RegexBlocks on purpose: wagtail-localize offers
CharBlocks, TextBlocks and rich text for translation and leaves other blocks as
they are, so a translation keeps its source's anchors, and links to a term
(`/ordliste/#tovholder`, `/en/ordliste/#tovholder`) mean the same term in every
language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

ANCHOR = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ANCHORS = r"^[a-z0-9]+(-[a-z0-9]+)*(, *[a-z0-9]+(-[a-z0-9]+)*)*$"
DEFINITION_FEATURES = ["bold", "italic", "link"]


def split_list(value):
    """'a, b ,c' -> ['a', 'b', 'c']: the forms and "see also" as the block stores them."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def join_list(values):
    return ", ".join(values)


class TermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Ord"), max_length=100)
    anchor = blocks.RegexBlock(
        regex=ANCHOR,
        max_length=60,
        label=_("Anker"),
        help_text=_(
            "Ordets faste adresse i ordlisten, fx “tovholder” (små bogstaver a–z, tal og "
            "bindestreg). Skift det ikke: links til ordet bruger det, også på engelsk."
        ),
        error_messages={"invalid": _("Brug små bogstaver a–z, tal og bindestreger.")},
    )
    forms = blocks.CharBlock(
        label=_("Andre former"),
        required=False,
        max_length=500,
        help_text=_(
            "Bøjninger, synonymer og forkortelser, som også skal findes i teksten, adskilt "
            "med komma, fx “tovholderen, tovholdere”. En form med store bogstaver alene "
            "(“ROP”) findes kun med store bogstaver."
        ),
    )
    definition = blocks.RichTextBlock(label=_("Forklaring"), features=DEFINITION_FEATURES)
    see_also = blocks.RegexBlock(
        regex=ANCHORS,
        required=False,
        max_length=500,
        label=_("Se også"),
        help_text=_("Ankre på andre ord i ordlisten, adskilt med komma."),
        error_messages={"invalid": _("Skriv ankre på andre ord, adskilt med komma.")},
    )
    source = blocks.TextBlock(
        label=_("Kilde eller lovgrundlag"),
        required=False,
        help_text=_("Fx “Psykiatriloven §§ 13 a–c”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Ord")


def term_problems(terms):
    """What is wrong with a glossary's terms, as (index, field, message): an anchor
    used twice, a form found under two terms (which term would a link go to?), a
    "see also" naming no term or the term itself. `terms` are mappings with
    `term`, `anchor`, `forms` and `see_also` (lists). The page editor and the
    content format share these rules."""
    problems = []
    anchors, forms = {}, {}
    for index, entry in enumerate(terms):
        anchor = entry["anchor"]
        if anchor in anchors:
            message = gettext("Ankeret “%(anchor)s” bruges også af “%(other)s”.")
            problems.append(
                (index, "anchor", message % {"anchor": anchor, "other": anchors[anchor]})
            )
        anchors.setdefault(anchor, entry["term"])
        for form in [entry["term"], *entry["forms"]]:
            key = " ".join(form.split()).casefold()
            owner, other = forms.setdefault(key, (index, entry["term"]))
            if owner != index:
                message = gettext("“%(form)s” står også ved “%(other)s”; en form hører til ét ord.")
                field = "term" if form == entry["term"] else "forms"
                problems.append((index, field, message % {"form": form, "other": other}))
    for index, entry in enumerate(terms):
        for name in entry["see_also"]:
            if name == entry["anchor"]:
                problems.append(
                    (index, "see_also", gettext("Et ord kan ikke henvise til sig selv."))
                )
            elif name not in anchors:
                message = gettext("“Se også” nævner “%(anchor)s”, som ikke er et ord i ordlisten.")
                problems.append((index, "see_also", message % {"anchor": name}))
    return problems


def entry_of(value):
    """A term block's value as term_problems reads it."""
    return {
        "term": value.get("term") or "",
        "anchor": value.get("anchor") or "",
        "forms": split_list(value.get("forms")),
        "see_also": split_list(value.get("see_also")),
    }


class TermsBlock(blocks.StreamBlock):
    term = TermBlock()

    def clean(self, value):
        value = super().clean(value)
        problems = term_problems([entry_of(child.value) for child in value])
        if problems:
            errors = {}
            for index, field, message in problems:
                errors.setdefault(index, {}).setdefault(field, []).append(message)
            raise StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(
                        block_errors={
                            name: ValidationError(texts) for name, texts in fields.items()
                        }
                    )
                    for index, fields in errors.items()
                }
            )
        return value
