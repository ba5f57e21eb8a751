"""The read API, version 1: one django-ninja API (the framework Wagtail 8's own API
v3 is built on) with a router per resource. README, "Read API", says why it is not
Wagtail's v3 pages API itself."""

from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as describe
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import schema_text
from .routers import adaptations, casebook, changes, documents, oembed, search


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # "ø" as UTF-8 (declared), not escaped


api = NinjaAPI(
    renderer=Renderer(),
    title="Vejledning: åbent læse-API",
    version="1",
    description=describe(
        "Den nationale vejledning, regionernes tilpasninger og casebogen som data. "
        "Kun læsning: kun udgivet, offentligt indhold."
    ),
    urls_namespace="api_v1",
    openapi_url=None,  # served translated by `schema` below
    docs_url=None,  # the human documentation is a page of the site (api/docs.py)
)

api.add_router("/documents/", documents.router)
api.add_router("/", casebook.router)  # /cases/ and /meetings/
api.add_router("/regions/", adaptations.router)
api.add_router("/search/", search.router)
api.add_router("/changes/", changes.router)
api.add_router("/oembed/", oembed.router)


@api.get("/schema/", include_in_schema=False, url_name="schema")
def schema(request, lang: str | None = None):
    """The OpenAPI 3 schema, its descriptions in the request's language."""
    document = schema_text.translated(api.get_openapi_schema(), gettext)
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
