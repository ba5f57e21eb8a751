"""A PDF of each edition, made once and kept with it (WeasyPrint).

The document page serves it (made then if need be); releasing an edition makes it
in the background (release.make_edition_pdf)."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string


def render_pdf(edition, base_url=None):
    """The edition as PDF bytes: label, effective date and page numbers on every page."""
    import weasyprint  # imported here: it loads native libraries, only needed for PDFs

    html = render_to_string("guidelines/editions/edition_pdf.html", {"edition": edition})
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def ensure_pdf(edition):
    """Store the edition's PDF if it has none yet; return the edition."""
    if not edition.pdf:
        name = f"{edition.document.slug}-{edition.slug}.pdf"
        edition.pdf.save(name, ContentFile(render_pdf(edition)), save=False)
        # Only the file field changes; the snapshot stays as released.
        type(edition).objects.filter(pk=edition.pk).update(pdf=edition.pdf.name)
    return edition
