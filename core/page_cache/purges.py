"""What to purge when content changes: the page itself and every page that shows it.

Every published, unpublished, moved or (un)restricted page purges:
- its own tree: the page, its sub-addresses (a document's recommendations,
  editions and feed) and the pages under it (a document's sections show its title);
- its parent (lists) and the home page (latest changes);
- the whole site when it is the home page or a page of the main navigation.
Apps add what else shows their pages (`shown_on`) and which other objects (not
pages) show in pages (`object_shown_on`): a section's siblings show its title, a
case shows on the recommendations it puts into practice, an edition in the feeds.

Each page is purged in every language it has (its translations and aliases).
The purge happens once the change is committed. A proxy or CDN configured in
WAGTAILFRONTENDCACHE is sent the same pages' addresses (Wagtail's frontend cache).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store


@dataclass(frozen=True)
class Target:
    """A page (in all its languages), and either the page's whole tree under it or
    only its own address (with all its queries and cookie variants), or one
    sub-address of it (`route`, e.g. "anbefaling/"), as a tree or alone."""

    page_id: int
    tree: bool = False
    route: str = ""


def tree(page, route=""):
    return Target(page.pk, tree=True, route=route)


def exact(page, route=""):
    return Target(page.pk, tree=False, route=route)


_page_rules = {}
_object_rules = {}
_paths = []


def shown_on(*models):
    """Register `func(page)` -> Targets that show a page of these models (beyond its
    own tree, its parent and the home page)."""

    def decorator(func):
        for model in models:
            _page_rules.setdefault(model, []).append(func)
        return func

    return decorator


def object_shown_on(*models):
    """Register `func(obj)` -> Targets that show an object of these (non-page) models,
    purged when one is saved or deleted."""

    def decorator(func):
        for model in models:
            _object_rules.setdefault(model, []).append(func)
        return func

    return decorator


def paths_shown_on(func):
    """Register `func(page_or_object)` -> site paths (outside the page tree, e.g. a feed)
    to purge with every change."""
    _paths.append(func)
    return func


def targets_for_page(page):
    page = page.specific_deferred
    targets = {tree(page)}
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        targets.add(exact(parent))
    site = Site.objects.filter(root_page__translation_key=_root_key(page)).first()
    if site is not None:
        home = site.root_page
        if page.depth <= home.depth + 1:
            targets.add(tree(home))  # the home page or the main navigation: everywhere
        else:
            targets.add(exact(home))
    for cls in type(page).__mro__:
        for func in _page_rules.get(cls, []):
            targets.update(func(page))
    return targets


def targets_for_object(obj):
    targets = set()
    for cls in type(obj).__mro__:
        for func in _object_rules.get(cls, []):
            targets.update(func(obj))
    return targets


def _root_key(page):
    # The site root in the page's own locale is the one under which it is served.
    ancestor = page.get_ancestors(inclusive=True).filter(depth=2).first()
    return ancestor.translation_key if ancestor else None


def page_paths(page_ids):
    """{page id: [its path in each language]} for these pages and their translations."""
    pages = Page.objects.filter(pk__in=page_ids).only("translation_key")
    keys = {page.translation_key: page.pk for page in pages}
    found = {}
    for version in Page.objects.filter(translation_key__in=keys).select_related("locale"):
        parts = version.get_url_parts()
        if parts is not None and parts[2]:
            found.setdefault(keys[version.translation_key], []).append(parts[2])
    return found


def resolve(targets):
    """Targets -> (exact paths, tree paths)."""
    paths, trees = set(), set()
    by_page = page_paths({target.page_id for target in targets})
    for target in targets:
        for path in by_page.get(target.page_id, []):
            (trees if target.tree else paths).add(path + target.route)
    return paths, trees


def purge(targets, also=()):
    """Purge `targets` and the site paths `also`, once the change is committed."""
    paths, trees = resolve(targets)
    paths.update(also)
    proxy = bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
    urls = proxy_paths(targets, paths) if proxy else ()

    def apply():
        store.purge(paths=paths, trees=trees)
        if urls:
            root = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            purge_urls_from_cache([root + path for path in sorted(urls)])

    transaction.on_commit(apply)


def proxy_paths(targets, paths):
    """The addresses to send a proxy or CDN, which purges address by address: a tree
    is every live page in it, each with the sub-addresses its model names
    (Wagtail's `get_cached_paths`)."""
    urls = set(paths)
    exact_ids = {target.page_id for target in targets if not target.tree}
    tree_roots = Page.objects.filter(pk__in={t.page_id for t in targets if t.tree})
    pages = {page.pk: page for page in Page.objects.filter(pk__in=exact_ids).specific()}
    for root in tree_roots:
        for page in root.get_descendants(inclusive=True).live().specific():
            pages[page.pk] = page
    by_page = page_paths(pages)
    for target in targets:
        if not target.tree and target.route:
            urls.update(path + target.route for path in by_page.get(target.page_id, []))
    for page_id, page in pages.items():
        for path in by_page.get(page_id, []):
            urls.update(path + sub.lstrip("/") for sub in page.get_cached_paths())
    return urls


def extra_paths(changed):
    return [path for func in _paths for path in func(changed)]


def in_every_language(*url_names):
    """The paths of these named URLs (outside the page tree) under each language."""
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name) for name in url_names]
    return paths


def on_page_changed(sender, instance, **kwargs):
    purge(targets_for_page(instance), extra_paths(instance))


def on_page_moved(sender, instance, **kwargs):
    # Every address under the old place changed, and the pages that linked to them
    # are not known: moves are rare, so the whole site is purged.
    transaction.on_commit(lambda: store.purge(trees=["/"]))
    on_page_changed(sender, instance)


def on_restriction_changed(sender, instance, **kwargs):
    purge({Target(instance.page_id, tree=True)})


def on_object_changed(sender, instance, **kwargs):
    purge(targets_for_object(instance), extra_paths(instance))


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache_pvr_{id(signal)}",
        )
    for model in _object_rules:
        for signal in (post_save, post_delete):
            signal.connect(
                on_object_changed,
                sender=model,
                dispatch_uid=f"pagecache_{model._meta.label_lower}_{id(signal)}",
            )
