"""The casebook part of the content format: the index, cases and meetings."""

from datetime import date
from typing import ClassVar, Literal

from guidelines.content import Handler, register
from guidelines.content.pages import IndexPageHandler, dump_page, site_root, sync_page
from guidelines.content.schema import IndexItem, PageItem, RichText, Slug, Text
from guidelines.models import GuidanceDocumentPage, Municipality, Region, RegionPage

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
    def field_to_page(cls, name, value):
        if name == "region":
            return _region(value)
        if name == "municipalities":
            return _lookup(Municipality, "name", value, "kommune")
        if name == "target_groups":
            return _lookup(TargetGroup, "slug", value, "målgruppe")
        if name == "themes":
            return _lookup(Theme, "slug", value, "tema")
        if name == "recommendations":
            return recommendation_links(value)
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


def recommendation_links(references):
    links = []
    for reference in references:
        slug, _sep, code = reference.partition("/")
        document = GuidanceDocumentPage.objects.filter(slug=slug).first()
        if document is None:
            raise ValueError(f"ukendt dokument i '{reference}' (skriv dokument-slug/kode)")
        if not document.find_recommendation(code):
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
    def field_to_page(cls, name, value):
        if name == "region":
            return _region(value)
        if name == "cases":
            return [MeetingCase(case=case) for case in _lookup(CasePage, "slug", value, "case")]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "region":
            return value.slug if value else None
        if name == "cases":
            return [link.case.slug for link in _related(value)]
        return value


def casebook_index(context):
    index = CasebookIndexPage.objects.child_of(site_root(context)).first()
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
                parent = RegionPage.objects.filter(region__slug=item.region).first()
                if parent is None:
                    raise item_context.error("regionen har ingen side endnu", field="region")
            else:
                parent = index
            elsewhere = CasePage.objects.filter(slug=item.slug).exclude(
                pk__in=CasePage.objects.child_of(parent).values("pk")
            )
            for case in elsewhere[:1]:
                case.move(parent, pos="last-child")
            sync_page(parent, CasePage, item, item_context)

    def dump(self):
        cases = CasePage.objects.order_by("path").select_related("region")
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
        index = MeetingIndexPage.objects.child_of(casebook_index(context)).first()
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

    def dump(self):
        meetings = MeetingPage.objects.order_by("path").select_related("region")
        return [dump_page(meeting, MeetingItem) for meeting in meetings] or None
