"""Create, update, order and prune pages so that they match content items.

Items in a file of the source locale (Danish) are pages found by slug under
their parent. Items in a file of another locale (`locale: en`) are
translations: the slug names the Danish page at the same place in the tree,
and the item's values go into that page's translation in the file's locale,
which is created (or made from wagtail-localize's alias) when there is none.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site

from ..ordering import move_into_order
from .errors import ContentError
from .fields import page_data, page_values, validation_error
from .schema import IndexItem
from .state import (
    dump_state,
    save_versions,
    sync_lock,
    sync_privacy,
    versions_match,
    versions_of,
    wanted_versions,
)

__all__ = ["page_data", "page_values"]  # also used by the apps' handlers


@dataclass
class Context:
    """Where we are in which file, for error messages, the inherited demo flag
    and the locale of the file (None: the source locale)."""

    file: str = ""
    path: str = ""
    demo: bool = False
    stats: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    locale: Locale | None = None
    #: What is done once all content is in place (view restrictions, locks): finish().
    finishing: list = field(default_factory=list)

    @property
    def translating(self):
        return self.locale is not None

    def child(self, label, demo=None):
        path = f"{self.path} › {label}" if self.path else label
        return Context(
            self.file,
            path,
            self.demo if demo is None else demo,
            self.stats,
            self.locale,
            self.finishing,
        )

    def error(self, message, field=None):
        return ContentError(message, file=self.file, item=self.path, field=field)


# --- Locales ---------------------------------------------------------------


def source_locale():
    """The locale content is written in first (Danish); the others translate it."""
    return Locale.get_default()


def is_source(locale):
    return locale is None or locale.pk == source_locale().pk


def in_locale(queryset, locale):
    """`queryset`'s pages in `locale`; outside the source locale only real
    translations (not wagtail-localize's aliases) whose source page exists."""
    source = source_locale()
    if locale is None or locale.pk == source.pk:
        return queryset.filter(locale=source)
    return queryset.filter(
        locale=locale,
        alias_of__isnull=True,
        translation_key__in=Page.objects.filter(locale=source).values("translation_key"),
    )


def find_page(model, context, **lookup):
    """The source-locale page of `model` matching `lookup`, or, in a translation,
    its translation in the context's locale when there is one: the page a
    reference by slug means.

    Never an alias: whether one exists depends on when wagtail-localize's
    synchronisation last ran, and a link to the Danish page is shown as a link
    to its English alias anyway (core.i18n.localize)."""
    page = model.objects.filter(locale=source_locale(), **lookup).first()
    if page is None or not context.translating:
        return page
    translation = model.objects.filter(
        translation_key=page.translation_key, locale=context.locale, alias_of__isnull=True
    ).first()
    return translation or page


def source_of(page):
    """The page in the source locale that `page` translates (itself if it is one)."""
    source = source_locale()
    if page.depth == 1 or page.locale_id == source.pk:
        return page
    return Page.objects.filter(translation_key=page.translation_key, locale=source).first()


def identity_slug(page):
    """The slug a content file names a page by: its source page's slug."""
    source = source_of(page)
    return source.slug if source is not None else page.slug


# --- Reading pages -----------------------------------------------------------


def dump_page(page, item_class, parent_demo=None):
    """An exported item: the page's fields (as readers see it or, when it is not
    live, its latest version), `demo` where it differs from the parent, and its
    state: other versions, view restriction, lock (core/content/state.py).
    Fields that hold their default are left out where the item class says so.
    A translation is named by its source page's slug, as a translation file names it."""
    versions = versions_of(page)
    data = page_data(versions["base"], item_class)
    data["slug"] = identity_slug(page)
    data = {"slug": data.pop("slug"), "title": data.pop("title"), **data}
    for name in getattr(item_class, "optional_fields", ()):
        if data.get(name) == item_class.model_fields[name].default:
            del data[name]
    if page.is_demo != parent_demo:
        data["demo"] = page.is_demo
    data.update(dump_state(page, item_class, versions))
    return data


def exported_pages(queryset, locale, with_children=None):
    """The pages of `queryset` that export writes for `locale`.

    In the source locale all of them. In another locale its real translations,
    and an alias too when `with_children` (a page model) has translations
    among its children: a translated section needs its document's item, which
    then carries the alias's own (source) text."""
    pages = list(in_locale(queryset, locale).order_by("path"))
    if with_children is None or is_source(locale):
        return pages
    parents = (
        queryset.filter(locale=locale, alias_of__isnull=False)
        .filter(
            path__in=[
                page.path[: -Page.steplen]
                for page in in_locale(with_children.objects.all(), locale).only("path")
            ]
        )
        .exclude(pk__in=[page.pk for page in pages])
    )
    return sorted(pages + [p for p in parents if source_of(p) is not None], key=lambda p: p.path)


def site_root(context):
    """The default site's home page, which every top-level content item hangs under
    (in the source locale: a translation finds its source page under it)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else None
    if root is None or root.content_type.model_class() is Page:
        raise context.error(
            "sitet har endnu ingen forside; importér en fil med 'site' (fx content/demo) først"
        )
    return root


# --- Writing pages -------------------------------------------------------------


def _sync(page, model, item, context, demo, skip=(), new=False):
    """Give a page the item's versions (and, when the import finishes, its view
    restriction and lock); whether that changed it. A `new` page (just added or
    copied) gets its first revisions."""
    wanted = wanted_versions(model, item, context)
    changed = False
    if new or not versions_match(page, model, item, wanted, demo, skip):
        page = save_versions(page, item, wanted, demo, context)
        changed = True
    context.finishing.append((page.pk, item, context, new or changed))
    return page, changed


def finish(finishing):
    """View restrictions and locks, set once every page of the import is in place:
    a restriction hides a page from the lookups of the items after it (a case
    citing a recommendation in a private document), and a lock would keep a
    later item from changing a page."""
    for pk, item, context, counted_as_changed in finishing:
        page = Page.objects.filter(pk=pk).first()
        if page is None:  # pruned by a later item
            continue
        changed = sync_privacy(page, item.privacy, context)
        changed = sync_lock(page, item.locked, context) or changed
        if changed and not counted_as_changed:
            context.stats["unchanged"] -= 1
            context.stats["updated"] += 1


def sync_page(parent, model, item, context, singleton=False):
    """Make the child of `parent` with the item's slug match the item, and publish it.

    A page that already matches is left alone: no new revision, no new
    publication, so importing the same file twice changes nothing. In a
    translation file, the page is the translation of that child instead.
    """
    if context.translating:
        return sync_translation(parent, model, item, context, singleton)
    demo = context.demo if item.demo is None else item.demo
    children = Page.objects.child_of(parent).filter(locale=source_locale())
    if singleton:  # one of its kind under the parent: found by type, so its slug can change
        existing = model.objects.filter(pk__in=children.values("pk")).first()
    else:
        existing = children.filter(slug=item.slug).first()

    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):
            raise context.error(
                f"der findes allerede en side med slug '{item.slug}' af en anden type "
                f"({existing._meta.verbose_name})",
                field="slug",
            )
        page, changed = _sync(existing, model, item, context, demo)
        context.stats["updated" if changed else "unchanged"] += 1
        return page

    try:
        page = model(**page_values(model, item, context), is_demo=demo, live=False)
        parent.add_child(instance=page)
    except ValidationError as error:
        raise validation_error(error, context) from error
    page, _changed = _sync(page, model, item, context, demo, new=True)
    context.stats["created"] += 1
    return page


def convert_alias(page):
    """Make wagtail-localize's alias a page of its own, as its "Translate" does
    before it fills in the translated text (and Wagtail's "Convert alias")."""
    ConvertAliasPageAction(page).execute(skip_permission_checks=True)
    return type(page).objects.get(pk=page.pk)


def sync_translation(parent, model, item, context, singleton=False):
    """Make the translation of the source page `item.slug` under `parent` match the item.

    `parent` may be the source page's parent or its translation. The
    translation keeps the source page's slug; it is created with Wagtail's
    copy_for_translation when the locale has no page for the source yet, or
    made from the alias wagtail-localize's synchronisation left there.
    """
    demo = context.demo if item.demo is None else item.demo
    source_parent = source_of(parent)
    if source_parent is None:
        raise context.error(f"siden '{parent.title}' er ikke oversat fra en dansk side")
    children = Page.objects.child_of(source_parent).filter(locale=source_locale())
    if singleton:
        source = model.objects.filter(pk__in=children.values("pk")).first()
    else:
        source = children.filter(slug=item.slug).first()
    if source is None:
        raise context.error(
            f"der er ingen dansk side '{item.slug}' at oversætte (under '{source_parent.title}')",
            field="slug",
        )
    source = source.specific
    if not isinstance(source, model):
        raise context.error(
            f"den danske side '{item.slug}' er af en anden type ({source._meta.verbose_name})",
            field="slug",
        )

    page = model.objects.filter(translation_key=source.translation_key, locale=context.locale)
    page = page.first()
    if page is not None and not page.alias_of_id:
        _follow_source(page, source)
        page, changed = _sync(page, model, _own_slug(item, page), context, demo, skip=("slug",))
        context.stats["updated" if changed else "unchanged"] += 1
        return page

    if page is None:
        page = source.copy_for_translation(context.locale, copy_parents=True, alias=False)
        page = type(source).objects.get(pk=page.pk)
    else:
        page = convert_alias(page)
        _follow_source(page, source)
    context.stats["created"] += 1
    # A new translation is published as the item says, whatever its copy was.
    page, _changed = _sync(
        page, model, _own_slug(item, page), context, demo, skip=("slug",), new=True
    )
    return page


def _own_slug(item, page):
    """The item with the translation's own slug: it keeps its source's (or, for the
    English home page beside the Danish one, the one Wagtail gave it)."""
    return item.model_copy(update={"slug": page.slug})


def _follow_source(page, source):
    """Move a translation under the counterpart of its source's parent, should the
    source have moved (a case whose region changed)."""
    source_parent = source.get_parent()
    if page.get_parent().translation_key == source_parent.translation_key:
        return
    target = source_parent.get_translation_or_none(page.locale)
    if target is not None:
        page.move(target, pos="last-child")
        page.refresh_from_db()


def move_with_translations(page, parent):
    """Move a source page, and its translations and aliases under the counterparts
    of the new parent in their locales."""
    page.move(parent, pos="last-child")
    for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
        target = parent.get_translation_or_none(other.locale)
        if target is not None and other.get_parent().pk != target.pk:
            other.move(target, pos="last-child")


def delete_with_translations(page):
    """Delete a source page with its translations and aliases: a translation
    without its source cannot be named by a content file."""
    for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
        other.delete()
    page.delete()


def check_unique_slugs(items, context, key):
    """Siblings need slugs of their own: a second item with a slug would
    otherwise silently overwrite the first."""
    seen = {}
    for index, item in enumerate(items):
        if item.slug in seen:
            raise context.child(f"{key}[{index}] ({item.slug})").error(
                f"slug '{item.slug}' bruges også af {key}[{seen[item.slug]}]; "
                "sider under samme side skal have hver sin slug",
                field="slug",
            )
        seen[item.slug] = index


def sync_children(parent, model, items, context, key, prune=True, each=None):
    """Sync a list of items as the children of `parent`, in the items' order.

    With `prune`, children of `model` that the list does not name are deleted:
    a document's section list in a file is the whole list. A translation file
    lists only what it translates: it never prunes, and the order of the
    translations follows their sources' (`mirror_order`).
    """
    check_unique_slugs(items, context, key)
    pages = []
    for index, item in enumerate(items):
        label = f"{key}[{index}] ({item.slug})"
        item_context = context.child(label, demo=item.demo)
        page = sync_page(parent, model, item, item_context)
        if each is not None:
            each(page, item, item_context)
        pages.append(page)
    if context.translating:
        return pages
    if prune:
        keep = [page.pk for page in pages]
        for stale in model.objects.child_of(parent).exclude(pk__in=keep):
            delete_with_translations(stale)
            context.stats["updated"] += 1
    order_children(parent, pages)
    return pages


def order_children(parent, pages):
    """Move pages so that they stand in the given order among the parent's children."""
    move_into_order(parent, [page.pk for page in pages])


def mirror_order(locale):
    """Put the pages of `locale` in their source pages' order under each parent.

    Translations are added after their siblings and aliases where they are
    made; readers should meet the sections of a document in the same order
    in both languages. Pages without a source page keep their place at the end.
    """
    position = dict(
        Page.objects.filter(locale=source_locale()).values_list("translation_key", "path")
    )
    parents = Page.objects.filter(locale=locale, numchild__gt=0, depth__gt=1)
    for parent_pk in list(parents.values_list("pk", flat=True)):
        # Fetched afresh: moving pages under an ancestor changes the paths below it.
        parent = Page.objects.get(pk=parent_pk)
        children = list(Page.objects.child_of(parent).values_list("pk", "translation_key"))
        wanted = sorted(
            children,
            key=lambda child: (child[1] not in position, position.get(child[1], "")),
        )
        if wanted != children:
            order_children(parent, [Page(pk=pk) for pk, _key in wanted])


class IndexPageHandler:
    """Mixin for a handler of one listing page (an index) under a parent page."""

    model = None

    def parent(self, context):
        return site_root(context)

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        sync_page(self.parent(context), self.model, value, context, singleton=True)

    def dump(self, locale):
        pages = exported_pages(self.model.objects.all(), locale)
        return dump_page(pages[0], IndexItem) if pages else None
