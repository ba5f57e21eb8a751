"""The embeds: a recommendation or a section as a small page that any site may show in
an <iframe> (an intranet, a record system), handed out by oEmbed (api/routers/oembed.py).

Each shows the current live text, looked up on every request (api/embeds.py), with
the code, the strength, the label of the edition in force, and a link back to the
page that opens in the whole window. Its own small stylesheet, no script, nothing
from a third party. Unlike every other page of the site these may be framed from
anywhere: no X-Frame-Options, and CSP frame-ancestors * (for these views only).

The language is ?lang=da|en (else Accept-Language, else Danish), as in the read
API. Clients and CDNs may keep an answer as long as the API's (API_CACHE_SECONDS);
the page cache does not keep them, as nothing purges /embed/ on publish."""

from csp.decorators import csp_replace
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.i18n import content_language

from .bodies import absolute_html, base_url
from .embeds import recommendation_embed, section_embed
from .language import requested_language
from .middleware import client_seconds
from .routers.documents import section_html

#: Any site may frame an embed (the site's own policy says 'self').
FRAMED_BY_ANYONE = {"frame-ancestors": ["*"]}


def render(request, embed):
    base = base_url(request)
    value = embed.recommendation
    edition = embed.document.edition_in_force()
    context = {
        "embed": embed,
        "title": embed.title,
        "document": embed.document,
        "section": embed.section,
        "recommendation": value,
        "statement": absolute_html(value.get("statement"), base) if value else "",
        "body": "" if value else absolute_html(section_html(embed.section), base),
        "text_language": content_language(embed.section or embed.document),
        "withdrawn_in": embed.withdrawn_in,
        "edition": edition,
        "page_url": embed.page_url(request),
        "document_url": request.build_absolute_uri(embed.document.get_url(request)),
        "site_name": gettext("Vejledning om tværsektoriel indsats"),
        "language": embed.language,
    }
    # A withdrawn code is Gone, as its page on the site is; the frame says so.
    status = 410 if embed.withdrawn_in is not None else 200
    response = TemplateResponse(request, "api/embed.html", context, status=status)
    response.render()
    response["Content-Language"] = embed.language
    patch_vary_headers(response, ["Accept-Language"])
    seconds = client_seconds()
    patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    return response


def framable(view):
    """Only GET and HEAD; framable from any site (these views only)."""
    return require_safe(xframe_options_exempt(csp_replace(FRAMED_BY_ANYONE)(view)))


@framable
def recommendation(request, document, code):
    language = requested_language(request)
    with translation.override(language):
        return render(request, recommendation_embed(request, language, document, code))


@framable
def section(request, document, section):
    language = requested_language(request)
    with translation.override(language):
        return render(request, section_embed(request, language, document, section))
