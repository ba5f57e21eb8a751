"""The casebook part of the content format: the index, cases, meetings and their
series, funding sources, collaborations, and the method catalogue."""

from datetime import date, time
from typing import ClassVar, Literal

from pydantic import model_validator
from wagtail.documents.models import Document

from core.content import Handler, register
from core.content.pages import (
    IndexPageHandler,
    check_unique_slugs,
    dump_page,
    find_page,
    in_locale,
    is_source,
    move_with_translations,
    site_root,
    sync_page,
)
from core.content.schema import IndexItem, Item, PageItem, RichText, Slug, Text, Title
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
    CollaborationInitiative,
    CollaborationKind,
    CollaborationPage,
    CollaborationPartner,
    FundingIndexPage,
    FundingPage,
    FundingRound,
    MaterialKind,
    MeetingCase,
    MeetingIndexPage,
    MeetingMaterial,
    MeetingPage,
    MeetingSeries,
    MethodIndexPage,
    MethodPage,
    PartnerKind,
    TargetGroup,
    Theme,
)
from .models.meetings import is_material_link


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
    #: the slug of a funding source (funding_sources)
    funding_source: Slug | None = None
    funding: str = ""
    #: slugs of method pages (methods)
    methods: list[Slug] = []
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
        if name == "funding_source":
            return _pages(FundingPage, [value], context, "pulje")[0] if value else None
        if name == "methods":
            return _pages(MethodPage, value, context, "metode")
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name in ("region", "funding_source"):
            return value.slug if value else None
        if name == "municipalities":
            return sorted(m.name for m in _related(value))
        if name in ("target_groups", "themes", "methods"):
            return sorted(o.slug for o in _related(value))
        if name == "recommendations":
            return [f"{link.document.slug}/{link.code}" for link in _related(value)]
        return value


def _pages(model, slugs, context, what):
    """Pages by slug; in a translation each page's translation when it has one."""
    pages = [find_page(model, context, slug=slug) for slug in slugs]
    missing = [slug for slug, page in zip(slugs, pages, strict=True) if page is None]
    if missing:
        raise ValueError(f"ukendt {what}: {', '.join(missing)}")
    return pages


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


class MaterialItem(Item):
    """A file from the document library (by its title there) or a link."""

    title: Title
    kind: Literal[tuple(MaterialKind.values)]
    document: str | None = None
    url: str = ""

    @model_validator(mode="after")
    def _one_target(self):
        if bool(self.document) == bool(self.url):
            raise ValueError("et materiale skal have enten 'document' eller 'url' (ét af dem)")
        if self.url and not is_material_link(self.url):
            raise ValueError("'url' skal være en adresse på sitet (/…) eller begynde med https://")
        return self


class MeetingItem(PageItem):
    #: the slug of a meeting series (meeting_series)
    series: Slug | None = None
    date: date
    start_time: time | None = None
    end_time: time | None = None
    place: Text
    region: Slug | None = None
    organiser: str = ""
    audience: str = ""
    summary: str = ""
    programme: RichText = ""
    materials: list[MaterialItem] = []
    registration_url: str = ""
    registration_contact: str = ""
    #: slugs of the cases presented
    cases: list[Slug] = []

    page_attribute: ClassVar[dict] = {"cases": "presented_cases"}

    @classmethod
    def field_to_page(cls, name, value, context):
        if name == "region":
            return _region(value)
        if name == "series":
            return _series(value)
        if name == "cases":
            return [MeetingCase(case=case) for case in _cases(value, context)]
        if name == "materials":
            return [_material(material) for material in value]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name in ("region", "series"):
            return value.slug if value else None
        if name == "cases":
            return [link.case.slug for link in _related(value)]
        if name == "materials":
            return [
                {
                    "title": m.title,
                    "kind": m.kind,
                    "document": m.document.title if m.document_id else None,
                    "url": m.url,
                }
                for m in _related(value)
            ]
        return value


def _series(slug):
    if slug is None:
        return None
    series = MeetingSeries.objects.filter(slug=slug).first()
    if series is None:
        raise ValueError(f"ukendt mødeserie '{slug}' (importér den under 'meeting_series')")
    return series


def _material(item):
    document = None
    if item.document:
        documents = Document.objects.filter(title=item.document)
        if len(documents[:2]) != 1:
            raise ValueError(
                f"dokumentbiblioteket har {'flere filer' if documents.exists() else 'ingen fil'}"
                f" med titlen '{item.document}'"
            )
        document = documents[0]
    return MeetingMaterial(title=item.title, kind=item.kind, document=document, url=item.url)


