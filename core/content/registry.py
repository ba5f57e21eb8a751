"""The handlers that make up the content format, one per top-level key.

Each app registers its handlers in its `content` module, which core imports at
start-up (core/apps.py), so the format grows with the apps without core knowing
about them.
"""

_handlers = {}


class Handler:
    #: The top-level key in a content file.
    key = ""
    #: A pydantic type describing the value under that key.
    schema = None
    #: Handlers are applied in this order, lowest first (parents before children).
    order = 50
    #: A list whose items export writes one file each, named by `item_file`.
    one_file_per_item = False

    def item_key(self, item):
        """What must be unique among this key's items in one import (a parsed item)."""
        return item.slug

    def item_file(self, item):
        """The file name, without suffix, that export writes an item to (an exported mapping)."""
        return item["slug"]

    def apply(self, value, context):
        """Make the database match `value` (already validated against `schema`).

        In a translation file (`context.translating`) the items translate the
        source-locale pages with the same slugs: pages.sync_page does that when
        given the source page's parent (or its translation)."""
        raise NotImplementedError

    def dump(self, locale):
        """Return the value for `key` in `locale` from the database, or None when
        there is nothing: in the source locale all pages, in another locale the
        pages translated into it (pages.in_locale, pages.exported_pages)."""
        raise NotImplementedError


def register(handler_class):
    handler = handler_class()
    _handlers[handler.key] = handler
    return handler_class


def handlers():
    return sorted(_handlers.values(), key=lambda handler: handler.order)
