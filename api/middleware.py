"""What every response under /api/v1/ goes through: the rate limit, the shared
cache and the HTTP caching headers.

- A client past its limit (API_RATE_LIMIT requests a minute, counted in the cache
  under a keyed hash of its address: core.ratelimit) gets 429 with Retry-After,
  cached answers included.
- A GET is answered from the page cache's store when it holds the same address in
  the same language, stored since the last change (api/purges.py renews the tree
  token of /api/v1/ on every publish, unpublish, move, release or deletion).
- Every GET answer carries an ETag (a hash of its body), Last-Modified (when the
  published content last changed), Cache-Control that a CDN may honour, and
  `Vary: Accept-Language`; a conditional request whose copy is current gets 304,
  with or without the store.
- HEAD is answered as GET without a body; other write methods reach the API, which
  answers 405 (it has no write operations).
"""

import hashlib
import math
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext

from core import ratelimit
from core.page_cache import store
from core.page_cache.middleware import address

from . import purges
from .language import requested_language

PREFIX = "/api/v1/"
WINDOW = 60  # seconds


def rate_limit():
    return getattr(settings, "API_RATE_LIMIT", 300)


def client_seconds():
    """How long a client or CDN may reuse an answer without asking again."""
    return getattr(settings, "API_CACHE_SECONDS", 60)


def too_many(request):
    limit = rate_limit()
    if not limit or ratelimit.allow(request, "api", limit, WINDOW):
        return None
    retry = WINDOW - int(time.time()) % WINDOW
    response = JsonResponse(
        {"detail": gettext("For mange forespørgsler. Prøv igen om lidt.")}, status=429
    )
    response["Retry-After"] = str(max(1, math.ceil(retry)))
    return response


def add_headers(response, language, modified):
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    if response.status_code == 200 and not response.streaming:
        response["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
        response["Last-Modified"] = http_date(modified)
    if "Cache-Control" not in response:
        seconds = client_seconds()
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    return response


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the server leaves out the body
        language = requested_language(request)
        request.api_language = language
        with translation.override(language):
            if request.method != "GET":
                return self.get_response(request)
            refused = too_many(request)
            if refused is not None:
                return refused
            return self.read(request, language)

    def read(self, request, language):
        modified = purges.changed_at()
        if not store.seconds():
            response = add_headers(self.get_response(request), language, modified)
            return self.conditional(request, response, modified)

        key = store.entry_key(address(request), f"lang={language}")
        token_keys = store.token_keys(request.path)
        found = store.get_many([*token_keys, key])
        tokens = store.token_string(token_keys, found)
        entry = found.get(key)
        if entry is not None and entry["tokens"] == tokens:
            response = HttpResponse(entry["content"])
            for name, value in entry["headers"]:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return self.conditional(request, response, entry["modified"])

        response = add_headers(self.get_response(request), language, modified)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            store.put(
                key,
                {
                    "tokens": tokens,
                    "content": response.content,
                    "modified": modified,
                    "headers": list(response.items()),
                },
            )
            response["X-Page-Cache"] = "miss"
        return self.conditional(request, response, modified)

    @staticmethod
    def conditional(request, response, modified):
        if response.status_code != 200:
            return response
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=modified, response=response
        )
