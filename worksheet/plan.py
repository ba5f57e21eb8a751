"""A plan as the three outputs show it (print view, PDF, Word), from one of three
sources: what a reader filled in, nothing (the blank sketch to print and fill in
by hand), or the invented example (example.yaml). All three go through the same
structure, so the outputs cannot drift apart."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .forms import cell_name, text_name

EXAMPLE_FILE = Path(__file__).with_name("example.yaml")
#: Empty rows the blank sketch prints under each list part, to write in by hand.
BLANK_ROWS = 4


@dataclass
class PlanPart:
    number: int
    name: str
    purpose: str
    filled_in_by: str
    #: (label, text) for a part of text fields.
    texts: list[tuple[str, str]] = field(default_factory=list)
    #: The column labels and the rows (lists of cell texts) of a list part.
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    local_text: str = ""
    #: The language the part is written in (see sketch.Part.lang).
    lang: str = ""


@dataclass
class Plan:
    title: str
    document_title: str
    region: str = ""
    municipality: str = ""
    citizen: str = ""
    made_on: date | None = None
    parts: list[PlanPart] = field(default_factory=list)
    #: "filled", "blank" or "example": the outputs say which.
    kind: str = "filled"
    #: Made from demo content: the outputs say so.
    demo: bool = False
    #: The language of the values, when known (the invented example is Danish).
    values_lang: str = ""

    @property
    def is_blank(self):
        return self.kind == "blank"


def _part(part):
    return PlanPart(
        number=part.number,
        name=part.name,
        purpose=part.purpose,
        filled_in_by=part.filled_in_by,
        columns=list(part.columns),
        local_text=part.local_text,
        lang=part.lang,
    )


def _labels(part):
    return part.holds or [""]


def _plan(sketch, kind, **header):
    return Plan(
        title=sketch.title,
        document_title=sketch.document.title,
        region=sketch.region.name if sketch.region else "",
        kind=kind,
        demo=sketch.document.is_demo,
        **header,
    )


def filled_plan(form):
    """The plan a valid worksheet form holds; empty rows are left out."""
    data = form.cleaned_data
    municipality = form.chosen_municipality
    plan = _plan(
        form.sketch,
        "filled",
        municipality=municipality.name if municipality else "",
        citizen=data.get("citizen", ""),
        made_on=data.get("made_on"),
    )
    for part in form.sketch.parts:
        out = _part(part)
        if part.is_list:
            for row in range(1, form.rows[part.number] + 1):
                cells = [
                    data.get(cell_name(part, row, column), "")
                    for column in range(1, len(part.columns) + 1)
                ]
                if any(cells):
                    out.rows.append(cells)
        else:
            out.texts = [
                (label, data.get(text_name(part, index), ""))
                for index, label in enumerate(_labels(part), start=1)
            ]
        plan.parts.append(out)
    return plan


def blank_plan(sketch):
    plan = _plan(sketch, "blank")
    for part in sketch.parts:
        out = _part(part)
        if part.is_list:
            out.rows = [[""] * len(part.columns) for _row in range(BLANK_ROWS)]
        else:
            out.texts = [(label, "") for label in _labels(part)]
        plan.parts.append(out)
    return plan


def example_values():
    """The invented example, by part name: a list of rows or a list of texts."""
    return yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))


def example_plan(sketch):
    """The blank sketch filled with the invented example where it has a part's name
    (a part it does not know stays blank)."""
    example = example_values()
    plan = _plan(
        sketch,
        "example",
        citizen=example["citizen"],
        municipality=example["municipality"],
        made_on=example["made_on"],
        values_lang="da",
    )
    parts = example["parts"]
    for part in sketch.parts:
        out = _part(part)
        values = parts.get(part.name, [])
        if part.is_list:
            width = len(part.columns)
            out.rows = [([str(v) for v in row] + [""] * width)[:width] for row in values]
        else:
            texts = [str(v) for v in values] + [""] * len(_labels(part))
            out.texts = list(zip(_labels(part), texts, strict=False))
        plan.parts.append(out)
    return plan
