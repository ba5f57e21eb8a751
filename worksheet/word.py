"""The plan as a Word document (python-docx), made in memory and never written to disk.

Text goes in as text runs, so nothing typed is ever read as markup; the region's
local text (rich text from its editors) goes in as its plain text.
"""

import io

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from .texts import plan_notice


def _paragraphs(container, text, style=None):
    """Each line of `text` as its own paragraph (Word has no line breaks in a run)."""
    for line in (text or "").split("\n"):
        container.add_paragraph(line, style=style)


def _header(document, plan):
    lines = []
    if plan.region:
        lines.append((_("Region"), plan.region))
    if plan.municipality:
        lines.append((_("Kommune"), plan.municipality))
    if not plan.is_blank:
        lines.append((_("Borger"), plan.citizen))
        lines.append((_("Dato"), date_format(plan.made_on) if plan.made_on else ""))
    else:
        lines += [(_("Borger"), ""), (_("Dato"), "")]
    for label, value in lines:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def _part(document, part, blank):
    document.add_heading(f"{part.number}. {part.name}", level=2)
    intro = document.add_paragraph()
    intro.add_run(part.purpose).italic = True
    filled_by = document.add_paragraph()
    filled_by.add_run(_("Udfyldes af:") + " ").bold = True
    filled_by.add_run(part.filled_in_by)
    if part.local_text:
        note = document.add_paragraph()
        note.add_run(_("Regionens tilføjelse:") + " ").bold = True
        note.add_run(strip_tags(part.local_text).strip())
    if part.columns:
        table = document.add_table(rows=1, cols=len(part.columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, label in zip(table.rows[0].cells, part.columns, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(label).bold = True
        for row in part.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                lines = (text or "").split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        if not part.rows:
            document.add_paragraph(_("Ikke udfyldt."))
    else:
        for label, text in part.texts:
            if label:
                document.add_paragraph().add_run(label).bold = True
            if text:
                _paragraphs(document, text)
            elif blank:
                for _line in range(3):
                    document.add_paragraph("_" * 60)
            else:
                document.add_paragraph(_("Ikke udfyldt."))


def plan_docx(plan):
    """The plan as .docx bytes."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = plan.title
    # The file says nothing about who made it or where: no author, no site user.
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.core_properties.comments = ""
    document.add_heading(plan.title, level=1)
    document.add_paragraph(plan_notice(plan))
    if plan.demo:
        demo = document.add_paragraph()
        demo.add_run(_("Demoindhold") + " ").bold = True
        demo.add_run(
            _(
                "Grundskitsen her er eksempelindhold til afprøvning af platformen, ikke den "
                "officielle skitse."
            )
        )
    _header(document, plan)
    for part in plan.parts:
        _part(document, part, plan.is_blank)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
