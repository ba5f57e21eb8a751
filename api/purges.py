"""Every change to what the API shows puts all its stored answers out of reach
(one write: the tree token of /api/v1/, core.page_cache.store) and records when
content last changed (the API's Last-Modified).

The API reads pages, editions, regions' adaptations, cases, meetings and their
vocabularies from several apps; rather than track which answer shows what, any
saved or deleted object of those apps (and any publish, unpublish, move or view
restriction) purges it all. Publishing is rare next to reading."""

import time

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import store

TREE = "/api/v1/"
STAMP = "api:changed-at"
#: Apps whose objects the API shows.
WATCHED_APPS = ("wagtailcore", "guidelines", "casebook", "glossary", "wagtaildocs")


def changed_at():
    """When published content last changed (seconds since the epoch), as far as this
    cache knows; first asked, it is now."""
    cache = store.cache()
    now = int(time.time())
    cache.add(STAMP, now, timeout=None)
    return cache.get(STAMP) or now


def purge_all():
    store.purge(trees=[TREE])
    store.cache().set(STAMP, int(time.time()), timeout=None)


def on_change(sender=None, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    transaction.on_commit(purge_all)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_change, dispatch_uid=f"api_purge_{id(signal)}")
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            for signal in (post_save, post_delete):
                signal.connect(
                    on_change,
                    sender=model,
                    dispatch_uid=f"api_purge_{model._meta.label_lower}_{id(signal)}",
                )
