"""The worksheet as a Django form, made from the sketch's parts.

A part that is a list (it has columns) gets rows of cells, with a hidden row
count the page posts back; any other part one text field per line of what it
holds. Nothing is required: a plan is built up over time. Text is plain text:
control characters are dropped (they cannot go into a Word file), anything else
is kept as typed and escaped where it is shown.

No field carries a `maxlength` attribute: a browser cuts pasted text at that
length without a word, and the reader would lose the rest. The server says
instead, on the field, that it is too long, and gives the text back whole.
"""

import re

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.templatetags.language_tags import lang_da

from .sketch import FIRST_ROWS, MAX_ROWS

#: The longest text one field takes (a part's text) and one cell of a row.
TEXT_LIMIT = 20_000
CELL_LIMIT = 2_000
NAME_LIMIT = 200
#: The longest plan, all fields together: about 40 pages on paper. A line break costs
#: the PDF as much as a line of text, so each one counts as LINE_WEIGHT characters: the
#: longest plan allowed is made in a few seconds, whatever its shape.
PLAN_LIMIT = 100_000
LINE_WEIGHT = 60
#: The most rows a post rebuilds (more than MAX_ROWS, so that a page that went past it
#: gets its rows back with an error rather than losing them).
ROW_BOUND = MAX_ROWS + 20

# C0 controls but tab and newlines, DEL, C1 controls, and the two non-characters
# XML refuses: none can be written to a .docx, and none means anything typed.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class PlainText(forms.CharField):
    def __init__(self, *, limit, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"max_length": _("Højst %(limit_value)s tegn i dette felt (der er %(show_value)s).")},
        )
        super().__init__(max_length=limit, **kwargs)

    def to_python(self, value):
        return CONTROL_CHARACTERS.sub("", super().to_python(value)).replace("\r\n", "\n")

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # see the module's docstring
        return attrs


def text_field(label, help_text="", limit=TEXT_LIMIT, rows=4):
    return PlainText(
        label=label,
        limit=limit,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "class": "form-input"}),
    )


