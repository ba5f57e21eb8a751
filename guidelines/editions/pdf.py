"""A PDF of each edition, made once and kept with it (WeasyPrint)."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from ..models.editions import Edition


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


@task()
def make_edition_pdf(edition_id):
    edition = Edition.objects.select_related("document").filter(pk=edition_id).first()
    if edition is None:
        return _("Udgaven findes ikke længere.")
    ensure_pdf(edition)
    return edition.pdf.name
