"""Faceted browsing of the casebook.

Values within a facet are alternatives (OR), facets combine (AND). Each
facet's counts are computed with the *other* facets applied, so a reader sees
how many cases each choice would give. The cases are read once per request
(CaseTable: one query, and one per many-to-many facet) and filtered and counted
in memory: a query per facet and combination cost PostgreSQL a scan of every
case each time. The table is kept between requests until the cases change
(case_table). docs/search.md, "The casebook's facets", has the figures.

Facets know cases only through the model they are given (its fields and their
relations), so the casebook's page model can use them without this module
importing the models, which import it.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from core.facets import MAX_VALUES_PER_FACET, NATIONAL
from core.i18n import default_locale, localized_pages

#: The funding facet's value for a case paid from no pool with a page of its own.
OTHER_FUNDING = "anden"

PERIODS = [
    ("2010-2014", 2010, 2014),
    ("2015-2017", 2015, 2017),
    ("2018-2020", 2018, 2020),
    ("2021-2023", 2021, 2023),
    ("2024-", 2024, 9999),
]
SORTS = {
    "nyeste": (_("Nyeste først"), ["-start_year", "title"]),
    "titel": (_("Titel (A-Å)"), ["title"]),
}
DEFAULT_SORT = "nyeste"


class Facet:
    param = ""
    label = ""
    field = ""  # the case's field the facet reads its value from, if one
    names = False  # its values are Danish names (regions, municipalities): lang="da"

    def options(self, model):
        """(value, label) for every value the facet knows, in display order."""
        raise NotImplementedError

    def value(self, field_value):
        """The facet's value for a case whose `field` has this value."""
        return str(field_value)

    def values(self, queryset, rows):
        """(case id, value) for every case of `queryset`: by default from the case rows
        already read (`rows`: case id -> {field: value})."""
        return ((pk, self.value(row[self.field])) for pk, row in rows.items())


class RegionFacet(Facet):
    param, label, field = "region", _("Region"), "region__slug"
    names = True

    def options(self, model):
        regions = model._meta.get_field("region").related_model.objects.all()
        return [(r.slug, r.name) for r in regions] + [(NATIONAL, _("Nationalt"))]

    def value(self, field_value):
        return field_value or NATIONAL


class RelationFacet(Facet):
    """A many-to-many facet (values named by `key`), read from the relation's
    through table: one row per case and value, one query."""

    relation = ""  # the many-to-many field on the case
    key = "slug"

    def options(self, model):
        values = model._meta.get_field(self.relation).related_model.objects.all()
        return [(str(getattr(value, self.key)), str(value)) for value in values]

    def values(self, queryset, rows):
        field = queryset.model._meta.get_field(self.relation)
        through = field.remote_field.through
        case, value = field.m2m_field_name(), field.m2m_reverse_field_name()
        pairs = through.objects.filter(**{f"{case}_id__in": queryset.values("pk")}).values_list(
            f"{case}_id", f"{value}__{self.key}"
        )
        return ((pk, str(key)) for pk, key in pairs)


class MunicipalityFacet(RelationFacet):
    param, label, names = "kommune", _("Kommune"), True
    relation, key = "municipalities", "code"


class TargetGroupFacet(RelationFacet):
    param, label = "maalgruppe", _("Målgruppe")
    relation = "target_groups"


class ThemeFacet(RelationFacet):
    param, label = "tema", _("Tema")
    relation = "themes"


def _page_options(pages):
    """(slug, title in the reader's language) of live Danish pages, by title:
    a case names the Danish page or its translation, which keeps its slug."""
    pages = list(pages.live().public().filter(locale=default_locale()))
    local = localized_pages(pages)
    return sorted(
        ((page.slug, local[page.translation_key].title) for page in pages),
        key=lambda option: option[1].casefold(),
    )


class FundingFacet(Facet):
    """The pool a case is paid from (casebook/models/funding.py), or "other"."""

    param, label, field = "finansiering", _("Finansiering"), "funding_source__slug"

    def options(self, model):
        sources = model._meta.get_field("funding_source").related_model.objects
        return _page_options(sources) + [(OTHER_FUNDING, _("Anden finansiering"))]

    def values(self, queryset, rows):
        # A pool that is not a live, public page is no option: its cases count as "other".
        known = {slug for slug, _label in self.options(queryset.model)}
        for pk, row in rows.items():
            slug = row[self.field]
            yield pk, slug if slug in known else OTHER_FUNDING


class MethodFacet(RelationFacet):
    """The methods a case uses (the method catalogue, casebook/models/methods.py)."""

    param, label = "metode", _("Metode")
    relation = "methods"

    def options(self, model):
        return _page_options(model._meta.get_field(self.relation).related_model.objects)


class StatusFacet(Facet):
    param, label, field = "status", _("Status"), "status"

    def options(self, model):
        return list(model._meta.get_field("status").choices)


class PeriodFacet(Facet):
    """When a case started, in fixed spans."""

    param, label, field = "periode", _("Startår"), "start_year"

    def options(self, model):
        return [(value, value.replace("-", "–")) for value, _start, _end in PERIODS]

    def value(self, field_value):
        return next((v for v, start, end in PERIODS if start <= field_value <= end), "")


