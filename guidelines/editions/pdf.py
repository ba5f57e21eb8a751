"""Editions on paper (WeasyPrint): the whole edition, made once and kept with it,
and any choice of its sections, made when asked for.

The document page serves the whole edition's PDF (made then if need be);
releasing an edition makes it in the background (release.make_edition_pdf).
Every recommendation is printed with its permanent address, and the sections
keep the document's numbering in the contents, the bookmarks and the headings."""

from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..codes import code_slug


def with_permalinks(html, document):
    """A section's frozen HTML with each recommendation's address printed under it."""
    soup = BeautifulSoup(html, "html.parser")
    for box in soup.select("section.recommendation"):
        code = box.select_one(".code")
        if code is None:
            continue
        path = document.reverse_subpage("recommendation", args=[code_slug(code.get_text())])
        line = soup.new_tag("p", attrs={"class": "permalink"})
        line.string = f"{_('Fast link:')} {document.full_url}{path}"
        box.append(line)
    return str(soup)


def printable_sections(edition, slugs=None):
    """The edition's sections (all, or those whose slug is in `slugs`, in the
    document's order), each with its HTML for paper."""
    return [
        {**section, "html": with_permalinks(section["html"], edition.document)}
        for section in edition.sections
        if slugs is None or section["slug"] in slugs
    ]


def render_pdf(edition, slugs=None, base_url=None):
    """The edition (or the chosen sections) as PDF bytes."""
    import weasyprint  # imported here: it loads native libraries, only needed for PDFs

    context = {
        "edition": edition,
        "sections": printable_sections(edition, slugs),
        "selection": slugs is not None,
        "document_url": edition.document.full_url,
    }
    html = render_to_string("guidelines/editions/edition_pdf.html", context)
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def ensure_pdf(edition):
    """Store the edition's PDF if it has none yet; return the edition."""
    if not edition.pdf:
        name = f"{edition.document.slug}-{edition.slug}.pdf"
        edition.pdf.save(name, ContentFile(render_pdf(edition)), save=False)
        # Only the file field changes; the snapshot stays as released.
        type(edition).objects.filter(pk=edition.pk).update(pdf=edition.pdf.name)
    return edition