class MunicipalitySelect(forms.Select):
    """Municipality names are Danish: marked so on English pages (WCAG 3.1.2)."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        if option["value"] and lang_da():
            option["attrs"]["lang"] = "da"
        return option


def row_count(data, part, initial=FIRST_ROWS):
    """How many rows to rebuild `part` with from a post: the count the page sent, or
    more where cells past it hold text (nothing typed is dropped), at least one and
    at most ROW_BOUND, whatever was posted."""
    if data is None:
        return initial
    try:
        count = int(data.get(f"{part.prefix}-raekker", initial))
    except (TypeError, ValueError, OverflowError):
        count = initial
    cell = re.compile(rf"^{part.prefix}-r(\d{{1,3}})-k\d{{1,2}}$")
    for name in data:
        match = cell.match(name)
        if match and str(data.get(name, "")).strip():
            count = max(count, int(match.group(1)))
    return max(1, min(count, ROW_BOUND))


def text_name(part, index):
    return f"{part.prefix}-{index}"


def cell_name(part, row, column):
    return f"{part.prefix}-r{row}-k{column}"


class WorksheetForm(forms.Form):
    citizen = PlainText(
        label=_("Borgerens navn"),
        limit=NAME_LIMIT,
        widget=forms.TextInput(attrs={"class": "form-input", "autocomplete": "off"}),
    )
    made_on = forms.DateField(
        label=_("Dato for planen"),
        required=False,
        # A browser's date field posts 2026-12-06; without one, Danes write 6.12.2026.
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datoen som dd-mm-åååå, fx 06-12-2026.")},
    )
    municipality = forms.TypedChoiceField(
        label=_("Borgerens kommune"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Udfylder kontakterne for parterne i den valgte kommune."),
        widget=MunicipalitySelect(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Vælg en kommune på listen.")},
    )

    def __init__(self, sketch, municipalities, *args, rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sketch = sketch
        self.municipalities = {m.code: m for m in municipalities}
        self.fields["municipality"].choices = municipality_choices(municipalities)
        self.rows = {}
        for part in sketch.parts:
            # A part's labels are in its own language, whole ("Mål, række 1" in a Danish
            # part on the English site), and its fields say which (lang) for the page.
            with translation.override(part.lang or translation.get_language()):
                self._add_part(part, rows)

    def _add_part(self, part, rows):
        if part.is_list:
            count = (rows or {}).get(part.number) or row_count(self.data or None, part)
            self.rows[part.number] = count
            for row in range(1, count + 1):
                for column, label in enumerate(part.columns, start=1):
                    # Each cell is labelled with its column and row (for a screen
                    # reader, which reads one cell at a time).
                    field = text_field(
                        str(_("%(column)s, række %(row)s") % {"column": label, "row": row}),
                        limit=CELL_LIMIT,
                        rows=2,
                    )
                    self.fields[cell_name(part, row, column)] = self._in(part, field)
        else:
            for index, label in enumerate(part.holds or [str(_("Noter"))], start=1):
                self.fields[text_name(part, index)] = self._in(part, text_field(label))

    @staticmethod
    def _in(part, field):
        field.lang = part.lang
        return field

    def clean(self):
        cleaned = super().clean()
        texts = [value for value in cleaned.values() if isinstance(value, str)]
        size = sum(len(text) + LINE_WEIGHT * text.count("\n") for text in texts)
        if size > PLAN_LIMIT:
            raise forms.ValidationError(
                _(
                    "Planen er for lang til én fil: den fylder %(size)s tegn, og der kan højst "
                    "være %(limit)s (et linjeskift tæller som %(line)s tegn). Gør nogle felter "
                    "kortere, eller del planen op."
                ),
                params={"limit": PLAN_LIMIT, "size": size, "line": LINE_WEIGHT},
            )
        for part in self.sketch.parts:
            if part.is_list and self.filled_rows(part) > MAX_ROWS:
                self.add_error(
                    None,
                    _(
                        "“%(part)s” har %(count)s udfyldte rækker, og der kan højst være "
                        "%(limit)s. Tøm nogle af rækkerne."
                    )
                    % {"part": part.name, "count": self.filled_rows(part), "limit": MAX_ROWS},
                )
        return cleaned

    def filled_rows(self, part):
        return sum(
            any(
                self.cleaned_data.get(cell_name(part, row, column))
                for column in range(1, len(part.columns) + 1)
            )
            for row in range(1, self.rows[part.number] + 1)
        )

    # --- What the template walks through -------------------------------------

    def part_fields(self):
        """(part, text fields, rows of cells, the row count) in part order. The count
        goes back with the form (a hidden field): how many rows to rebuild it with."""
        for part in self.sketch.parts:
            if part.is_list:
                rows = [
                    [self[cell_name(part, row, c)] for c in range(1, len(part.columns) + 1)]
                    for row in range(1, self.rows[part.number] + 1)
                ]
                yield part, [], rows, self.rows[part.number]
            else:
                count = len(part.holds) or 1
                texts = [self[text_name(part, i)] for i in range(1, count + 1)]
                yield part, texts, [], None

    def carried(self):
        """(name, value) of every field as cleaned, for a form that posts the plan
        back (the print view's "Ret i planen"): no control characters go back."""
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value is None:
                continue
            yield self.add_prefix(name), value.isoformat() if hasattr(value, "isoformat") else value
        for number, count in self.rows.items():
            yield f"del{number}-raekker", count

    @property
    def chosen_municipality(self):
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return None
        return self.municipalities.get(self.cleaned_data.get("municipality"))


def municipality_choices(municipalities):
    """Municipalities by region (optgroups) when there are several regions."""
    regions = {}
    for municipality in municipalities:
        regions.setdefault(municipality.region.name, []).append(
            (municipality.code, municipality.name)
        )
    empty = [("", _("Vælg kommune"))]
    if len(regions) == 1:
        return empty + next(iter(regions.values()))
    return empty + list(regions.items())
