"""Shared pieces of the content file schema.

Every page item is a pydantic model whose fields are, apart from `demo` and
its child lists, the page's own field names: the same list drives export
(page -> item) and import (item -> page).
"""

from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .richtext import check_rich_text

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=255)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=255, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
RichText = Annotated[str, AfterValidator(check_rich_text)]
StreamData = list[dict[str, Any]]

FORMAT = "vejledning/1"


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Keys that hold child items, not page fields.
    children: ClassVar[tuple[str, ...]] = ()
    #: Page fields that are StreamFields (their values are block data).
    stream_fields: ClassVar[tuple[str, ...]] = ()
    #: Item keys whose page attribute has another name (e.g. a child relation).
    page_attribute: ClassVar[dict[str, str]] = {}

    @classmethod
    def field_to_page(cls, name, value, context):
        """The page attribute value for an item value (override for relations).

        `context` says which locale the item is in: in a translation, a page
        named by slug is looked up in that locale first (pages.find_page)."""
        return value

    @classmethod
    def field_from_page(cls, name, value):
        """The item value for a page attribute value; the inverse of field_to_page."""
        return value

    @classmethod
    def page_fields(cls):
        return [name for name in cls.model_fields if name not in cls.children + ("demo",)]


class PageItem(Item):
    slug: Slug
    title: Title
    #: Marks the page as demo content; inherits from the parent item or the file.
    demo: bool | None = None


class IndexItem(PageItem):
    """A listing page directly under the home page (core.models.IndexPage)."""

    intro: str = ""
    show_in_menus: bool = True


__all__ = [
    "FORMAT",
    "Field",
    "IndexItem",
    "Item",
    "PageItem",
    "RichText",
    "Slug",
    "StreamData",
    "Text",
    "Title",
]
