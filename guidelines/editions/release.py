"""Releasing an edition: freeze the published document as it stands now."""

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from core.text import danish_slug

from ..models.editions import Edition
from .pdf import ensure_pdf
from .snapshot import build_snapshot, document_data

RESERVED_SLUGS = {"feed", "sammenlign"}

#: Sent, with `edition`, once the release is committed (e-mail alerts listen).
edition_released = Signal()


class ReleaseError(Exception):
    pass


def edition_slug(label):
    slug = danish_slug(label)[:80].strip("-")
    if not slug or slug in RESERVED_SLUGS:
        raise ReleaseError(f"Udgavens navn “{label}” kan ikke bruges i en adresse.")
    return slug


@task()
def make_edition_pdf(edition_id):
    """The released edition's PDF, made in the background (a worker, when there is one)."""
    edition = Edition.objects.select_related("document").filter(pk=edition_id).first()
    if edition is None:
        return _("Udgaven findes ikke længere.")
    ensure_pdf(edition)
    return edition.pdf.name


def release_edition(
    document, *, label, effective_date, change_summary, user=None, snapshot=None, **extra
):
    """Create an edition of `document` from its published sections (or a given snapshot).

    Drafts are not included: an edition is what readers can already see.
    """
    slug = extra.pop("slug", None) or edition_slug(label)
    if Edition.objects.filter(document=document, slug=slug).exists():
        raise ReleaseError(f"Dokumentet har allerede en udgave med navnet “{label}”.")
    if snapshot is None:
        live = document.get_sections()
        if not live.exists():
            raise ReleaseError("Dokumentet har ingen udgivne afsnit at frigive.")
        snapshot = build_snapshot(document_data(document), live)
    with transaction.atomic():
        edition = Edition.objects.create(
            document=document,
            label=label,
            slug=slug,
            effective_date=effective_date,
            change_summary=change_summary,
            released_by=user,
            snapshot=snapshot,
            **extra,
        )
        log(
            instance=document,
            action="guidelines.release_edition",
            user=user,
            data={"edition": edition.label, "effective_date": effective_date.isoformat()},
        )
        transaction.on_commit(lambda: make_edition_pdf.enqueue(edition.pk))
        transaction.on_commit(lambda: edition_released.send(Edition, edition=edition))
    return edition