def _cases(slugs, context):
    """Cases by slug; in a translation each case's translation when it has one,
    else the Danish case."""
    cases = [find_page(CasePage, context, slug=slug) for slug in slugs]
    missing = [slug for slug, case in zip(slugs, cases, strict=True) if case is None]
    if missing:
        raise ValueError(f"ukendt case: {', '.join(missing)}")
    return cases


class SeriesItem(Item):
    """A meeting series: reference data in both languages (not a page)."""

    slug: Slug
    name: Title
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    sort_order: int = 0


class RoundItem(Item):
    name: Title
    deadline: date | None = None
    amount: int | None = None
    note: str = ""


class FundingItem(PageItem):
    summary: Text
    granted_by: Title
    administrator: str = ""
    start_year: int
    end_year: int | None = None
    total_amount: int | None = None
    eligibility: str = ""
    rounds: list[RoundItem] = []
    body: RichText = ""
    source: str = ""
    source_url: str = ""

    @classmethod
    def field_to_page(cls, name, value, context):
        if name == "rounds":
            return [FundingRound(**r.model_dump()) for r in value]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "total_amount":
            return None if value is None else int(value)
        if name == "rounds":
            return [
                {
                    "name": r.name,
                    "deadline": r.deadline,
                    "amount": None if r.amount is None else int(r.amount),
                    "note": r.note,
                }
                for r in _related(value)
            ]
        return value


class PartnerItem(Item):
    name: Title
    kind: Literal[tuple(PartnerKind.values)]


class InitiativeItem(Item):
    title: Title
    description: str = ""
    #: the slug of the case that carries it out
    case: Slug | None = None
    outcomes_invented: bool = False


class CollaborationItem(PageItem):
    #: the region whose page it goes under; none: the casebook (national)
    region: Slug | None = None
    kind: Literal[tuple(CollaborationKind.values)]
    summary: Text
    start_year: int
    start_month: int | None = None
    ambition: RichText
    partners: list[PartnerItem] = []
    initiatives: list[InitiativeItem] = []
    body: RichText = ""
    source: str = ""
    source_url: str = ""

    @classmethod
    def page_fields(cls):
        # The region is where the page lives, not a field of it.
        return [name for name in super().page_fields() if name != "region"]

    @classmethod
    def field_to_page(cls, name, value, context):
        if name == "partners":
            return [CollaborationPartner(**p.model_dump()) for p in value]
        if name == "initiatives":
            cases = _cases([i.case for i in value if i.case], context)
            by_slug = {case.slug: case for case in cases}
            return [
                CollaborationInitiative(
                    **initiative.model_dump(exclude={"case"}),
                    case=by_slug.get(initiative.case),
                )
                for initiative in value
            ]
        return value

    @classmethod
    def field_from_page(cls, name, value):
        if name == "partners":
            return [{"name": p.name, "kind": p.kind} for p in _related(value)]
        if name == "initiatives":
            return [
                {
                    "title": i.title,
                    "description": i.description,
                    "case": i.case.slug if i.case_id else None,
                    "outcomes_invented": i.outcomes_invented,
                }
                for i in _related(value)
            ]
        return value


class MethodItem(PageItem):
    summary: Text
    for_whom: RichText
    how: RichText = ""
    evidence: RichText
    sources: RichText = ""


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


class ListedPagesHandler(Handler):
    """Pages of one type under their listing page, which is made with default texts
    when no file has one (`index_key` names its own handler). Pages a file does not
    name stay."""

    model = None
    item = None
    index_model = None
    index_default = None  # IndexItem
    index_key = ""

    def index_parent(self, context):
        return casebook_index(context)

    def apply(self, value, context):
        parent = self.index_parent(context)
        index = in_locale(self.index_model.objects.child_of(parent), None).first()
        if index is None and context.translating:
            raise context.error(
                f"der er ingen dansk side '{self.index_default.slug}' at oversætte {self.key} i"
            )
        if index is None:
            index = sync_page(
                parent,
                self.index_model,
                self.index_default,
                context.child(self.index_key),
                singleton=True,
            )
        check_unique_slugs(value, context, self.key)
        for position, item in enumerate(value):
            item_context = context.child(f"{self.key}[{position}] ({item.slug})", demo=item.demo)
            sync_page(index, self.model, item, item_context)

    def dump(self, locale):
        pages = in_locale(self.model.objects.order_by("path"), locale)
        return [dump_page(page, self.item) for page in pages] or None


