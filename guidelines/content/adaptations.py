"""Regional adaptations in the content format: a region's version of one document.

An item names its region, the national document and the edition it is based
on by slug; its `sections` are the adapted sections in order, and its
`stances` the region's stance on each national recommendation in the sections
it replaces (models/stances.py), by code. The page goes
under the region's page. Two regions may adapt the same document under the
same slug, so an adaptation is known by region and slug together, in the
duplicate check and in the exported file's name (`adaptations/<region>-<slug>.yaml`).
"""

from typing import ClassVar, Literal

from core.content.pages import dump_page, find_page, in_locale, sync_page
from core.content.registry import Handler, register
from core.content.richtext import rich_text_problem
from core.content.schema import Item, PageItem, Slug

from ..models import (
    AdaptationMode,
    Edition,
    GuidanceDocumentPage,
    RecommendationStance,
    Region,
    RegionalAdaptationPage,
    RegionPage,
    SectionAdaptation,
    Stance,
)
from ..models.adaptations import LOCAL_TEXT_FEATURES, entry_problems
from ..models.stances import (
    STANCE_TEXT_FEATURES,
    coverage_problems,
    duplicate_problems,
    stance_problems,
)


def find_document(slug, context):
    """The national document `slug`; in a translation its translation when it has
    one, else the Danish one (with the Danish editions)."""
    document = find_page(GuidanceDocumentPage, context, slug=slug)
    if document is None:
        known = in_locale(GuidanceDocumentPage.objects.order_by("path"), None).values_list(
            "slug", flat=True
        )
        raise ValueError(f"ukendt vejledning '{slug}' (kendte: {', '.join(known) or 'ingen'})")
    return document


def find_edition(document, slug):
    """The document's edition `slug`; None only when the document has no editions."""
    editions = list(Edition.objects.filter(document=document).order_by("effective_date"))
    if slug is None:
        if editions:
            raise ValueError(
                "angiv den nationale udgave, tilpasningen bygger på "
                f"(kendte: {', '.join(e.slug for e in editions)})"
            )
        return None
    for edition in editions:
        if edition.slug == slug:
            return edition
    known = ", ".join(e.slug for e in editions) or "ingen"
    elsewhere = Edition.objects.filter(slug=slug).exclude(document=document).first()
    if elsewhere is not None:
        raise ValueError(
            f"udgaven '{slug}' hører til '{elsewhere.document.slug}', ikke til "
            f"'{document.slug}' (kendte: {known})"
        )
    raise ValueError(f"'{document.slug}' har ingen udgave '{slug}' (kendte: {known})")


class SectionEntryItem(Item):
    #: The slug of a section of the national document.
    section: Slug
    mode: Literal[tuple(AdaptationMode.values)]
    #: rich text, cleaned with the features of SectionAdaptation.text on import
    text: str = ""
    reason: str = ""


class StanceItem(Item):
    #: The code of a national recommendation in a section the region replaces.
    code: str
    stance: Literal[tuple(Stance.values)]
    #: rich text, cleaned with STANCE_TEXT_FEATURES on import
    text: str = ""
    reason: str = ""


STANCE_FIELDS = ("code", "stance", "text", "reason")


class AdaptationItem(PageItem):
    region: Slug
    document: Slug
    based_on: Slug | None = None
    intro: str = ""
    sections: list[SectionEntryItem] = []
    stances: list[StanceItem] = []

    page_attribute: ClassVar[dict] = {
        "sections": "section_adaptations",
        "stances": "recommendation_stances",
    }

    @classmethod
    def page_fields(cls):
        # The region is where the page lives, not a field of it.
        return [name for name in super().page_fields() if name != "region"]

    def field_to_page(self, name, value, context):
        # An instance method: the edition is looked up in this item's document.
        if name == "document":
            return find_document(value, context)
        if name == "based_on":
            return find_edition(find_document(self.document, context), value)
        if name == "sections":
            return [
                SectionAdaptation(
                    sort_order=position,
                    section=entry.section,
                    mode=entry.mode,
                    text=entry.text,
                    reason=entry.reason,
                )
                for position, entry in enumerate(value)
            ]
        if name == "stances":
            return [
                RecommendationStance(
                    sort_order=position, **{key: getattr(stance, key) for key in STANCE_FIELDS}
                )
                for position, stance in enumerate(value)
            ]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "document":
            return value.slug
        if name == "based_on":
            return value.slug if value else None
        if name == "sections":
            entries = value.all() if hasattr(value, "all") else value
            return [
                {
                    "section": entry.section,
                    "mode": entry.mode,
                    "text": entry.text,
                    "reason": entry.reason,
                }
                for entry in entries
            ]
        if name == "stances":
            stances = value.all() if hasattr(value, "all") else value
            return [{key: getattr(stance, key) for key in STANCE_FIELDS} for stance in stances]
        return value


