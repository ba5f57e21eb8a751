"""Shared pieces of the content file schema.

Every page item is a pydantic model whose fields are, apart from `demo` and
its child lists, the page's own field names: the same list drives export
(page -> item) and import (item -> page).
"""

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=255)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=255, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
#: HTML as the page editor stores it; cleaned with the field's own features on
#: import (core/content/richtext.py), since only the page model knows them.
RichText = str
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
        return [
            name
            for name in cls.model_fields
            if name not in cls.children + cls.state_keys + ("demo",)
        ]

    #: Keys that describe the page's state (publishing, privacy, lock), not its fields.
    state_keys: ClassVar[tuple[str, ...]] = ()


class PrivacyItem(Item):
    """A Wagtail view restriction on the page (and so on the pages below it)."""

    type: Literal["password", "groups", "login"]
    password: str = ""
    #: names of Django groups
    groups: list[str] = []

    @model_validator(mode="after")
    def _complete(self):
        if self.type == "password" and not self.password:
            raise ValueError("en adgangskode-begrænsning skal have 'password'")
        if self.type == "groups" and not self.groups:
            raise ValueError("en gruppe-begrænsning skal have 'groups'")
        if self.type != "password" and self.password:
            raise ValueError(f"'password' hører kun til type password, ikke {self.type}")
        if self.type != "groups" and self.groups:
            raise ValueError(f"'groups' hører kun til type groups, ikke {self.type}")
        return self


class LockItem(Item):
    """Wagtail's edit lock: who locked the page (a username) and when."""

    by: str | None = None
    at: datetime | None = None


#: Page versions besides the item's own: each holds the fields that differ from it.
VERSION_KEYS = ("scheduled", "draft")


class PageItem(Item):
    """A page. Its fields are the version readers see (or, for a page that is not
    live, its latest version); `scheduled` and `draft` hold the fields in which
    the page's approved scheduled version and its newer draft differ from it."""

    slug: Slug
    title: Title
    #: Marks the page as demo content; inherits from the parent item or the file.
    demo: bool | None = None
    # Wagtail's promote and settings tabs.
    seo_title: Annotated[str, StringConstraints(max_length=255)] = ""
    search_description: str = ""
    show_in_menus: bool = False
    go_live_at: datetime | None = None
    expire_at: datetime | None = None
    # The page's state.
    live: bool = True
    scheduled: dict[str, Any] | None = None
    draft: dict[str, Any] | None = None
    privacy: PrivacyItem | None = None
    locked: LockItem | None = None

    state_keys: ClassVar[tuple[str, ...]] = ("live", *VERSION_KEYS, "privacy", "locked")
    #: Page fields that export leaves out while they hold the item's default.
    optional_fields: ClassVar[tuple[str, ...]] = (
        "seo_title",
        "search_description",
        "show_in_menus",
        "go_live_at",
        "expire_at",
    )

    def version(self, key):
        """The item of the version `key` ("scheduled" or "draft"): this item's
        fields with the version's changes; None when the page has no such version."""
        changes = getattr(self, key)
        if changes is None:
            return None
        # Everything but the state and the child items (which have defaults):
        # some keys, e.g. an adaptation's region, place the page without being fields.
        fields = self.model_dump(exclude={*self.state_keys, *self.children})
        return type(self).model_validate({**fields, **changes})

    @model_validator(mode="after")
    def _check_versions(self):
        if not self.live and self.draft is not None:
            raise ValueError(
                "en side, der ikke er udgivet, har ingen særskilt kladde: "
                "elementets felter er dens seneste version ('draft' hører til live sider)"
            )
        for key in VERSION_KEYS:
            changes = getattr(self, key)
            if changes is None:
                continue
            unknown = set(changes) - set(self.page_fields())
            if unknown:
                raise ValueError(
                    f"{key}: {', '.join(sorted(unknown))} er ikke felter på siden "
                    f"(felter: {', '.join(self.page_fields())})"
                )
            try:
                version = self.version(key)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(step) for step in first["loc"])
                raise ValueError(f"{key}.{where}: {first['msg']}") from None
            if key == "scheduled" and version.go_live_at is None:
                raise ValueError("scheduled: en planlagt udgivelse skal have 'go_live_at'")
        return self


class IndexItem(PageItem):
    """A listing page directly under the home page (core.models.IndexPage)."""

    intro: str = ""
    show_in_menus: bool = True


__all__ = [
    "FORMAT",
    "VERSION_KEYS",
    "LockItem",
    "PrivacyItem",
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
