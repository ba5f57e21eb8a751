"""Where the guidance's pages point to the worksheet (guidelines/hooks.py): the
document's page, when its sections hold action-plan parts, and each region's page
(the region's version of each such document)."""

from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast

from core.restrictions import private_q
from guidelines.hooks import PagePart
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage, RegionalAdaptationPage


def sketch_sections():
    """Published sections whose body holds action-plan parts."""
    return (
        GuidanceSectionPage.objects.live()
        .annotate(body_text=Cast("body", TextField()))
        .filter(body_text__contains='"action_plan_part"')
    )


def with_sketch(documents, request):
    """The public ones of `documents` that have a published, public section with parts:
    one query (and the private pages' Q, once per request)."""
    private = private_q(request)
    sections = (
        sketch_sections()
        .exclude(private)
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    )
    return documents.live().exclude(private).filter(Exists(sections))


class WorksheetLink(PagePart):
    template_name = "worksheet/parts/worksheet_link.html"

    def __init__(self, links, region=None):
        self.links, self.region = links, region

    def get_context_data(self, parent_context=None):
        return {"links": self.links, "region": self.region}


def document_part(document, request):
    if not with_sketch(GuidanceDocumentPage.objects.filter(pk=document.pk), request).exists():
        return None
    return WorksheetLink([(document, document.get_url(request) + "udfyld/")])


def region_part(region_page, request):
    """Each sketch's worksheet in the region's version: at the region's adaptation of
    it where there is one (by its own slug), else under the region's page. Two queries."""
    base = region_page.get_url(request)
    if not base:
        return None
    documents = list(
        with_sketch(
            GuidanceDocumentPage.objects.filter(locale_id=region_page.locale_id), request
        ).order_by("path")
    )
    if not documents:
        return None
    adaptations = {
        adaptation.document.translation_key: adaptation
        for adaptation in RegionalAdaptationPage.objects.child_of(region_page)
        .live()
        .exclude(private_q(request))
        .filter(document__translation_key__in=[d.translation_key for d in documents])
        .select_related("document")
        .order_by("-path")  # two of one document (there should not be): the first wins
    }
    links = []
    for document in documents:
        adaptation = adaptations.get(document.translation_key)
        url = adaptation.get_url(request) if adaptation else f"{base}{document.slug}/"
        links.append((document, url + "udfyld/"))
    return WorksheetLink(links, region_page.region)
