"""Index after publish, unpublish, move, delete, privacy changes, and saves of the
objects that apps say show in pages' units (an edition in its document's).

The database backend's index lives in the same database, so it is written in
the same transaction (a rolled-back publish leaves no trace in it); other
backends are written once the transaction has committed.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .backends import get_backend
from .indexing import index_page_tree, remove_pages
from .units import dependents_of, pages_showing, shown_models


def reindex(page_id):
    if get_backend().transactional:
        index_page_tree.call(page_id)
    else:
        transaction.on_commit(lambda: index_page_tree.enqueue(page_id))


def on_page_changed(sender, instance, **kwargs):
    reindex(instance.pk)
    for page in dependents_of(instance.specific_deferred):
        reindex(page.pk)


def on_unpublished(sender, instance, **kwargs):
    # Also sent just before a live page is deleted, so take the page out rather
    # than reindex it (that would index it again on its way out).
    page_id = instance.pk
    if get_backend().transactional:
        remove_pages.call([page_id])
    else:
        transaction.on_commit(lambda: remove_pages.enqueue([page_id]))


def on_deleted(sender, instance, **kwargs):
    # Sent once per model of a multi-table page; the Page row is enough.
    if type(instance) is not Page:
        return
    if get_backend().transactional:
        return  # units go with the page (on_delete=CASCADE)
    page_id = instance.pk
    transaction.on_commit(lambda: remove_pages.enqueue([page_id]))


def on_restriction_changed(sender, instance, **kwargs):
    reindex(instance.page_id)


def on_shown_object_saved(sender, instance, **kwargs):
    for page_id in pages_showing(instance):
        reindex(page_id)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="sitesearch_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="sitesearch_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="sitesearch_moved")
    post_delete.connect(on_deleted, dispatch_uid="sitesearch_deleted")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_pvr_saved"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_pvr_deleted"
    )
    for model in shown_models():
        post_save.connect(
            on_shown_object_saved,
            sender=model,
            dispatch_uid=f"sitesearch_shown_{model._meta.label_lower}",
        )
