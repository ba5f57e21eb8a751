"""The glossary's terms as the linking reads them, kept in the process.

A request asks the database one small question: which glossary pages are live in
the languages it needs, with when each was last published (a fingerprint). The
terms of each page, and the matcher built from them, are kept in the process
under that fingerprint, so they are read and compiled again only after a change:
a publish in this process forgets them at once (the page_published signal), and
one in another process, or a rollback in a test, changes the fingerprint. So a
page costs one query for its glossary links however many terms there are (and a
second, once per process, after the glossary changed).
"""

from dataclasses import dataclass

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.i18n import active_locale, content_language, locale_for

from .blocks import split_list
from .linking import Matcher, link_terms
from .models import GlossaryPage

FINGERPRINT = ("pk", "locale_id", "url_path", "last_published_at", "latest_revision_created_at")


@dataclass(frozen=True)
class Glossary:
    """One live glossary page: where it is, and its terms in `language`."""

    fingerprint: tuple
    url: str
    language: str  # of the terms: an untranslated English page holds the Danish
    terms: tuple  # ((anchor, (term, *forms)), ...)

    @property
    def anchors(self):
        return frozenset(anchor for anchor, _forms in self.terms)


_glossaries = {}  # page pk -> Glossary
_matchers = {}  # (source fingerprint, target fingerprint) -> Matcher
MATCHERS_KEPT = 8


def forget(**kwargs):
    """A receiver for the signals that say a glossary page changed."""
    _glossaries.clear()
    _matchers.clear()


def connect_signals():
    uid = "glossary.terms.forget"
    page_published.connect(forget, sender=GlossaryPage, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(forget, sender=GlossaryPage, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(forget, sender=GlossaryPage, dispatch_uid=f"{uid}.moved")
    post_delete.connect(forget, sender=GlossaryPage, dispatch_uid=f"{uid}.deleted")


def _read(page, fingerprint):
    terms = tuple(
        (value["anchor"], (value["term"], *split_list(value["forms"])))
        for value in (child.value for child in page.terms)
    )
    return Glossary(fingerprint, page.get_url() or "", content_language(page), terms)


def glossaries(languages):
    """{language: Glossary} of the live glossary pages in these languages (the
    locales'; one page each, the first in the tree)."""
    locales = {locale.pk: code for code in languages if (locale := locale_for(code))}
    rows = {}
    for row in (
        GlossaryPage.objects.live()
        .filter(locale_id__in=locales)
        .order_by("-path")  # last first: the first in the tree is the one kept
        .values_list(*FINGERPRINT)
    ):
        rows[locales[row[1]]] = row
    stale = {
        row[0]: row
        for row in rows.values()
        if row[0] not in _glossaries or _glossaries[row[0]].fingerprint != row
    }
    if stale:
        for page in GlossaryPage.objects.filter(pk__in=stale):
            _glossaries[page.pk] = _read(page, stale[page.pk])
    return {language: _glossaries[row[0]] for language, row in rows.items()}


def links_for(text_language, reader_language, request=None):
    """(Matcher, URL of the glossary) for text in `text_language` read by a reader
    of `reader_language`, or None when there is nothing to link to.

    The terms are the glossary's in the text's language; the links go to the
    glossary in the reader's language, and only for terms it has (an English
    reader of an untranslated Danish section gets the English explanation of
    the Danish words). Worked out once per request."""
    memo = getattr(request, "_glossary_links", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._glossary_links = memo
    key = (text_language, reader_language)
    if key not in memo:
        found = glossaries({text_language, reader_language})
        target = found.get(reader_language)
        source = next(
            (
                glossary
                for glossary in (found.get(text_language), target)
                if glossary is not None and glossary.language == text_language
            ),
            None,
        )
        if source is None or target is None or not target.url:
            memo[key] = None
        else:
            pair = (source.fingerprint, target.fingerprint)
            if pair not in _matchers:
                if len(_matchers) >= MATCHERS_KEPT:  # changes made by other processes
                    _matchers.clear()
                anchors = target.anchors
                _matchers[pair] = Matcher(
                    (anchor, forms) for anchor, forms in source.terms if anchor in anchors
                )
            memo[key] = (_matchers[pair], target.url)
    return memo[key]


def link_glossary_terms(markup, text_page=None, request=None):
    """`markup`, the rendered text of `text_page` (a section), with its first
    occurrence of each glossary term linked to the term in the reader's glossary."""
    reader_language = active_locale().language_code
    text_language = content_language(text_page) if text_page is not None else reader_language
    found = links_for(text_language, reader_language, request)
    if found is None:
        return markup
    matcher, url = found
    return link_terms(markup, matcher, url, text_language)
