"""What other apps ask the directory (the worksheet, the matrix's links): the
offers in a municipality, a region's directory page, the address of a
municipality's view. Readers get live, public pages in their language.

    municipality_slug(municipality) -> "aarhus"
    municipality_by_slug("aarhus") -> Municipality | None
    offers_for(municipality, request=None) -> [KindGroup(kind, label, offers), ...]
    regional_directory(region, request=None) -> RegionalDirectoryPage | None
    municipality_url(municipality, request=None) -> "/hvem-goer-hvad/aarhus/" | None
"""

from core.i18n import active_locale, default_locale
from core.restrictions import private_q
from core.text import danish_slug
from guidelines.models import Municipality

from .models import DirectoryIndexPage, RegionalDirectoryPage
from .models.listing import KindGroup, grouped, offers_serving

__all__ = [
    "KindGroup",
    "municipality_by_slug",
    "municipality_slug",
    "municipality_url",
    "offers_for",
    "regional_directory",
]


def municipality_slug(municipality):
    """The municipality in the directory's addresses: "Ærø" -> "aeroe"."""
    return danish_slug(municipality.name)


def municipality_by_slug(slug):
    """The Municipality (with its region) whose slug this is, or None; one query."""
    slug = str(slug or "").strip()
    if not slug:
        return None
    return next(
        (m for m in Municipality.objects.select_related("region") if municipality_slug(m) == slug),
        None,
    )


def offers_for(municipality, request=None):
    """The live, public offers serving `municipality`, in the reader's language: a
    KindGroup per actor kind, in ActorKind's order (a kind without offers is there
    too, empty). Two to four queries."""
    return grouped(offers_serving(municipality, request))


def _languages():
    """The reader's locale and the default one, ids in that order."""
    ids = []
    for locale in (active_locale(), default_locale()):
        if locale is not None and locale.pk not in ids:
            ids.append(locale.pk)
    return ids


def _cache(request, name):
    if request is None:
        return {}
    if not hasattr(request, name):
        setattr(request, name, {})
    return getattr(request, name)


def regional_directory(region, request=None):
    """The region's live, public directory page in the reader's language (else the
    Danish one), or None; one query per region and request (and private_q's, once)."""
    cache = _cache(request, "_regional_directories")
    if region.pk not in cache:
        languages = _languages()
        pages = (
            RegionalDirectoryPage.objects.live()
            .filter(region_id=region.pk, locale_id__in=languages)
            .exclude(private_q(request))
        )
        cache[region.pk] = min(pages, key=lambda p: languages.index(p.locale_id), default=None)
    return cache[region.pk]


def national_index(request=None):
    """The live national “Hvem gør hvad” in the reader's language, else the Danish one."""
    cache = _cache(request, "_directory_index")
    if "page" not in cache:
        languages = _languages()
        pages = DirectoryIndexPage.objects.live().filter(locale_id__in=languages)
        cache["page"] = min(pages, key=lambda p: languages.index(p.locale_id), default=None)
    return cache["page"]


def municipality_url(municipality, request=None):
    """The address of the municipality's view of the national directory, or None
    when the site has none."""
    index = national_index(request)
    return index.municipality_url(municipality, request) if index is not None else None
