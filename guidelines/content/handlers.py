"""The guidance part of the content format: documents, sections, regions."""

from datetime import date, datetime
from typing import Literal

from core.content.pages import (
    IndexPageHandler,
    check_unique_slugs,
    dump_page,
    exported_pages,
    in_locale,
    is_source,
    page_values,
    site_root,
    sync_children,
    sync_page,
)
from core.content.registry import Handler, register
from core.content.richtext import normalise
from core.content.schema import IndexItem, Item, PageItem, RichText, Slug, StreamData, Text, Title
from core.content.streamdata import to_plain

from ..blocks import RecommendationBlock, strength_problem
from ..editions.release import ReleaseError, release_edition
from ..editions.snapshot import DOCUMENT_FIELDS, build_snapshot, document_data, structure
from ..models import (
    Edition,
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    Region,
    RegionIndexPage,
    RegionPage,
)


class SectionItem(PageItem):
    number: str = ""
    summary: str = ""
    body: StreamData = []

    stream_fields = ("body",)


class EditionItem(Item):
    """A released edition. Its content is the document's own fields and sections
    in this file unless `document` and `sections` give the text as it was then."""

    slug: Slug
    label: Title
    effective_date: date
    effective_month_only: bool = False
    change_summary: Text
    released_at: datetime | None = None
    document: dict[str, str | None] | None = None
    sections: list[SectionItem] | None = None


class DocumentItem(PageItem):
    short_title: str = ""
    document_type: Literal["model", "guideline", "template", "policy"]
    issuers: Title
    audience: str = ""
    first_published: date
    first_published_month_only: bool = False
    last_substantive_change: date | None = None
    change_note: str = ""
    summary: Text
    intro: RichText = ""
    sections: list[SectionItem] = []
    editions: list[EditionItem] = []

    children = ("sections", "editions")
    optional_fields = (*PageItem.optional_fields, "first_published_month_only")


class RegionItem(PageItem):
    region: Slug
    intro: str = ""

    @classmethod
    def field_to_page(cls, name, value, context):
        # Regions are reference data, the same in every language.
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
    """The guidance index page; created with default texts when a file has none
    (in the source locale: a translation needs the Danish one to translate)."""
    existing = in_locale(GuidanceIndexPage.objects.child_of(site_root(context)), None).first()
    if existing is not None and item is None:
        return existing
    if existing is None and item is None and context.translating:
        raise context.error("der er ingen dansk side 'vejledninger' at oversætte dokumenter i")
    item = item or IndexItem(slug="vejledninger", title="Vejledninger")
    return sync_page(site_root(context), GuidanceIndexPage, item, context, singleton=True)


def sync_edition(document, document_item, item, context):
    """Create the edition if it is new; an existing edition must match exactly,
    since a released edition never changes."""
    section_items = document_item.sections if item.sections is None else item.sections
    sections = [
        # In the document's locale: the frozen text is rendered in its language.
        GuidanceSectionPage(
            locale_id=document.locale_id,
            **page_values(GuidanceSectionPage, section, context.child(section.slug)),
        )
        for section in section_items
    ]
    fields = document_data(document)
    if item.document is not None:
        unknown = set(item.document) - set(DOCUMENT_FIELDS)
        if unknown:
            raise context.error(f"ukendte felter: {', '.join(sorted(unknown))}", field="document")
        fields.update(item.document)
    snapshot = build_snapshot(fields, sections)
    existing = Edition.objects.filter(document=document, slug=item.slug).first()
    if existing is not None:
        released, wanted = comparable(existing.snapshot), comparable(snapshot)
        same = released == wanted and (
            existing.label,
            existing.effective_date,
            existing.effective_month_only,
            existing.change_summary,
        ) == (item.label, item.effective_date, item.effective_month_only, item.change_summary)
        if not same:
            raise context.error(
                "udgaven er allerede frigivet med et andet indhold og kan ikke ændres"
                + changed_document_fields(released["document"], wanted["document"])
            )
        context.stats["unchanged"] += 1
        return existing
    extra = {"released_at": item.released_at} if item.released_at else {}
    try:
        edition = release_edition(
            document,
            slug=item.slug,
            label=item.label,
            effective_date=item.effective_date,
            effective_month_only=item.effective_month_only,
            change_summary=item.change_summary,
            snapshot=snapshot,
            **extra,
        )
    except ReleaseError as error:
        raise context.error(str(error)) from error
    context.stats["created"] += 1
    return edition


def changed_document_fields(released, wanted):
    """A hint for a released edition whose document fields differ from the file's: an
    edition keeps the fields of its time (e.g. its issuers: names change), which the
    item states under `document` once the document's own fields have moved on."""
    names = [name for name in DOCUMENT_FIELDS if released.get(name) != wanted.get(name)]
    if not names:
        return ""
    was = "; ".join(f"{name}: {released.get(name)!r}" for name in names)
    return (
        f" (dokumentfelterne {', '.join(names)} afviger fra udgaven; udgaven har {was}:"
        " angiv dem under udgavens 'document', når dokumentet er ændret siden)"
    )


