"""Keeps RecommendationEntry (models/recommendation_index.py) in step with the
published sections: each change to a section, or to who may read it, rebuilds its
document's rows (one document's sections read once, at save time, not per reader)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from .models import GuidanceDocumentPage, GuidanceSectionPage
from .models.recommendation_index import RecommendationEntry

# A draft saved (a revision) leaves the published text alone: no rebuild.
PUBLISHED_FIELDS = {"body", "live", "title", "path", "depth", "url_path", "locale"}


def rebuild(document):
    return RecommendationEntry.rebuild(document)


def rebuild_under(page_path):
    """Every document at or under a path, and the document a section at it belongs to."""
    documents = GuidanceDocumentPage.objects.filter(path__startswith=page_path)
    parent_path = page_path[: -Page.steplen]
    if parent_path:
        documents = documents | GuidanceDocumentPage.objects.filter(path=parent_path)
    for document in documents:
        rebuild(document)


def on_section_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and not PUBLISHED_FIELDS.intersection(update_fields)):
        return
    document = GuidanceDocumentPage.objects.filter(path=instance.path[: -instance.steplen]).first()
    if document is not None:
        rebuild(document)


def on_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            rebuild_under(parent.path)
    rebuild_under(instance.path)


def on_restriction_saved(sender, instance, raw=False, **kwargs):
    page = None if raw else Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        rebuild_under(page.path)


def on_restriction_deleted(sender, instance, **kwargs):
    # Also sent while a restricted page is being deleted, before its sections go:
    # rebuilding then would index sections on their way out. After the commit, the
    # pages still there are indexed.
    page_id = instance.page_id

    def rebuild_if_still_there():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            rebuild_under(page.path)

    transaction.on_commit(rebuild_if_still_there)


def connect():
    post_save.connect(on_section_saved, sender=GuidanceSectionPage, dispatch_uid="recindex_saved")
    # A deleted section's rows go with it (on_delete=CASCADE).
    post_page_move.connect(on_moved, dispatch_uid="recindex_moved")
    post_save.connect(
        on_restriction_saved, sender=PageViewRestriction, dispatch_uid="recindex_pvr_saved"
    )
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="recindex_pvr_deleted"
    )
