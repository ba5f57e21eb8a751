"""The casebook part of the content format: the index, cases and meetings."""

from datetime import date
from typing import ClassVar, Literal

from core.content import Handler, register
from core.content.pages import (
    IndexPageHandler,
    dump_page,
    find_page,
    in_locale,
    move_with_translations,
    site_root,
    sync_page,
)
from core.content.schema import IndexItem, PageItem, RichText, Slug, Text
from guidelines.models import (
    GuidanceDocumentPage,
    GuidanceSectionPage,
    Municipality,
    Region,
    RegionPage,
)

from .models import (
    CasebookIndexPage,
    CasePage,
    CaseRecommendation,
    CaseStatus,
    MeetingCase,
    MeetingIndexPage,
    MeetingPage,
    TargetGroup,
    Theme,
)


def _lookup(model, field, values, what):
    found = {str(getattr(o, field)): o for o in model.objects.filter(**{f"{field}__in": values})}
    missing = [v for v in values if str(v) not in found]
    if missing:
        raise ValueError(f"ukendt {what}: {', '.join(map(str, missing))}")
    return [found[str(v)] for v in values]


def _region(value):
    if value is None:
        return None
    region = Region.objects.filter(slug=value).first()
    if region is None:
        known = ", ".join(Region.objects.values_list("slug", flat=True))
        raise ValueError(f"ukendt region '{value}' (kendte: {known})")
    return region


def _related(value):
    """A many-to-many or child relation's objects, saved page or not."""
    return list(value.all()) if hasattr(value, "all") else list(value)


class CaseItem(PageItem):
    region: Slug | None = None
    municipalities: list[str] = []
    target_groups: list[Slug] = []
    themes: list[Slug] = []
    start_year: int
    end_year: int | None = None
    status: Literal[tuple(CaseStatus.values)]
    funding: str = ""
    partners: str = ""
    summary: Text
    what_was_done: RichText
    results: RichText = ""
    contact_role: str = ""
    review_date: date | None = None
    #: "document-slug/code", e.g. "dobbeltdiagnose/6.1"
    recommendations: list[str] = []

    page_attribute: ClassVar[dict] = {"recommendations": "recommendation_links"}

    @classmethod
    def field_to_page(cls, name, value, context):
        # Regions, municipalities, target groups and themes are reference data,
        # the same in every language; documents are looked up in the item's locale.
        if name == "region":
            return _region(value)
        if name == "municipalities":
            return _lookup(Municipality, "name", value, "kommune")
        if name == "target_groups":
            return _lookup(TargetGroup, "slug", value, "målgruppe")
        if name == "themes":
            return _lookup(Theme, "slug", value, "tema")
        if name == "recommendations":
            return recommendation_links(value, context)
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "region":
            return value.slug if value else None
        if name == "municipalities":
            return sorted(m.name for m in _related(value))
        if name in ("target_groups", "themes"):
            return sorted(o.slug for o in _related(value))
        if name == "recommendations":
            return [f"{link.document.slug}/{link.code}" for link in _related(value)]
        return value


def published_codes(document):
    """The codes of the document's published recommendations, behind a view
    restriction or not: a case may cite one in a document its readers need a
    password for, and a backup of that site must import."""
    sections = GuidanceSectionPage.objects.child_of(document).live()
    return {value["code"] for section in sections for value in section.recommendations}


def recommendation_links(references, context):
    """Links to recommendations; in a translation to the document's translation
    when it has one, else to the Danish document."""
    links = []
    for reference in references:
        slug, _sep, code = reference.partition("/")
        document = find_page(GuidanceDocumentPage, context, slug=slug)
        if document is None:
            raise ValueError(f"ukendt dokument i '{reference}' (skriv dokument-slug/kode)")
        if code not in published_codes(document):
            raise ValueError(f"dokumentet '{slug}' har ingen udgivet anbefaling '{code}'")
        links.append(CaseRecommendation(document=document, code=code))
    return links


