"""Create, update, order and prune pages so that they match content items.

Items in a file of the source locale (Danish) are pages found by slug under
their parent. Items in a file of another locale (`locale: en`) are
translations: the slug names the Danish page at the same place in the tree,
and the item's values go into that page's translation in the file's locale,
which is created (or made from wagtail-localize's alias) when there is none.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from modelcluster.fields import ParentalKey
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Orderable, Page, Site

from ..ordering import move_into_order
from .errors import ContentError
from .schema import IndexItem
from .streamdata import clean_stream, to_plain


@dataclass
class Context:
    """Where we are in which file, for error messages, the inherited demo flag
    and the locale of the file (None: the source locale)."""

    file: str = ""
    path: str = ""
    demo: bool = False
    stats: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    locale: Locale | None = None

    @property
    def translating(self):
        return self.locale is not None

    def child(self, label, demo=None):
        path = f"{self.path} › {label}" if self.path else label
        return Context(
            self.file, path, self.demo if demo is None else demo, self.stats, self.locale
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


def page_data(page, item_class, skip=()):
    """The page's fields as an item of `item_class` would hold them."""
    data = {}
    for name in item_class.page_fields():
        if name in skip:
            continue
        value = getattr(page, item_class.page_attribute.get(name, name))
        if name in item_class.stream_fields:
            value = to_plain(page._meta.get_field(name).stream_block, value)
        data[name] = item_class.field_from_page(name, value)
    return data


def dump_page(page, item_class, parent_demo=None):
    """An exported item: the page's fields, and `demo` where it differs from the parent.
    A translation is named by its source page's slug, as a translation file names it."""
    data = page_data(page, item_class)
    data["slug"] = identity_slug(page)
    data = {"slug": data.pop("slug"), "title": data.pop("title"), **data}
    if page.is_demo != parent_demo:
        data["demo"] = page.is_demo
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


def _validation_error(error, context):
    if hasattr(error, "message_dict"):
        name, messages = next(iter(error.message_dict.items()))
        field_name = None if name == "__all__" else name
        return context.error(" ".join(messages), field=field_name)
    return context.error(" ".join(error.messages))


def page_values(model, item, context):
    """The item's values as page attributes, validated and cleaned as the editor would."""
    values = {}
    for name in item.page_fields():
        value = getattr(item, name)
        if name in item.stream_fields:
            try:
                value = clean_stream(model._meta.get_field(name).stream_block, value, name)
            except ContentError as error:
                raise context.error(error.message, field=error.field) from error
        try:
            value = item.field_to_page(name, value, context)
        except ValueError as error:
            raise context.error(str(error), field=name) from error
        values[item.page_attribute.get(name, name)] = _numbered(value)
    return values


def _numbered(value):
    """Child objects (Orderable) in the file's order: the editor's form numbers
    them, and without numbers the database may return them in any order."""
    if isinstance(value, list):
        for position, child in enumerate(value):
            if isinstance(child, Orderable):
                child.sort_order = position
    return value


def _related_ids(model, values, page=None):
    """Which objects the relations in `values` point at, by id: the values from
    the item, or with `page` the page's current ones.

    Export names related pages by slug, and a slug can mean the Danish page or
    its English translation; comparing ids as well catches a link that should
    move from one to the other."""
    ids = {}
    for name, value in values.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:  # not a model field: nothing to compare
            continue
        if not model_field.is_relation:
            continue
        if page is not None:
            value = getattr(page, name)
        if model_field.many_to_one or model_field.one_to_one:
            ids[name] = value.pk if value is not None else None
            continue
        objects = list(value.all()) if hasattr(value, "all") else list(value)
        if model_field.many_to_many:
            ids[name] = sorted(obj.pk for obj in objects)
        else:  # a child relation: the objects each child points at
            ids[name] = sorted(
                tuple(
                    getattr(obj, f.attname)
                    for f in obj._meta.concrete_fields
                    if f.many_to_one and not isinstance(f, ParentalKey)
                )
                for obj in objects
            )
    return ids


def _unchanged(existing, model, item, values, demo, skip=()):
    # Compare like with like: both sides as export would write them, after cleaning.
    wanted = model(**values)
    return (
        existing.live
        and not existing.has_unpublished_changes
        and existing.is_demo == demo
        and page_data(existing, type(item), skip) == page_data(wanted, type(item), skip)
        and _related_ids(model, values, existing) == _related_ids(model, values)
    )


def _save_and_publish(page, values, demo, context):
    try:
        for name, value in values.items():
            setattr(page, name, value)
        page.is_demo = demo
        page.full_clean()
        page.save_revision().publish()
    except ValidationError as error:
        raise _validation_error(error, context) from error
    return page


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
    values = page_values(model, item, context)

    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):
            raise context.error(
                f"der findes allerede en side med slug '{item.slug}' af en anden type "
                f"({existing._meta.verbose_name})",
                field="slug",
            )
        if _unchanged(existing, model, item, values, demo):
            context.stats["unchanged"] += 1
            return existing
        context.stats["updated"] += 1
        return _save_and_publish(existing, values, demo, context)

    try:
        page = model(**values, is_demo=demo, live=False)
        parent.add_child(instance=page)
        page.save_revision().publish()
    except ValidationError as error:
        raise _validation_error(error, context) from error
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

    values = page_values(model, item, context)
    values.pop("slug", None)  # a translation keeps its slug: the source's, from the copy
    page = model.objects.filter(translation_key=source.translation_key, locale=context.locale)
    page = page.first()
    if page is not None and not page.alias_of_id:
        _follow_source(page, source)
        if _unchanged(page, model, item, values, demo, skip=("slug",)):
            context.stats["unchanged"] += 1
            return page
        context.stats["updated"] += 1
        return _save_and_publish(page, values, demo, context)

    if page is None:
        page = source.copy_for_translation(context.locale, copy_parents=True, alias=False)
        page = type(source).objects.get(pk=page.pk)
    else:
        page = convert_alias(page)
        _follow_source(page, source)
    context.stats["created"] += 1
    return _save_and_publish(page, values, demo, context)


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


def sync_children(parent, model, items, context, key, prune=True, each=None):
    """Sync a list of items as the children of `parent`, in the items' order.

    With `prune`, children of `model` that the list does not name are deleted:
    a document's section list in a file is the whole list. A translation file
    lists only what it translates: it never prunes, and the order of the
    translations follows their sources' (`mirror_order`).
    """
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
