"""The directory in the content format: the national "Hvem gør hvad" page, and per
region its directory page with the region's offers (docs/content-format.md)."""

from datetime import date
from typing import Literal

from core.content import Handler, register
from core.content.pages import (
    IndexPageHandler,
    check_unique_slugs,
    dump_page,
    exported_pages,
    in_locale,
    sync_children,
    sync_page,
)
from core.content.schema import IndexItem, PageItem, Slug, StreamData
from guidelines.content.adaptations import region_page
from guidelines.models import Municipality

from .kinds import ActorKind
from .models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage


def _related(value):
    """A many-to-many relation's objects, saved page or not."""
    return list(value.all()) if hasattr(value, "all") else list(value)


def _municipalities(names):
    found = {m.name: m for m in Municipality.objects.filter(name__in=names)}
    missing = [name for name in names if name not in found]
    if missing:
        raise ValueError(f"ukendt kommune: {', '.join(missing)}")
    return [found[name] for name in names]


class OfferItem(PageItem):
    actor_kind: Literal[tuple(ActorKind.values)]
    #: names from guidelines/data/kommuner.csv, in the directory's region
    municipalities: list[str] = []
    whole_region: bool = False
    description: str = ""
    target_groups: str = ""
    contact_role: str = ""
    phone: str = ""
    opening_hours: str = ""
    address: str = ""
    web: str = ""
    verified_on: date

    @classmethod
    def field_to_page(cls, name, value, context):
        # Municipalities are reference data, the same in every language.
        if name == "municipalities":
            return _municipalities(value)
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "municipalities":
            return sorted(m.name for m in _related(value))
        return value


class RegionalDirectoryItem(PageItem):
    #: the region whose page the directory goes under
    region: Slug
    intro: str = ""
    coordinator: str = ""
    division_of_work: StreamData = []
    offers: list[OfferItem] = []

    children = ("offers",)
    stream_fields = ("division_of_work",)

    @classmethod
    def page_fields(cls):
        # The region is where the page lives, not a field of it.
        return [name for name in super().page_fields() if name != "region"]


@register
class DirectoryIndexHandler(IndexPageHandler, Handler):
    key = "directory_index"
    schema = IndexItem
    model = DirectoryIndexPage
    order = 23  # after the regions (21) and the casebook (22)


@register
class RegionalDirectoriesHandler(Handler):
    """A region's directory page goes under the region's page, its offers under it.
    A file's list of offers is the directory's whole list (others are deleted);
    directories a file does not name are kept."""

    key = "regional_directories"
    schema = list[RegionalDirectoryItem]
    order = 45

    def item_key(self, item):
        return item.region

    def apply(self, value, context):
        # One directory per region (item_key: the import refuses a region named twice).
        for position, item in enumerate(value):
            label = f"{self.key}[{position}] ({item.region}/{item.slug})"
            item_context = context.child(label, demo=item.demo)
            parent = region_page(item, item_context)
            directory = sync_page(parent, RegionalDirectoryPage, item, item_context, singleton=True)
            check_unique_slugs(item.offers, item_context, "offers")
            sync_children(directory, OfferPage, item.offers, item_context, "offers")

    def dump(self, locale):
        directories = exported_pages(
            RegionalDirectoryPage.objects.all(), locale, with_children=OfferPage
        )
        items = []
        for directory in sorted(directories, key=lambda page: (page.region.code, page.path)):
            data = dump_page(directory, RegionalDirectoryItem)
            data = {"region": directory.region.slug, **data}
            data["offers"] = [
                dump_page(offer, OfferItem, parent_demo=directory.is_demo)
                for offer in in_locale(OfferPage.objects.child_of(directory), locale)
            ]
            items.append(data)
        return items or None
