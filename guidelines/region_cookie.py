"""The reader's region, remembered in a cookie (no login).

The cookie holds only a region slug. Anything else in it (an old slug, junk,
a value someone typed) is ignored, never an error. The choice itself is made
at /regioner/vaelg/ (RegionIndexPage, models/regions.py).
"""

import re

from django.utils.http import url_has_allowed_host_and_scheme

from core.page_cache.middleware import vary_on_cookies

COOKIE = "region"
MAX_AGE = 365 * 24 * 60 * 60  # one year
SLUG = re.compile(r"^[-a-z0-9]{1,50}$")


def cookie_slug(request):
    """The region slug in the cookie when it looks like one, else ""."""
    value = request.COOKIES.get(COOKIE, "") if request is not None else ""
    return value if SLUG.match(value) else ""


def remember(response, request, region):
    response.set_cookie(
        COOKIE, region.slug, max_age=MAX_AGE, samesite="Lax", secure=request.is_secure()
    )


def forget(response):
    response.delete_cookie(COOKIE, samesite="Lax")


def local_url(request, url):
    """`url` when it is an address on this site, else "" (where to go back to)."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


class RegionAwareMixin:
    """For pages that show something about the reader's chosen region (the cookie):
    caches must keep one reader's version from another (core/page_cache/)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return vary_on_cookies(response, COOKIE)
