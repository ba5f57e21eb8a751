"""The guidance part of the content format: documents, sections, regions."""

from datetime import date
from typing import Literal

from ..models import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    Region,
    RegionIndexPage,
    RegionPage,
)
from .pages import dump_page, site_root, sync_children, sync_page
from .registry import Handler, register
from .schema import IndexItem, PageItem, RichText, Slug, StreamData, Text, Title


class SectionItem(PageItem):
    number: str = ""
    summary: str = ""
    body: StreamData = []

    stream_fields = ("body",)


class DocumentItem(PageItem):
    short_title: str = ""
    document_type: Literal["model", "guideline", "template"]
    issuers: Title
    audience: str = ""
    first_published: date
    last_substantive_change: date | None = None
    change_note: str = ""
    summary: Text
    intro: RichText = ""
    sections: list[SectionItem] = []

    children = ("sections",)


class RegionItem(PageItem):
    region: Slug
    intro: str = ""

    @classmethod
    def field_to_page(cls, name, value):
        if name == "region":
            region = Region.objects.filter(slug=value).first()
            if region is None:
                known = ", ".join(Region.objects.values_list("slug", flat=True))
                raise ValueError(f"ukendt region '{value}' (kendte: {known})")
            return region
        return value

    @classmethod
    def field_from_page(cls, name, value):
        return value.slug if name == "region" else value


class RegionIndexItem(IndexItem):
    regions: list[RegionItem] = []

    children = ("regions",)


def guidance_index(context, item=None):
    """The guidance index page; created with default texts when a file has none."""
    existing = GuidanceIndexPage.objects.child_of(site_root(context)).first()
    if existing is not None and item is None:
        return existing
    item = item or IndexItem(slug="vejledninger", title="Vejledninger")
    return sync_page(site_root(context), GuidanceIndexPage, item, context, singleton=True)


@register
class GuidanceIndexHandler(Handler):
    key = "guidance_index"
    schema = IndexItem
    order = 20

    def apply(self, value, context):
        guidance_index(context.child(self.key, demo=value.demo), value)

    def dump(self):
        page = GuidanceIndexPage.objects.first()
        return dump_page(page, IndexItem) if page else None


@register
class DocumentsHandler(Handler):
    key = "documents"
    schema = list[DocumentItem]
    order = 30
    one_file_per_item = True

    def apply(self, value, context):
        def sections(document, item, item_context):
            sync_children(document, GuidanceSectionPage, item.sections, item_context, "sections")

        index = guidance_index(context)
        sync_children(
            index, GuidanceDocumentPage, value, context, self.key, prune=False, each=sections
        )

    def dump(self):
        documents = []
        for document in GuidanceDocumentPage.objects.order_by("path"):
            data = dump_page(document, DocumentItem)
            data["sections"] = [
                dump_page(section, SectionItem, parent_demo=document.is_demo)
                for section in GuidanceSectionPage.objects.child_of(document)
            ]
            documents.append(data)
        return documents or None


@register
class RegionIndexHandler(Handler):
    key = "regions_index"
    schema = RegionIndexItem
    order = 21

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        index = sync_page(site_root(context), RegionIndexPage, value, context, singleton=True)
        sync_children(index, RegionPage, value.regions, context, "regions")

    def dump(self):
        index = RegionIndexPage.objects.first()
        if index is None:
            return None
        data = dump_page(index, RegionIndexItem)
        data["regions"] = [
            dump_page(page, RegionItem, parent_demo=index.is_demo)
            for page in RegionPage.objects.child_of(index).select_related("region")
        ]
        return data