class MeetingItem(PageItem):
    date: date
    place: Text
    region: Slug | None = None
    summary: str = ""
    programme: RichText = ""
    #: slugs of the cases presented
    cases: list[Slug] = []

    page_attribute: ClassVar[dict] = {"cases": "presented_cases"}

    @classmethod
    def field_to_page(cls, name, value, context):
        if name == "region":
            return _region(value)
        if name == "cases":
            return [MeetingCase(case=case) for case in _cases(value, context)]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "region":
            return value.slug if value else None
        if name == "cases":
            return [link.case.slug for link in _related(value)]
        return value


def _cases(slugs, context):
    """Cases by slug; in a translation each case's translation when it has one,
    else the Danish case."""
    cases = [find_page(CasePage, context, slug=slug) for slug in slugs]
    missing = [slug for slug, case in zip(slugs, cases, strict=True) if case is None]
    if missing:
        raise ValueError(f"ukendt case: {', '.join(missing)}")
    return cases


def casebook_index(context):
    """The Danish casebook (a translation finds its source pages under it)."""
    index = in_locale(CasebookIndexPage.objects.child_of(site_root(context)), None).first()
    if index is None:
        raise context.error("casebogen findes ikke; importér 'casebook_index' først")
    return index


@register
class CasebookIndexHandler(IndexPageHandler, Handler):
    key = "casebook_index"
    schema = IndexItem
    model = CasebookIndexPage
    order = 22


@register
class CasesHandler(Handler):
    """Regional cases go under their region's page, national ones under the
    casebook; a case whose region changes moves. Cases are not pruned."""

    key = "cases"
    schema = list[CaseItem]
    order = 40

    def apply(self, value, context):
        index = casebook_index(context)
        for position, item in enumerate(value):
            item_context = context.child(f"{self.key}[{position}] ({item.slug})", demo=item.demo)
            if item.region:
                regions = RegionPage.objects.filter(region__slug=item.region)
                parent = in_locale(regions, None).first()
                if parent is None:
                    raise item_context.error("regionen har ingen side endnu", field="region")
            else:
                parent = index
            if not context.translating:
                # A translation follows its Danish case (pages.sync_translation).
                elsewhere = in_locale(CasePage.objects.filter(slug=item.slug), None).exclude(
                    pk__in=CasePage.objects.child_of(parent).values("pk")
                )
                for case in elsewhere[:1]:
                    move_with_translations(case, parent)
            sync_page(parent, CasePage, item, item_context)

    def dump(self, locale):
        cases = in_locale(CasePage.objects.order_by("path"), locale).select_related("region")
        return [dump_page(case, CaseItem) for case in cases] or None


@register
class MeetingsIndexHandler(IndexPageHandler, Handler):
    key = "meetings_index"
    schema = IndexItem
    model = MeetingIndexPage
    order = 41

    def parent(self, context):
        return casebook_index(context)


@register
class MeetingsHandler(Handler):
    key = "meetings"
    schema = list[MeetingItem]
    order = 42

    def apply(self, value, context):
        index = in_locale(MeetingIndexPage.objects.child_of(casebook_index(context)), None).first()
        if index is None and context.translating:
            raise context.error("der er ingen dansk side 'moeder' at oversætte møder i")
        if index is None:
            index = sync_page(
                casebook_index(context),
                MeetingIndexPage,
                IndexItem(slug="moeder", title="Informationsmøder"),
                context.child("meetings_index"),
                singleton=True,
            )
        for position, item in enumerate(value):
            item_context = context.child(f"{self.key}[{position}] ({item.slug})", demo=item.demo)
            sync_page(index, MeetingPage, item, item_context)

    def dump(self, locale):
        meetings = in_locale(MeetingPage.objects.order_by("path"), locale).select_related("region")
        return [dump_page(meeting, MeetingItem) for meeting in meetings] or None
