"""Pages in two languages: Danish (the source locale) and English.

wagtail-localize keeps an English tree beside the Danish one (settings:
WAGTAIL_I18N_ENABLED; migration home/0002): every Danish page has an English
counterpart, either a real translation or, until someone translates it, an
*alias*, which shows the Danish original under /en/.

Three rules follow, and the helpers below carry them out:

- Lists that are not found through the tree (all cases, all documents, a
  region's cases and meetings) are filtered to one locale: the page's own.
- A link to a page through a foreign key (an adaptation's document, a case's
  recommendations, a meeting's cases) points at the Danish page, because
  wagtail-localize copies page links unchanged into translations. Such links
  are followed to the page's live counterpart in the reader's locale
  (`localize`, `localized_pages`), falling back to the page itself.
- A page's *content language* is its locale's, except for an alias, whose
  content is its original's (`content_language`): templates mark it with
  `lang` and say that the page is not translated yet.

Locale lookups go through a small map of the site's locales (a handful of
rows), kept per process: saving or deleting a locale clears it, and a locale it
does not know (added by another process) reloads it. Only changing an existing
locale's language code in the admin needs a restart of the other processes.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .ordering import move_into_order

_locales = {}


def _clear(**kwargs):
    _locales.clear()


post_save.connect(_clear, sender=Locale, dispatch_uid="core.i18n.clear_on_save")
post_delete.connect(_clear, sender=Locale, dispatch_uid="core.i18n.clear_on_delete")


def _locale(key):
    """The Locale for an id or a language code, from the map; None if there is none."""
    if key is None:
        return None
    if key not in _locales:
        _locales.clear()
        for locale in Locale.objects.all():
            _locales[locale.pk] = locale
            _locales[locale.language_code] = locale
    return _locales.get(key)


def locale_for(language_code):
    """The Locale for a language code (e.g. "en", "en-gb"), or None."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locale(code)


def locale_by_id(locale_id):
    return _locale(locale_id)


def default_locale():
    return locale_for(settings.LANGUAGE_CODE)


def active_locale():
    """The Locale of the active language (from the URL), else the default one."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE) or default_locale()


def language_of(locale_id):
    """The language code of a locale id, or the default language."""
    locale = _locale(locale_id)
    return locale.language_code if locale else settings.LANGUAGE_CODE


def is_untranslated(page):
    """True for an alias of a page in another locale: it shows that page's content."""
    if not page.alias_of_id:
        return False
    source_locale_id = getattr(page, "source_locale_id", None)  # annotated by some queries
    if source_locale_id is None:
        source_locale_id = (
            Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
        )
        page.source_locale_id = source_locale_id
    return source_locale_id is not None and source_locale_id != page.locale_id


def content_language(page):
    """The language the page's text is written in: its locale's, or for an
    untranslated alias, its original's."""
    if is_untranslated(page):
        return language_of(page.source_locale_id)
    return language_of(page.locale_id)


def localize(page, locale=None):
    """`page`'s live counterpart in `locale` (default: the active one), else `page`."""
    if page is None:
        return None
    locale = locale or active_locale()
    if locale is None or page.locale_id == locale.pk:
        return page
    return localized_pages([page], locale)[page.translation_key]


def localized_pages(pages, locale=None):
    """translation_key -> each page's live counterpart in `locale`, else the page
    itself: one query for all of them, none when they are all in `locale`."""
    pages = [page for page in pages if page is not None]
    locale = locale or active_locale()
    result = {page.translation_key: page for page in pages}
    wanted = {page.translation_key for page in pages if locale and page.locale_id != locale.pk}
    if not wanted:
        return result
    model = type(pages[0]) if len({type(page) for page in pages}) == 1 else Page
    for counterpart in model.objects.filter(translation_key__in=wanted, locale=locale).live():
        result[counterpart.translation_key] = counterpart
    return result


def shown_pages(pages, locale=None):
    """`pages` as a reader in `locale` finds them: each one's live counterpart there
    (else the page itself), leaving out what is not live or is behind a view
    restriction, in the given order without repeats, and ready for
    content_language without a query each. Two queries for all of them."""
    local = localized_pages(pages, locale)
    counterparts = (local[page.translation_key] for page in pages if page is not None)
    candidates = list({page.pk: page for page in counterparts}.values())
    visible = dict(
        Page.objects.filter(pk__in=[page.pk for page in candidates])
        .live()
        .public()
        .annotate(source=F("alias_of__locale_id"))
        .values_list("pk", "source")
    )
    shown = []
    for page in candidates:
        if page.pk in visible:
            page.source_locale_id = visible[page.pk]
            shown.append(page)
    return shown


# --- Language versions of what the reader is looking at ------------------------
#
# Every view offers its counterpart in the other language (the switcher) and
# names its real translations to search engines (hreflang). For a page that is
# the page's translation, plus the same sub-route on routable pages
# (<document>/anbefaling/3-2/, udgaver/...) and the same query string. For other
# views (the search) it is the same URL in the other language. A page without a
# live counterpart in the other language links to that language's home page with
# ?untranslated=1, which shows a notice there; a plain URL, so it can be cached.

UNTRANSLATED = "untranslated"


