"""Embeds for intranets: a recommendation or a section in an <iframe> (api/views.py),
and the oEmbed answer that hands out that <iframe> (api/routers/oembed.py).

What is embedded is looked up as the read API looks it up (document slug, then a
code or a section slug, in one language; live and public only), every time: an
embed always shows the current text, never a copy taken when it was embedded."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language_from_path, gettext
from wagtail.models import Site

from guidelines.codes import code_from_slug, code_slug
from guidelines.models import GuidanceDocumentPage

from .language import LANGUAGES
from .objects import ANCHOR_PREFIX, slugs
from .routers.documents import document_or_404, section_or_404, withdrawn_codes
from .routers.refs import is_public

#: What a host name and a slug may be: anything else names nothing on this site
#: (and never reaches the database).
HOST = re.compile(r"[a-z0-9.-]+")
SLUG = re.compile(r"[-\w]+")
#: Sizes (CSS pixels) an <iframe> gets unless the consumer asks for smaller.
SIZES = {"recommendation": (560, 360), "section": (640, 720)}


@dataclass
class Embed:
    kind: str  # "recommendation" or "section"
    language: str  # the language of the pages looked up: "da" or "en"
    document: GuidanceDocumentPage
    section: object  # GuidanceSectionPage; None for a withdrawn recommendation
    recommendation: dict | None = None  # the block's value, for a recommendation
    # For a code no longer in the live text: the last edition that has it.
    withdrawn_in: object = None

    @property
    def title(self):
        if self.recommendation is None:
            return self.section.numbered_title
        return gettext("Anbefaling %(code)s %(title)s") % {
            "code": self.recommendation["code"],
            "title": self.recommendation["title"],
        }

    def page_url(self, request):
        """The reader's page: the recommendation's own page, or the section."""
        if self.recommendation is None:
            path = self.section.get_url(request)
        else:
            path = self.document.recommendation_url(self.recommendation["code"], request)
        return request.build_absolute_uri(path)

    def embed_url(self, request):
        if self.recommendation is None:
            name, args = "embed:section", [self.document.slug, self.section.slug]
        else:
            code = code_slug(self.recommendation["code"])
            name, args = "embed:recommendation", [self.document.slug, code]
        query = urlencode({"lang": self.language})
        return request.build_absolute_uri(reverse(name, args=args) + "?" + query)


def recommendation_embed(request, language, document_slug, code):
    """The Embed of a recommendation by its document's slug and its code ("3.2" or
    "3-2"); Http404 unless the document is live and public and the code is in its
    live text, or was in an edition (then withdrawn: an intranet that embedded it
    is told so, rather than shown an error)."""
    document = document_or_404(request, document_slug, language)
    wanted = code_from_slug(code) or code
    found = document.find_recommendation(wanted)
    if found and is_public(found[0], request):
        section, value = found
        return Embed("recommendation", language, document, section, value)
    gone = withdrawn_codes(document, set()).get(wanted)
    if gone is None:
        raise Http404
    edition, value = gone
    return Embed("recommendation", language, document, None, value, withdrawn_in=edition)


def section_embed(request, language, document_slug, section_slug):
    document = document_or_404(request, document_slug, language)
    return Embed("section", language, document, section_or_404(request, document, section_slug))


def recommendation_segment():
    """The first segment of a recommendation's route under its document: "anbefaling"."""
    return slugs(GuidanceDocumentPage.get_resolver().reverse("recommendation", "1"))[0]


def is_our_host(request, parts):
    if parts.scheme not in ("http", "https") or not HOST.fullmatch(parts.hostname or ""):
        return False
    if parts.netloc.lower() == request.get_host().lower():
        return True
    return Site.objects.filter(hostname__iexact=parts.hostname).exists()


def embed_for_url(request, url):
    """The Embed of a page address on this site: a recommendation's page
    (…/<document>/anbefaling/<code>/), a section (…/<document>/<section>/), or a
    recommendation's place in its section (…/<section>/#anbefaling-<code>).
    Http404 for any other address, another site's, or what readers cannot see."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1" and the like
        raise Http404 from None
    if not is_our_host(request, parts):
        raise Http404
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    segments = slugs(path)
    if language not in LANGUAGES or not all(SLUG.fullmatch(s) for s in segments):
        raise Http404
    if len(segments) >= 3 and segments[-2] == recommendation_segment():
        embed = recommendation_embed(request, language, segments[-3], segments[-1])
        if embed.withdrawn_in is not None:
            raise Http404  # nothing current to embed
        expected = embed.document.recommendation_url(embed.recommendation["code"], request)
    elif len(segments) >= 2:
        embed = section_embed(request, language, segments[-2], segments[-1])
        expected = embed.section.get_url(request)
        if parts.fragment.startswith(ANCHOR_PREFIX):
            code = code_from_slug(parts.fragment.removeprefix(ANCHOR_PREFIX))
            value = next(
                (r for r in embed.section.recommendations if r["code"] == code),
                None,
            )
            if value is None:
                raise Http404
            embed = Embed("recommendation", language, embed.document, embed.section, value)
    else:
        raise Http404
    # The slugs alone could be found under another address: it must be this one.
    if urlsplit(expected).path != path:
        raise Http404
    return embed


def size(kind, maxwidth=None, maxheight=None):
    """(width, height) of the <iframe>: its usual size, within the consumer's maximum."""
    width, height = SIZES[kind]
    return min(width, maxwidth or width), min(height, maxheight or height)
