"""What the worksheet is made of: the sketch's parts, read from the published pages.

A guidance document's sections hold its action-plan parts (ActionPlanPartBlock);
a document with none has no worksheet. A region's version adds the region's
local text for the sections it adapted, and its own division of work (directory/)
in place of the national one.
"""

from dataclasses import dataclass, field

from core.i18n import content_language
from guidelines.blocks import PrefillChoices, part_anchor
from guidelines.models import AdaptationMode, GuidanceDocumentPage, GuidanceSectionPage

#: Rows a list part shows at first, and the most a plan can have (a bound on the
#: size of what one request makes).
FIRST_ROWS = 2
MAX_ROWS = 30


@dataclass
class Part:
    number: int
    name: str
    purpose: str
    holds: list[str]
    filled_in_by: str
    examples: list[str]
    columns: list[str]
    prefill: str
    section: GuidanceSectionPage
    #: The region's own text for the part's section (rich text), when it adapted it.
    local_text: str = ""
    local_mode: str = ""
    #: The language the part is written in (Danish in an untranslated English section).
    lang: str = ""

    @property
    def anchor(self):
        # The number keeps two parts of the same name apart.
        return f"{part_anchor(self.name)}-{self.number}"

    @property
    def is_list(self):
        return bool(self.columns)

    @property
    def prefix(self):
        return f"del{self.number}"


@dataclass
class Sketch:
    document: GuidanceDocumentPage
    parts: list[Part]
    #: The region whose version this is, its adaptation of the document, or None.
    region: object = None
    adaptation: object = None
    sections: list = field(default_factory=list)

    @property
    def title(self):
        return self.document.display_title


def document_parts(document):
    """The document's action-plan parts in reading order (its published sections)."""
    parts = []
    for section in document.sections:
        lang = content_language(section)
        for block in section.body:
            if block.block_type != "action_plan_part":
                continue
            value = block.value
            parts.append(
                Part(
                    number=len(parts) + 1,
                    name=value["name"],
                    purpose=value["purpose"],
                    holds=list(value["holds"]),
                    filled_in_by=value["filled_in_by"],
                    examples=list(value["examples"]),
                    columns=[column for column in value.get("columns") or [] if column],
                    prefill=value.get("prefill") or PrefillChoices.NONE,
                    section=section,
                    lang=lang,
                )
            )
    return parts


def sketch_for(document, region=None, adaptation=None):
    """The worksheet's parts for `document`, in `region`'s version when given."""
    parts = document_parts(document)
    if adaptation is not None:
        entries = {
            entry.section: entry
            for entry in adaptation.section_adaptations.all()
            if entry.mode != AdaptationMode.NATIONAL and entry.text
        }
        for part in parts:
            entry = entries.get(part.section.slug)
            if entry is not None:
                part.local_text, part.local_mode = entry.text, entry.mode
    return Sketch(document=document, parts=parts, region=region, adaptation=adaptation)