@dataclass
class Version:
    """What the reader is looking at, in one language."""

    language: str  # "da", "en"
    name: str  # the language's name in that language: "Dansk", "English"
    url: str  # for the switcher
    full_url: str  # absolute, for <link rel="alternate" hreflang>
    current: bool = False
    translated: bool = True  # a real version in this language, not an alias or a fallback


def _query_string(request):
    query = request.GET.copy()
    query.pop(UNTRANSLATED, None)
    return f"?{query.urlencode()}" if query else ""


def _absolute(request, url):
    return url if "://" in url else request.build_absolute_uri(url)


def _page_versions(request, page, site):
    """Versions of a Wagtail page view: the page's live translations and aliases,
    else the language's home page; one query."""
    page_url = page.get_url(request) or ""
    path = request.path
    rest = path[len(page_url) :] if page_url and path.startswith(page_url) else ""
    query = _query_string(request)
    keys = {page.translation_key}
    if site is not None:
        keys.add(site.root_page.translation_key)  # the fallback: the language's home page
    counterparts, homes = {}, {}
    for other in (
        Page.objects.filter(translation_key__in=keys)
        .exclude(pk=page.pk)
        .live()
        .annotate(source_locale_id=F("alias_of__locale_id"))
    ):
        if other.translation_key == page.translation_key:
            counterparts[language_of(other.locale_id)] = other
        if site is not None and other.translation_key == site.root_page.translation_key:
            homes[language_of(other.locale_id)] = other
    counterparts[language_of(page.locale_id)] = page
    versions = []
    for language, name in settings.LANGUAGES:
        other = counterparts.get(language)
        if other is not None:
            url = (other.get_url(request) or "") + rest + query
            translated = not is_untranslated(other)
        elif language in homes:
            url = f"{homes[language].get_url(request)}?{UNTRANSLATED}=1"
            translated = False
        else:
            continue
        versions.append(
            Version(
                language,
                name,
                url,
                _absolute(request, url),
                current=other is page,
                translated=translated,
            )
        )
    return versions


def _view_versions(request):
    """Versions of a view that is not a page (the search): the same URL in each language."""
    match = getattr(request, "resolver_match", None)
    current = translation.get_language()
    versions = []
    for language, name in settings.LANGUAGES:
        if match is not None and match.url_name != "wagtail_serve":
            url = translate_url(request.get_full_path(), language)
        else:  # not found, or a page we could not identify: the language's home page
            with translation.override(language):
                url = reverse("wagtail_serve", args=[""])
        versions.append(
            Version(language, name, url, _absolute(request, url), current=language == current)
        )
    return versions


def language_versions(request, page=None):
    """The Versions of the current view, one per language, in LANGUAGES' order;
    worked out once per request."""
    if request is None:
        return []
    if not hasattr(request, "_language_versions"):
        if isinstance(page, Page) and page.pk:
            site = Site.find_for_request(request)
            request._language_versions = _page_versions(request, page, site)
        else:
            request._language_versions = _view_versions(request)
    return request._language_versions


# --- Keeping the trees in step -------------------------------------------------


def sync_trees():
    """Give every page its counterpart in each locale that syncs from the page's
    locale (wagtail-localize's LocaleSynchronization: English from Danish), then
    put each parent's counterpart's children in the source's order. Returns the
    number of pages created; running it again changes nothing.

    New counterparts are aliases: they show the original until someone translates
    them, and Wagtail updates them whenever the original is published. Pages made
    in the admin get theirs at once (wagtail-localize's after_create_page hook);
    pages made by code (the content importer) get them here. Ordering follows
    because wagtail-localize never moves aliases when their originals move.
    """
    before = Page.objects.count()
    syncs = list(LocaleSynchronization.objects.select_related("locale", "sync_from"))
    for sync in syncs:
        index = PageIndex.from_database().sort_by_tree_position()
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)
    for sync in syncs:
        _order_like_source(sync.sync_from, sync.locale)
    return Page.objects.count() - before


def _order_like_source(source, target):
    counterparts = dict(
        Page.objects.filter(locale=target, numchild__gt=0).values_list("translation_key", "pk")
    )
    for parent in Page.objects.filter(locale=source, numchild__gt=0, depth__gt=1):
        if parent.translation_key not in counterparts:
            continue
        wanted_keys = list(parent.get_children().values_list("translation_key", flat=True))
        counterpart = Page.objects.get(pk=counterparts[parent.translation_key])
        children = list(counterpart.get_children().values_list("pk", "translation_key"))
        position = {key: i for i, key in enumerate(wanted_keys)}
        # Children without a source (pages written in the target language) stay last.
        wanted = [
            pk for pk, key in sorted(children, key=lambda c: position.get(c[1], len(position)))
        ]
        move_into_order(counterpart, wanted)


def _sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


def connect_signals():
    """wagtail-localize syncs the trees whenever a LocaleSynchronization is saved,
    also when loaddata restores one (fixtures, tests' serialized rollback), before
    its locales are back. Only real saves sync here."""
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        _sync_trees_unless_raw,
        sender=LocaleSynchronization,
        dispatch_uid="core.i18n.sync_trees_unless_raw",
    )
