"""oEmbed (oembed.com, version 1.0): give the address of a recommendation's or a
section's page, get the HTML that embeds it, an <iframe> of its embed view
(api/views.py), which shows the current text wherever it is put.

A consumer (an intranet's editor, a CMS) finds this endpoint from the
recommendation page's <link rel="alternate" type="application/json+oembed">, or is
configured with it. Only JSON is given: format=xml is 501, as the specification
says for a format the provider does not offer."""

from typing import Annotated

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as describe
from ninja import Query, Router, Status

from ..common import ERRORS, LangQuery, Problem
from ..embeds import embed_for_url, size
from ..middleware import client_seconds
from ..schemas.oembed import OEmbedOut

router = Router(tags=["Indlejring"])

UrlQuery = Annotated[
    str,
    Query(
        min_length=1,
        max_length=2000,
        description=describe(
            "Adressen på en anbefalings side (…/anbefaling/3-2/) eller et afsnits side på "
            "dette site."
        ),
    ),
]
#: oEmbed's `format`: json, or 501 for any other (the specification's answer for a
#: format the provider does not give). Left out of the OpenAPI schema, which can only
#: say "json" and would then have a schema checker (schemathesis) send other
#: values and count the 501 the specification asks for as a server error; the
#: operation's description and its 501 answer say it instead.
FormatQuery = Annotated[str, Query(max_length=20, include_in_schema=False)]
MaxWidthQuery = Annotated[
    int | None,
    Query(ge=1, le=10_000, description=describe("Den største bredde i pixels, der er plads til.")),
]
MaxHeightQuery = Annotated[
    int | None,
    Query(ge=1, le=10_000, description=describe("Den største højde i pixels, der er plads til.")),
]


@router.get(
    "",
    response={200: OEmbedOut, 501: Problem, **ERRORS},
    summary=describe("Indlejring (oEmbed)"),
    description=describe(
        "Indlejring efter oEmbed 1.0: en <iframe>, der viser en anbefaling eller et afsnit "
        "med den aktuelle tekst, kode, styrke, gældende udgave og et link til siden. "
        "Teksten er på sidens sprog. En adresse, der ikke er en offentlig anbefaling eller "
        "et offentligt afsnit på dette site, giver 404. Svaret er JSON: format=json eller "
        "intet format; format=xml (eller et andet) giver 501, som oEmbed foreskriver."
    ),
)
def oembed(
    request,
    url: UrlQuery,
    format: FormatQuery = "json",
    maxwidth: MaxWidthQuery = None,
    maxheight: MaxHeightQuery = None,
    lang: LangQuery = None,
):
    if format != "json":
        return Status(501, {"detail": gettext("Kun format=json understøttes.")})
    embed = embed_for_url(request, url)
    width, height = size(embed.kind, maxwidth, maxheight)
    with translation.override(embed.language):
        title = embed.title
        html = format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
            'style="border:0;max-width:100%"></iframe>',
            embed.embed_url(request),
            width,
            height,
            title,
        )
        provider = gettext("Vejledning om tværsektoriel indsats")
        home = request.build_absolute_uri(reverse("wagtail_serve", args=[""]))
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": provider,
        "provider_url": home,
        "width": width,
        "height": height,
        "html": html,
        "cache_age": client_seconds(),
    }
