"""Serve anonymous readers' pages from the page cache; store what may be shared.

A request is served from the cache, or its response stored there, only when it is
anonymous (no session cookie: editors always see the live site), a GET or HEAD,
and not for the admin or files. A response is stored only when it is the same for
every reader: a 200 with a body, no cookie set, no CSRF token in it, and no
Cache-Control of its own (views that must not be kept, or that choose their own
policy, such as search, say so with one). A page that depends on a cookie (the
reader's region) names the cookie with `vary_on_cookies`; its copies are kept per
value of that cookie.

What leaves here for anonymous readers carries Cache-Control, ETag and
Last-Modified, so a proxy or CDN in front can keep it too (purged through
Wagtail's frontend cache: purges.py), and `Vary: Cookie` only where a cookie
changes the page. A conditional request for a stored page is answered 304.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import store

LEARNED_COOKIES = set()  # in this process: see PageCacheMiddleware
# The read API (/api/v1/) keeps its own copies, per language (api/middleware.py).
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/api/")


def vary_on_cookies(response, *names):
    """Mark `response` as depending on these cookies (shared caches keep it per Cookie)."""
    known = set(getattr(response, "page_cache_cookies", ()))
    response.page_cache_cookies = tuple(sorted(known | set(names)))
    patch_vary_headers(response, ["Cookie"])
    return response


def personal_cookies():
    return (settings.SESSION_COOKIE_NAME, "messages")


def is_anonymous_read(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name in request.COOKIES for name in personal_cookies()):
        return False
    return not request.path.startswith(SKIPPED_PREFIXES)


def address(request):
    """The path and the query, its parameters in a fixed order: ?a=1&b=2 is ?b=2&a=1."""
    query = sorted((key, value) for key, values in request.GET.lists() for value in values)
    return request.path + "?" + "&".join(f"{key}={value}" for key, value in query)


def cookie_variant(request, names):
    return "|".join(f"{name}={request.COOKIES.get(name, '')}" for name in names)


def shareable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _vary_without(response, dropped):
    """Drop headers from Vary that do not change this page. The language is in the
    path (Danish at the root, English under /en/), never taken from Accept-Language;
    the session cookie never changes a page that is shared at all."""
    kept = [
        header.strip()
        for header in response.get("Vary", "").split(",")
        if header.strip() and header.strip().lower() not in dropped
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


def public_headers(response, cookies):
    dropped = {"accept-language"} | (set() if cookies else {"cookie"})
    _vary_without(response, dropped)
    # Readers' browsers ask again each time (a 304 when nothing changed); shared
    # caches keep a page as long as this cache does, and are purged with it.
    patch_cache_control(response, public=True, max_age=0, s_maxage=store.seconds())


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not store.seconds():
            return self.get_response(request)
        if not is_anonymous_read(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
                # Seen by one signed-in user (or sent with credentials): no shared cache keeps it.
                patch_cache_control(response, private=True)
            return response

        here = address(request)
        base_key = store.entry_key(here)
        # The cookies pages have said they depend on so far: a page that depends on one
        # is found with its marker, and with the tokens, in the same round trip.
        guess = tuple(sorted(LEARNED_COOKIES))
        guess_key = store.entry_key(here, cookie_variant(request, guess))
        token_keys = store.token_keys(request.path)
        found = store.get_many([*token_keys, base_key, guess_key])
        tokens = store.token_string(token_keys, found)
        entry = found.get(base_key)
        if entry is not None and "cookies" in entry:  # a marker: kept per cookie value
            if tuple(entry["cookies"]) == guess:
                entry = found.get(guess_key)
            else:
                key = store.entry_key(here, cookie_variant(request, entry["cookies"]))
                entry = store.get_many([key]).get(key)
        if entry is not None and entry["tokens"] == tokens:
            return self.from_cache(request, entry)

        response = self.get_response(request)
        if not shareable(request, response):
            return response
        cookies = getattr(response, "page_cache_cookies", ())
        LEARNED_COOKIES.update(cookies)
        public_headers(response, cookies)
        entry = self.entry(response, tokens)
        if cookies:
            store.put(base_key, {"cookies": cookies})
            store.put(store.entry_key(here, cookie_variant(request, cookies)), entry)
        else:
            store.put(base_key, entry)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def entry(response, tokens):
        content = response.content
        modified = int(time.time())
        response["ETag"] = f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
        response["Last-Modified"] = http_date(modified)
        return {
            "tokens": tokens,
            "content": content,
            "modified": modified,
            "headers": [(name, value) for name, value in response.items()],
        }

    @staticmethod
    def from_cache(request, entry):
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=entry["modified"],
            response=response,
        )
