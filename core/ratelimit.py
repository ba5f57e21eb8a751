"""How often one client may post a reader's form (feedback, alert subscriptions):
counted in the cache (Redis with REDIS_URL), per minute or hour, under a keyed hash
of the client's address. The address itself is never stored, and a count is gone
soon after its window."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def keyed_hash(value):
    """A keyed hash of `value` (an address): countable, not readable."""
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def client_key(request):
    return keyed_hash(request.META.get("REMOTE_ADDR", ""))


def allow_key(scope, key, limit, window=60):
    """Count one use of `key` in `scope`; False once it has had `limit` in this window."""
    bucket = f"rate:{scope}:{key}:{int(time.time() // window)}"
    cache.add(bucket, 0, timeout=2 * window)
    try:
        count = cache.incr(bucket)
    except ValueError:  # evicted between add and incr
        cache.set(bucket, 1, timeout=2 * window)
        count = 1
    return count <= limit


def allow(request, scope, limit, window=60):
    """Count this post from the request's client; False past `limit` per `window` s."""
    return allow_key(scope, client_key(request), limit, window)
