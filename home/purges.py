"""The sitemap lists every live page: any change purges it (core/page_cache/purges.py)."""

from core.page_cache.purges import paths_shown_on


@paths_shown_on
def sitemap(changed):
    return ["/sitemap.xml"]
