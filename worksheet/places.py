"""Which worksheet an address asks for: a document's, or a region's version of it.

/vejledninger/indsatsplan/udfyld/ is the national worksheet; /regioner/<region>/
indsatsplan/udfyld/ the region's, whether or not the region has adapted the
document (the last step names the document by its slug). Only published, public
pages have a worksheet; anything else is a 404, as the page itself would be.
"""

from django.http import Http404
from wagtail.models import Site

from guidelines.models import (
    GuidanceDocumentPage,
    Municipality,
    RegionalAdaptationPage,
    RegionPage,
)

from .sketch import sketch_for


def _route(request, components):
    """The page at exactly this path: not one of its sub-addresses (a document's
    editions, say), which would give the same worksheet many addresses."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page, args, _kwargs = site.root_page.localized.specific.route(request, components)
    if args:  # a routable page: its own address is the route of "/", without arguments
        view, view_args, view_kwargs = args
        if view_args or view_kwargs or view != page.resolve_subpage("/")[0]:
            raise Http404
    return page.specific


def _public(page):
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    return page


def _document(page):
    if isinstance(page, GuidanceDocumentPage):
        return page
    raise Http404


def place(request, page_path):
    """The Sketch for the address's page path ("vejledninger/indsatsplan/")."""
    components = [c for c in page_path.split("/") if c]
    if not components:
        raise Http404
    try:
        page = _route(request, components)
    except Http404:
        page = None
    if isinstance(page, GuidanceDocumentPage):
        sketch = sketch_for(_public(page))
    elif isinstance(page, RegionalAdaptationPage):
        _public(page)
        region_page = page.get_parent().specific
        document = _public(page.document.localized.specific)
        sketch = sketch_for(document, region=region_page.region, adaptation=page)
    else:
        # The region's page and the document's slug: the region has not adapted the
        # document, or its adaptation lives under another slug.
        parent = _route(request, components[:-1]) if len(components) > 1 else None
        if not isinstance(parent, RegionPage):
            raise Http404
        _public(parent)
        document = (
            GuidanceDocumentPage.objects.live()
            .filter(slug=components[-1], locale_id=parent.locale_id)
            .first()
        )
        if document is None:
            raise Http404
        sketch = sketch_for(
            _public(document), region=parent.region, adaptation=adaptation_of(parent, document)
        )
    if not sketch.parts:
        raise Http404
    return sketch


def adaptation_of(region_page, document):
    """The region's live, public adaptation of `document` (in any language), or None."""
    adaptations = (
        RegionalAdaptationPage.objects.child_of(region_page)
        .live()
        .public()
        .filter(document__translation_key=document.translation_key)
    )
    return adaptations.first()


def municipalities_for(sketch):
    """The municipalities to choose from: the region's, or the whole country's."""
    municipalities = Municipality.objects.select_related("region").order_by("region__code", "name")
    if sketch.region is not None:
        municipalities = municipalities.filter(region=sketch.region)
    return list(municipalities)
