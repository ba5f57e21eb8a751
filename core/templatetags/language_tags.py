"""The language of a page and its versions in the other language (core/i18n.py).

In templates:
    {% page_language as html_lang %}          <html lang>: the page's locale, else the URL's
    {% language_versions as versions %}       the switcher: one Version per language
    {% language_alternates as alternates %}   (hreflang, absolute URL) for <link rel="alternate">
    {{ page|content_lang }}                   the language of a page's text ("da" for aliases)
    {% if page|untranslated %}                an alias showing its original's text
    <h1{{ edition.language|lang_attribute:html_lang }}>  lang="da" where the language differs
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from .. import i18n

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def page_language(context):
    page = _page(context)
    if page is not None and page.locale_id:
        return i18n.language_of(page.locale_id)
    return translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def language_versions(context):
    return i18n.language_versions(context.get("request"), _page(context))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Real versions only (aliases show another language's text), and x-default:
    the version in the default language."""
    versions = [v for v in language_versions(context) if v.translated]
    alternates = [(v.language, v.full_url) for v in versions]
    default = next((v for v in versions if v.language == settings.LANGUAGE_CODE), None)
    if default is not None:
        alternates.append(("x-default", default.full_url))
    return alternates


@register.simple_tag(takes_context=True)
def original_version(context):
    """For an alias page: the version whose text it shows (the canonical URL), else None."""
    page = _page(context)
    if page is None or not i18n.is_untranslated(page):
        return None
    language = i18n.language_of(page.source_locale_id)
    return next(
        (v for v in language_versions(context) if v.language == language and v.translated),
        None,
    )


@register.filter
def content_lang(page):
    return i18n.content_language(page) if isinstance(page, Page) else ""


@register.filter
def untranslated(page):
    return isinstance(page, Page) and i18n.is_untranslated(page)


@register.filter
def lang_attribute(language, around):
    """` lang="da"` when text in `language` stands in a page in `around`, else ""."""
    if not language or language == around:
        return ""
    return format_html(' lang="{}"', language)


def _around(around):
    return around or translation.get_language() or settings.LANGUAGE_CODE


@register.filter
def danish(value, around=None):
    """`value` (Danish text: a region's or municipality's name) as it stands in a
    page in `around` (by default the active language, the URL's): in
    <span lang="da"> on English pages."""
    if not value or _around(around) == "da":
        return value
    return format_html('<span lang="da">{}</span>', value)


@register.filter
def marked(value, language):
    """`value`, written in `language` (an edition's label), in <span lang> when that is
    not the active language: inside {% blocktranslate %}, which takes no attributes."""
    attribute = lang_attribute(language, _around(None))
    return format_html("<span{}>{}</span>", attribute, value) if attribute else value


@register.filter
def danish_list(values, around=None):
    """Names joined with ", ", marked as Danish on English pages (see `danish`)."""
    return danish(", ".join(str(value) for value in values), around)


@register.filter
def foreign_lang(page):
    """` lang="da"` on a link to a page whose text is in another language than the
    active one (an untranslated page in an English list), for templates without
    the page's `html_lang` (page parts)."""
    return lang_attribute(content_lang(page), _around(None)) if isinstance(page, Page) else ""


@register.simple_tag
def lang_da():
    """` lang="da"` where the active language is not Danish: for Danish names in
    elements that cannot hold a <span> (a select's options)."""
    return lang_attribute("da", _around(None))