def region_page(item, context):
    if not Region.objects.filter(slug=item.region).exists():
        known = ", ".join(Region.objects.values_list("slug", flat=True))
        raise context.error(f"ukendt region '{item.region}' (kendte: {known})", field="region")
    # The Danish region page: a translation finds its source under it.
    page = in_locale(RegionPage.objects.filter(region__slug=item.region), None).first()
    if page is None:
        raise context.error(
            "regionen har ingen side endnu; importér den under 'regions_index' først",
            field="region",
        )
    return page


def check_item(item, context):
    """The lookups and the editor's rules, reported at the item and entry they concern.

    The page's own clean() runs again when it is saved; checking here first
    names the entry (`sections[2] (opfoelgning)`) and its field.
    """
    try:
        document = find_document(item.document, context)
    except ValueError as error:
        raise context.error(str(error), field="document") from error
    try:
        find_edition(document, item.based_on)
    except ValueError as error:
        raise context.error(str(error), field="based_on") from error
    known = {section.slug for section in document.get_children()}
    seen = set()
    for position, entry in enumerate(item.sections):
        entry_context = context.child(f"sections[{position}] ({entry.section})")
        if entry.section not in known:
            raise entry_context.error(
                f"'{document.slug}' har intet afsnit '{entry.section}' "
                f"(kendte: {', '.join(sorted(known))})",
                field="section",
            )
        if entry.section in seen:
            raise entry_context.error("afsnittet er tilpasset mere end én gang", field="section")
        seen.add(entry.section)
        problem = rich_text_problem(entry.text, LOCAL_TEXT_FEATURES)
        if problem:
            raise entry_context.error(problem, field="text")
        for field, message in entry_problems(entry):
            raise entry_context.error(str(message), field=field)
    check_stances(item, document, context)


def check_stances(item, document, context):
    """The stances as the editor's form checks them (adaptations/stance_form.py)."""

    def stance_context(position):
        return context.child(f"stances[{position}] ({item.stances[position].code})")

    for position, stance in enumerate(item.stances):
        problem = rich_text_problem(stance.text, STANCE_TEXT_FEATURES)
        if problem:
            raise stance_context(position).error(problem, field="text")
        for field, message in stance_problems(stance):
            raise stance_context(position).error(str(message), field=field)
    codes = [stance.code for stance in item.stances]
    replaced = [e.section for e in item.sections if e.mode == AdaptationMode.REPLACED]
    for position, message in duplicate_problems(codes) or coverage_problems(
        document, replaced, codes
    ):
        if position is None:
            raise context.error(str(message), field="stances")
        raise stance_context(position).error(str(message), field="code")


@register
class AdaptationsHandler(Handler):
    """Adaptations go under their region's page; they are not pruned."""

    key = "adaptations"
    schema = list[AdaptationItem]
    order = 35  # after documents (30) and regions (21): it names both
    one_file_per_item = True

    def item_key(self, item):
        return f"{item.region}-{item.slug}"

    def item_file(self, item):
        return f"{item['region']}-{item['slug']}"

    def apply(self, value, context):
        for position, item in enumerate(value):
            label = f"{self.key}[{position}] ({item.region}/{item.slug})"
            item_context = context.child(label, demo=item.demo)
            parent = region_page(item, item_context)
            check_item(item, item_context)
            sync_page(parent, RegionalAdaptationPage, item, item_context)

    def dump(self, locale):
        regions = {
            page.path: page.region.slug for page in RegionPage.objects.select_related("region")
        }
        pages = in_locale(RegionalAdaptationPage.objects.order_by("path"), locale).select_related(
            "document", "based_on"
        )
        adaptations = []
        for page in pages:
            data = {"region": regions[page.path[: -page.steplen]]}
            data.update(dump_page(page, AdaptationItem))
            adaptations.append(data)
        return adaptations or None
