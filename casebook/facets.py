"""Faceted browsing of the casebook.

Values within a facet are alternatives (OR), facets combine (AND). Each
facet's counts are computed with the *other* facets applied, so a reader sees
how many cases each choice would give; every facet costs one grouped query,
whatever the number of cases or values.

Facets know cases only through the model they are given (its fields and their
relations), so the casebook's page model can use them without this module
importing the models, which import it.
"""

from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Q, Value, When
from django.utils.translation import gettext_lazy as _

from core.facets import MAX_VALUES_PER_FACET, NATIONAL

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

    def options(self, model):
        """(value, label) for every value the facet knows, in display order."""
        raise NotImplementedError

    def q(self, values, model):
        """The filter for these values on cases of `model`."""
        raise NotImplementedError

    def counts(self, queryset):
        raise NotImplementedError


class RegionFacet(Facet):
    param, label = "region", _("Region")

    def options(self, model):
        regions = model._meta.get_field("region").related_model.objects.all()
        return [(r.slug, r.name) for r in regions] + [(NATIONAL, _("Nationalt"))]

    def q(self, values, model):
        q = Q(region__slug__in=[v for v in values if v != NATIONAL])
        return q | Q(region__isnull=True) if NATIONAL in values else q

    def counts(self, queryset):
        rows = queryset.values("region__slug").annotate(n=Count("pk")).order_by()
        return {row["region__slug"] or NATIONAL: row["n"] for row in rows}


class RelationFacet(Facet):
    """A many-to-many facet (values named by `key`), counted on the relation's
    through table: one row per case and value."""

    relation = ""  # the many-to-many field on the case
    key = "slug"

    def options(self, model):
        values = model._meta.get_field(self.relation).related_model.objects.all()
        return [(str(getattr(value, self.key)), value.name) for value in values]

    def _through(self, model):
        """The through model, its field for the case and its field for the value."""
        field = model._meta.get_field(self.relation)
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()

    def q(self, values, model):
        through, case, value = self._through(model)
        chosen = through.objects.filter(**{f"{value}__{self.key}__in": values})
        return Q(pk__in=chosen.values(f"{case}_id"))

    def counts(self, queryset):
        through, case, value = self._through(queryset.model)
        rows = (
            through.objects.filter(**{f"{case}_id__in": queryset.values("pk")})
            .values(f"{value}__{self.key}")
            .annotate(n=Count(f"{case}_id", distinct=True))
            .order_by()
        )
        return {str(row[f"{value}__{self.key}"]): row["n"] for row in rows}


class MunicipalityFacet(RelationFacet):
    param, label = "kommune", _("Kommune")
    relation, key = "municipalities", "code"


class TargetGroupFacet(RelationFacet):
    param, label = "maalgruppe", _("Målgruppe")
    relation = "target_groups"


class ThemeFacet(RelationFacet):
    param, label = "tema", _("Tema")
    relation = "themes"


class StatusFacet(Facet):
    param, label = "status", _("Status")

    def options(self, model):
        return list(model._meta.get_field("status").choices)

    def q(self, values, model):
        return Q(status__in=values)

    def counts(self, queryset):
        rows = queryset.values("status").annotate(n=Count("pk")).order_by()
        return {row["status"]: row["n"] for row in rows}


class PeriodFacet(Facet):
    """When a case started, in fixed spans."""

    param, label = "periode", _("Startår")

    def options(self, model):
        return [(value, value.replace("-", "–")) for value, _start, _end in PERIODS]

    def q(self, values, model):
        q = Q(pk__in=[])
        for value, start, end in PERIODS:
            if value in values:
                q |= Q(start_year__gte=start, start_year__lte=end)
        return q

    def counts(self, queryset):
        bucket = Case(
            *[When(start_year__gte=s, start_year__lte=e, then=Value(v)) for v, s, e in PERIODS],
            default=Value(""),
            output_field=CharField(),
        )
        rows = queryset.annotate(bucket=bucket).values("bucket").annotate(n=Count("pk")).order_by()
        return {row["bucket"]: row["n"] for row in rows if row["bucket"]}


FACETS = [
    RegionFacet(),
    MunicipalityFacet(),
    TargetGroupFacet(),
    ThemeFacet(),
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


def apply(queryset, selection, options, facets=FACETS):
    """The filtered cases and, per facet, its options with counts."""
    filters = {
        f.param: f.q(selection.values[f.param], queryset.model)
        for f in facets
        if selection.values.get(f.param)
    }
    results = queryset
    for q in filters.values():
        results = results.filter(q)
    facet_results = []
    for facet in facets:
        others = queryset
        for param, q in filters.items():
            if param != facet.param:
                others = others.filter(q)
        counts = facet.counts(others)
        chosen = selection.values.get(facet.param, [])
        facet_options = [
            {"value": v, "label": label, "count": counts.get(v, 0), "selected": v in chosen}
            for v, label in options[facet.param]
        ]
        facet_results.append(FacetResult(facet, facet_options))
    return results.order_by(*SORTS[selection.sort][1]), facet_results
