"""Create, update, order and prune pages so that they match content items."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from .errors import ContentError
from .streamdata import clean_stream, to_plain


@dataclass
class Context:
    """Where we are in which file, for error messages, and the inherited demo flag."""

    file: str = ""
    path: str = ""
    demo: bool = False
    stats: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})

    def child(self, label, demo=None):
        path = f"{self.path} › {label}" if self.path else label
        return Context(self.file, path, self.demo if demo is None else demo, self.stats)

    def error(self, message, field=None):
        return ContentError(message, file=self.file, item=self.path, field=field)


def page_data(page, item_class):
    """The page's fields as an item of `item_class` would hold them."""
    data = {}
    for name in item_class.page_fields():
        value = getattr(page, item_class.page_attribute.get(name, name))
        if name in item_class.stream_fields:
            value = to_plain(page._meta.get_field(name).stream_block, value)
        data[name] = item_class.field_from_page(name, value)
    return data


def dump_page(page, item_class, parent_demo=None):
    """An exported item: the page's fields, and `demo` where it differs from the parent."""
    data = {"slug": page.slug, "title": page.title}
    data.update(page_data(page, item_class))
    if page.is_demo != parent_demo:
        data["demo"] = page.is_demo
    return data


def site_root(context):
    """The default site's home page, which every top-level content item hangs under."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else None
    if root is None or root.content_type.model_class() is Page:
        raise context.error(
            "sitet har endnu ingen forside; importér en fil med 'site' (fx content/demo) først"
        )
    return root


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
            values[item.page_attribute.get(name, name)] = item.field_to_page(name, value)
        except ValueError as error:
            raise context.error(str(error), field=name) from error
    return values


def sync_page(parent, model, item, context, singleton=False):
    """Make the child of `parent` with the item's slug match the item, and publish it.

    A page that already matches is left alone: no new revision, no new
    publication, so importing the same file twice changes nothing.
    """
    demo = context.demo if item.demo is None else item.demo
    if singleton:  # one of its kind under the parent: found by type, so its slug can change
        existing = model.objects.child_of(parent).first()
    else:
        existing = Page.objects.child_of(parent).filter(slug=item.slug).first()
    values = page_values(model, item, context)

    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):
            raise context.error(
                f"der findes allerede en side med slug '{item.slug}' af en anden type "
                f"({existing._meta.verbose_name})",
                field="slug",
            )
        # Compare like with like: both sides as export would write them, after cleaning.
        wanted = model(**values)
        if (
            existing.live
            and not existing.has_unpublished_changes
            and existing.is_demo == demo
            and page_data(existing, type(item)) == page_data(wanted, type(item))
        ):
            context.stats["unchanged"] += 1
            return existing

    try:
        if existing is None:
            page = model(**values, is_demo=demo, live=False)
            parent.add_child(instance=page)
            context.stats["created"] += 1
        else:
            page = existing
            for name, value in values.items():
                setattr(page, name, value)
            page.is_demo = demo
            page.full_clean()
            context.stats["updated"] += 1
        page.save_revision().publish()
    except ValidationError as error:
        raise _validation_error(error, context) from error
    return page


def sync_children(parent, model, items, context, key, prune=True, each=None):
    """Sync a list of items as the children of `parent`, in the items' order.

    With `prune`, children of `model` that the list does not name are deleted:
    a document's section list in a file is the whole list.
    """
    pages = []
    for index, item in enumerate(items):
        label = f"{key}[{index}] ({item.slug})"
        item_context = context.child(label, demo=item.demo)
        page = sync_page(parent, model, item, item_context)
        if each is not None:
            each(page, item, item_context)
        pages.append(page)
    if prune:
        keep = [page.pk for page in pages]
        for stale in model.objects.child_of(parent).exclude(pk__in=keep):
            stale.delete()
            context.stats["updated"] += 1
    order_children(parent, pages)
    return pages


def order_children(parent, pages):
    """Move pages so that they stand in the given order among the parent's children."""
    wanted = [page.pk for page in pages]
    current = list(Page.objects.child_of(parent).filter(pk__in=wanted).values_list("pk", flat=True))
    if current == wanted:
        return
    previous = None
    for pk in wanted:
        page = Page.objects.get(pk=pk)
        if previous is None:
            page.move(parent, pos="first-child")
        else:
            page.move(previous, pos="right")
        previous = Page.objects.get(pk=pk)


class IndexPageHandler:
    """Mixin for a handler of one listing page (an index) under a parent page."""

    model = None

    def parent(self, context):
        return site_root(context)

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        sync_page(self.parent(context), self.model, value, context, singleton=True)

    def dump(self):
        from .schema import IndexItem

        page = self.model.objects.first()
        return dump_page(page, IndexItem) if page else None
