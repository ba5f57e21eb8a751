from django.core.paginator import Paginator
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.i18n import default_locale, localize
from core.models import IndexPage, SitePage
from guidelines.models import GuidanceDocumentPage, Region, prefetch_sections

from .. import facets
from .cases import CasePage, CaseRecommendation
from .funding import FundingIndexPage
from .meetings import MeetingIndexPage
from .methods import MethodIndexPage

CASES_PER_PAGE = 20


class CasebookIndexPage(RoutablePageMixin, IndexPage):
    """The casebook (/casebog/): every case on the site, regional and national,
    with facets; the Denmark overview; and the coverage of recommendations."""

    subpage_types = [
        "casebook.CasePage",
        "casebook.MeetingIndexPage",
        "casebook.FundingIndexPage",
        "casebook.CollaborationPage",
    ]

    class Meta:
        verbose_name = _("casebog")

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("coverage")]

    def cases(self):
        """Every live, public case in this casebook's language (translations and the
        English aliases of untranslated ones), wherever it lives in the tree."""
        return CasePage.objects.live().public().filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        options = facets.all_options(CasePage)
        selection = facets.parse(request.GET, options)
        found, facet_results, table = facets.apply(self.cases(), selection, options)
        page_obj = Paginator(found, CASES_PER_PAGE).get_page(request.GET.get("side"))
        shown = CasePage.objects.filter(pk__in=page_obj.object_list).select_related("region")
        shown = shown.prefetch_related("municipalities", "themes").in_bulk()
        page_obj.object_list = [shown[pk] for pk in page_obj.object_list]
        # The Denmark overview counts all cases, whatever is filtered below it.
        region_counts = table.counts("region")
        context.update(
            selection=selection,
            facets=facet_results,
            page_obj=page_obj,
            sorts=[(key, label) for key, (label, _order) in facets.SORTS.items()],
            regions_overview=[
                {"value": value, "label": label, "count": region_counts.get(value, 0)}
                for value, label in options["region"]
            ],
            query_without_page=_query_without(request.GET, "side"),
            meeting_index=MeetingIndexPage.objects.child_of(self).live().first(),
            funding_index=FundingIndexPage.objects.child_of(self).live().first(),
            method_index=localize(
                MethodIndexPage.objects.live().filter(locale=default_locale()).first()
            ),
        )
        return context

    @path("daekning/", name="coverage")
    def coverage(self, request):
        """Recommendations × regions: where cases put a recommendation into practice."""
        regions = list(Region.objects.all())
        counts = {}
        # Cases name the Danish document; its translation shares the translation key.
        rows = (
            CaseRecommendation.objects.filter(case__in=self.cases())
            .values("document__translation_key", "code", "case__region__slug")
            .annotate(n=Count("case", distinct=True))
            .order_by()
        )
        for row in rows:
            key = (row["document__translation_key"], row["code"])
            counts.setdefault(key, {})[row["case__region__slug"] or "national"] = row["n"]
        documents = []
        for document in prefetch_sections(
            GuidanceDocumentPage.objects.live().public().filter(locale_id=self.locale_id)
        ):
            recommendations = []
            for section, rec in document.recommendations():
                by_region = counts.get((document.translation_key, rec["code"]), {})
                cells = [by_region.get(r.slug, 0) for r in regions] + [by_region.get("national", 0)]
                recommendations.append(
                    {"recommendation": rec, "section": section, "cells": cells, "total": sum(cells)}
                )
            if recommendations:
                documents.append({"document": document, "rows": recommendations})
        context = SitePage.get_context(self, request)  # the page, without the facets
        context.update(regions=regions, documents=documents)
        return TemplateResponse(request, "casebook/coverage.html", context)


def _query_without(query_dict, key):
    query = query_dict.copy()
    query.pop(key, None)
    return query.urlencode()