def check_strengths(document_type, sections, context, key="sections"):
    """Skal/bør/kan in guidelines, models and templates, none in recommendations to
    government: checked on the items, as a document's type may change in the same
    file as its sections (or without them)."""
    with_strengths = GuidanceDocumentPage.type_uses_strengths(document_type)
    fields = set(RecommendationBlock.base_blocks)
    for index, section in enumerate(sections):
        for position, block in enumerate(section.body):
            if not isinstance(block, dict) or block.get("type") != "recommendation":
                continue
            value = block.get("value")
            strength = value.get("strength") if isinstance(value, dict) else None
            if (
                not isinstance(value, dict)
                or set(value) - fields
                or not (strength is None or isinstance(strength, str))
            ):
                continue  # a malformed block: the block validation says what is wrong
            problem = strength_problem(strength or "", with_strengths)
            if problem:
                raise context.child(f"{key}[{index}] ({section.slug})").error(
                    str(problem), field=f"body[{position}].strength"
                )


def comparable(snapshot):
    """A snapshot's structure with its rich text as export writes it (nh3's
    serialisation): an edition released from text saved in the admin (Draftail
    writes `<br/>`) then compares equal to the same text imported from a file."""
    frozen = structure(snapshot)
    body = GuidanceSectionPage._meta.get_field("body").stream_block
    document = dict(frozen["document"])
    if document.get("intro"):
        document["intro"] = normalise(document["intro"])
    sections = [
        {**section, "body": to_plain(body, body.to_python(section["body"]), rich_text=normalise)}
        for section in frozen["sections"]
    ]
    return {"document": document, "sections": sections}


def dump_edition(edition, current):
    """An edition as an item; text equal to the document's current text is left out."""
    data = {
        "slug": edition.slug,
        "label": edition.label,
        "effective_date": edition.effective_date,
        "change_summary": edition.change_summary,
        "released_at": edition.released_at,
    }
    if edition.effective_month_only:
        data["effective_month_only"] = True
    frozen = comparable(edition.snapshot)
    if frozen["document"] != current["document"]:
        # Only the fields that differ (e.g. the issuers of its time): import takes
        # the others from the document, as for an edition without `document`.
        data["document"] = {
            name: value
            for name, value in frozen["document"].items()
            if current["document"].get(name) != value
        }
    if frozen["sections"] != current["sections"]:
        data["sections"] = frozen["sections"]
    return data


@register
class GuidanceIndexHandler(IndexPageHandler, Handler):
    key = "guidance_index"
    schema = IndexItem
    model = GuidanceIndexPage
    order = 20


@register
class DocumentsHandler(Handler):
    key = "documents"
    schema = list[DocumentItem]
    order = 30
    one_file_per_item = True

    def apply(self, value, context):
        def sections(document, item, item_context):
            check_strengths(item.document_type, item.sections, item_context)
            sync_children(document, GuidanceSectionPage, item.sections, item_context, "sections")
            check_unique_slugs(item.editions, item_context, "editions")
            for index, edition in enumerate(item.editions):
                label = f"editions[{index}] ({edition.slug})"
                sync_edition(document, item, edition, item_context.child(label))

        index = guidance_index(context)
        sync_children(
            index, GuidanceDocumentPage, value, context, self.key, prune=False, each=sections
        )

    def dump(self, locale):
        documents = []
        for document in exported_pages(
            GuidanceDocumentPage.objects.all(), locale, with_children=GuidanceSectionPage
        ):
            data = dump_page(document, DocumentItem)
            sections = list(in_locale(GuidanceSectionPage.objects.child_of(document), locale))
            data["sections"] = [
                dump_page(section, SectionItem, parent_demo=document.is_demo)
                for section in sections
            ]
            # The text an edition without `sections` freezes on import: the sections
            # in this item (a translation's item lists its translated sections only).
            if is_source(locale):
                live = document.sections
            else:
                live = [section for section in sections if section.live]
            current = comparable(build_snapshot(document_data(document), live))
            data["editions"] = [dump_edition(e, current) for e in document.editions.all()]
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

    def dump(self, locale):
        indexes = exported_pages(RegionIndexPage.objects.all(), locale, with_children=RegionPage)
        if not indexes:
            return None
        index = indexes[0]
        data = dump_page(index, RegionIndexItem)
        data["regions"] = [
            dump_page(page, RegionItem, parent_demo=index.is_demo)
            for page in in_locale(RegionPage.objects.child_of(index), locale).select_related(
                "region"
            )
        ]
        return data
