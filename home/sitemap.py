"""/sitemap.xml in both languages.

Wagtail's sitemap lists the pages under the site's root page, which is the
Danish home page; the English tree hangs under the home page's translation,
a sibling of it. This sitemap lists the pages under every translation of the
root page, with each page's other-language versions as
<xhtml:link rel="alternate" hreflang> (and x-default: the Danish one).

Untranslated English pages (aliases of Danish ones) are left out: they show
the Danish text, name the Danish page as their canonical URL, and the Danish
page is listed already (core/i18n.py).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.i18n import language_of


def _listed(pages):
    """Live, public pages except aliases of pages in another locale."""
    return (
        pages.live()
        .public()
        .exclude(Q(alias_of__isnull=False) & ~Q(alias_of__locale_id=F("locale_id")))
    )


class LocalizedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translated_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Q(path__startswith=translated_root.path)
        return _listed(Page.objects.filter(trees)).order_by("path").defer_streamfields().specific()

    def _alternates(self, pages):
        """translation key -> [{lang_code, location}] for keys with more than one version."""
        versions = defaultdict(list)
        keys = {page.translation_key for page in pages}
        for page in _listed(Page.objects.filter(translation_key__in=keys)).order_by("path"):
            versions[page.translation_key].append(page)
        alternates = {}
        for key, group in versions.items():
            if len(group) < 2:
                continue
            links = [
                {
                    "lang_code": language_of(page.locale_id),
                    "location": page.get_full_url(self.request),
                }
                for page in group
            ]
            default = next((x for x in links if x["lang_code"] == settings.LANGUAGE_CODE), None)
            if default is not None:
                links.append({"lang_code": "x-default", "location": default["location"]})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        for item in pages:
            for index, url_info in enumerate(item.get_sitemap_urls(self.request)):
                if index == 0 and item.translation_key in alternates:
                    url_info = {**url_info, "alternates": alternates[item.translation_key]}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
