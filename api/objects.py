"""What a page, a search hit or an edition stands for in the API: its kind, its id
and its API address, from slugs alone (the same ids as api/routers/documents.py).

A page's slugs come from its url_path ("/home/vejledninger/dd/maalgruppe/"): a
section is a child of its document, so the parent's slug is the one before the
page's own. An adaptation is named by its region and the document it adapts,
which `named_pages` reads with the pages. So a list of any length is identified
in one query, not one per item."""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from guidelines.codes import code_from_slug, code_slug, recommendation_anchor
from guidelines.models import Region

from .bodies import base_url

#: The anchor of a recommendation in its section, before its code: "anbefaling-".
ANCHOR_PREFIX = recommendation_anchor("")


def slugs(url_path):
    return [slug for slug in (url_path or "").split("/") if slug]


def identify(kind, url_path, ref=""):
    """(id, API path under /api/v1/) of an object of `kind` ("document", "section",
    "recommendation", "edition", "adaptation", "case", "meeting") on the page at
    `url_path`; `ref` is the recommendation's anchor, the edition's slug, or for
    an adaptation "<region>/<document>" (named_pages). (None, None) when unknown."""
    path = slugs(url_path)
    if not path:
        return None, None
    own, parent = path[-1], path[-2] if len(path) > 1 else ""
    if kind == "document":
        return own, f"documents/{own}/"
    if kind == "section" and parent:
        return f"{parent}/{own}", f"documents/{parent}/sections/{own}/"
    if kind == "recommendation" and parent and ref.startswith(ANCHOR_PREFIX):
        code = code_from_slug(ref.removeprefix(ANCHOR_PREFIX))
        if code:
            return f"{parent}/{code}", f"documents/{parent}/recommendations/{code_slug(code)}/"
    if kind == "edition" and ref:
        return f"{own}/{ref}", f"documents/{own}/editions/{ref}/"
    if kind == "adaptation" and ref.count("/") == 1 and all(ref.split("/")):
        region, document = ref.split("/")
        return ref, f"regions/{region}/adaptations/{document}/"
    if kind == "case":
        return own, f"cases/{own}/"
    if kind == "meeting":
        return own, f"meetings/{own}/"
    return None, None


def named_pages(ids):
    """{id: Page} of these pages, each adaptation with `adapts` = "<region>/<document>"
    (its region's slug and the slug of the document it adapts), in one query."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    region = Region.objects.filter(pages__path=parent_path).values("slug")[:1]
    pages = Page.objects.annotate(
        adapted_document=F("regionaladaptationpage__document__slug"),
        adapted_region=Subquery(region),
    ).in_bulk(ids)
    for page in pages.values():
        page.adapts = ""
        if page.adapted_document and page.adapted_region:
            page.adapts = f"{page.adapted_region}/{page.adapted_document}"
    return pages


def api_address(request, path, language=None):
    """The absolute API address of `path`; with ?lang= when the object is in another
    language than the request's (a Danish hit found by an English query)."""
    if path is None:
        return None
    address = base_url(request) + "/api/v1/" + path
    if language and language != getattr(request, "api_language", language):
        address += f"?lang={language}"
    return address