@register
class MeetingsHandler(ListedPagesHandler):
    key = "meetings"
    schema = list[MeetingItem]
    order = 42
    model, item = MeetingPage, MeetingItem
    index_model, index_key = MeetingIndexPage, "meetings_index"
    index_default = IndexItem(slug="moeder", title="Informationsmøder")


@register
class MeetingSeriesHandler(Handler):
    """Meeting series are reference data with their English names beside the Danish
    (like themes): written in the Danish file only. Series a file does not name stay."""

    key = "meeting_series"
    schema = list[SeriesItem]
    order = 41

    def apply(self, value, context):
        if context.translating:
            raise context.error(
                "mødeserier står kun i den danske fil (med name_en og description_en)"
            )
        for item in value:
            series = MeetingSeries.objects.filter(slug=item.slug).first()
            wanted = item.model_dump()
            if series is not None and all(getattr(series, k) == v for k, v in wanted.items()):
                context.stats["unchanged"] += 1
                continue
            context.stats["updated" if series else "created"] += 1
            MeetingSeries.objects.update_or_create(slug=item.slug, defaults=wanted)

    def dump(self, locale):
        if not is_source(locale):
            return None
        fields = list(SeriesItem.model_fields)
        return [
            {name: getattr(series, name) for name in fields}
            for series in MeetingSeries.objects.order_by("sort_order", "slug")
        ] or None


@register
class FundingIndexHandler(IndexPageHandler, Handler):
    key = "funding_index"
    schema = IndexItem
    model = FundingIndexPage
    order = 30

    def parent(self, context):
        return casebook_index(context)


@register
class FundingSourcesHandler(ListedPagesHandler):
    """Funding sources, under the casebook's funding page."""

    key = "funding_sources"
    schema = list[FundingItem]
    order = 31
    model, item = FundingPage, FundingItem
    index_model, index_key = FundingIndexPage, "funding_index"
    index_default = IndexItem(slug="puljer", title="Puljer og finansiering")


@register
class MethodIndexHandler(IndexPageHandler, Handler):
    key = "methods_index"
    schema = IndexItem
    model = MethodIndexPage
    order = 32


@register
class MethodsHandler(ListedPagesHandler):
    """The method catalogue's pages, under /metoder/."""

    key = "methods"
    schema = list[MethodItem]
    order = 33
    model, item = MethodPage, MethodItem
    index_model, index_key = MethodIndexPage, "methods_index"
    index_default = IndexItem(slug="metoder", title="Metoder")

    def index_parent(self, context):
        return site_root(context)


@register
class CollaborationsHandler(Handler):
    """Alliances and partnerships: a region's under the region's page, a national one
    under the casebook. After the cases, which their initiatives name."""

    key = "collaborations"
    schema = list[CollaborationItem]
    order = 43

    def apply(self, value, context):
        check_unique_slugs(value, context, self.key)
        for position, item in enumerate(value):
            item_context = context.child(f"{self.key}[{position}] ({item.slug})", demo=item.demo)
            if item.region:
                _region_or_error(item, item_context)
                parent = in_locale(RegionPage.objects.filter(region__slug=item.region), None)
                parent = parent.first()
                if parent is None:
                    raise item_context.error("regionen har ingen side endnu", field="region")
            else:
                parent = casebook_index(context)
            if not context.translating:
                # Moved to another region (or made national): the page follows.
                elsewhere = in_locale(CollaborationPage.objects.filter(slug=item.slug), None)
                elsewhere = elsewhere.exclude(
                    pk__in=CollaborationPage.objects.child_of(parent).values("pk")
                )
                for page in elsewhere[:1]:
                    move_with_translations(page, parent)
            sync_page(parent, CollaborationPage, item, item_context)

    def dump(self, locale):
        pages = in_locale(CollaborationPage.objects.order_by("path"), locale)
        items = []
        for page in pages:
            region = page.region
            items.append(
                {"region": region.slug if region else None, **dump_page(page, CollaborationItem)}
            )
        return items or None


def _region_or_error(item, context):
    try:
        _region(item.region)
    except ValueError as error:
        raise context.error(str(error), field="region") from error