FACETS = [
    RegionFacet(),
    MunicipalityFacet(),
    TargetGroupFacet(),
    ThemeFacet(),
    MethodFacet(),
    FundingFacet(),
    StatusFacet(),
    PeriodFacet(),
]


@dataclass
class Selection:
    values: dict = field(default_factory=dict)  # param -> [values]
    sort: str = DEFAULT_SORT
    notices: list = field(default_factory=list)

    def is_empty(self):
        return not any(self.values.values())


def all_options(model, facets=FACETS):
    """Every facet's known values for cases of `model`, read once per request (one
    query per vocabulary)."""
    return {facet.param: facet.options(model) for facet in facets}


def parse(query_dict, options, facets=FACETS):
    """Read filters from the URL. Unknown, repeated or malformed values are
    dropped and named in a notice; nothing a reader types gives an error."""
    selection = Selection()
    for facet in facets:
        known = dict(options[facet.param])
        chosen = []
        for raw in query_dict.getlist(facet.param):
            value = raw.strip()
            if value in known and value not in chosen:
                chosen.append(value)
            elif value and value not in chosen:
                selection.notices.append(
                    _("Filteret %(facet)s = “%(value)s” findes ikke og er ignoreret.")
                    % {"facet": facet.label, "value": value[:40]}
                )
        if len(chosen) > MAX_VALUES_PER_FACET:
            chosen = chosen[:MAX_VALUES_PER_FACET]
            selection.notices.append(
                _("Der kan højst vælges %d værdier pr. filter.") % MAX_VALUES_PER_FACET
            )
        selection.values[facet.param] = chosen
    sort = query_dict.get("sorter", DEFAULT_SORT)
    if sort not in SORTS:
        selection.notices.append(_("Ukendt sortering; viser nyeste først."))
        sort = DEFAULT_SORT
    selection.sort = sort
    return selection


@dataclass
class FacetResult:
    facet: Facet
    options: list  # dicts: value, label, count, selected


class CaseTable:
    """The cases of a listing read once, as each facet's values per case: one query
    for the cases (in the chosen order) and one per many-to-many facet, whatever the
    selection. Filters and every facet's counts are then set operations in memory."""

    def __init__(self, queryset, sort=DEFAULT_SORT, facets=FACETS):
        fields = sorted({facet.field for facet in facets if facet.field})
        rows = queryset.order_by(*SORTS[sort][1]).values("pk", *fields)
        self.rows = {row["pk"]: row for row in rows}  # in the listing's order
        self.ids = frozenset(self.rows)
        # param -> value -> the ids of the cases that have it
        self.index = {}
        for facet in facets:
            by_value = self.index[facet.param] = {}
            for pk, value in facet.values(queryset, self.rows):
                if pk in self.ids:
                    by_value.setdefault(value, set()).add(pk)

    def matching(self, param, values):
        """The ids of the cases with any of `values` (values within a facet are OR)."""
        return set().union(*(self.index[param].get(v, ()) for v in values))

    def counts(self, param, ids=None):
        ids = self.ids if ids is None else ids
        return {value: len(pks & ids) for value, pks in self.index[param].items()}


# Tables read lately, by what they were read from; a process keeps a few. The key
# holds the cases' fingerprint from the database (how many, when last published),
# so a publish in another process is seen at once, and `_generation`, which
# counts changes this process made without publishing (forget_tables).
_tables = OrderedDict()
TABLES_KEPT = 8
_generation = 0


def forget_tables(**kwargs):
    """A receiver for the signals that say a case or a vocabulary changed."""
    global _generation
    _generation += 1
    _tables.clear()


def case_table(queryset, sort, options, facets=FACETS):
    """The CaseTable of `queryset` in `sort` order, read anew only when the cases
    changed: one small aggregate query otherwise."""
    fingerprint = queryset.aggregate(
        n=Count("pk"),
        published=Max("last_published_at"),
        revised=Max("latest_revision_created_at"),
    )
    key = (
        str(queryset.query),
        sort,
        tuple(fingerprint.values()),
        _generation,
        tuple((param, tuple(values)) for param, values in sorted(options.items())),
    )
    table = _tables.get(key)
    if table is None:
        table = _tables[key] = CaseTable(queryset, sort, facets)
        while len(_tables) > TABLES_KEPT:
            _tables.popitem(last=False)
    return table


def apply(queryset, selection, options, facets=FACETS):
    """The ids of the filtered cases, in the selection's order, and, per facet, its
    options with counts (each with the *other* facets applied); and the table, for
    counts without any filter."""
    table = case_table(queryset, selection.sort, options, facets)
    matching = {
        f.param: table.matching(f.param, selection.values[f.param])
        for f in facets
        if selection.values.get(f.param)
    }
    facet_results = []
    for facet in facets:
        others = table.ids.intersection(
            *(ids for param, ids in matching.items() if param != facet.param)
        )
        counts = table.counts(facet.param, others)
        chosen = selection.values.get(facet.param, [])
        facet_options = [
            {"value": v, "label": label, "count": counts.get(v, 0), "selected": v in chosen}
            for v, label in options[facet.param]
        ]
        facet_results.append(FacetResult(facet, facet_options))
    found = table.ids.intersection(*matching.values())
    return [pk for pk in table.rows if pk in found], facet_results, table
