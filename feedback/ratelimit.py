"""How often one client may answer: counted in the cache (Redis with REDIS_URL),
per minute, under a keyed hash of the client's address. The address itself is
never stored, and the count is gone after two minutes."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

PER_MINUTE = 10


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def allow(request, limit=None):
    """Count this answer; False once the client has given `limit` this minute."""
    limit = limit or getattr(settings, "FEEDBACK_PER_MINUTE", PER_MINUTE)
    key = f"feedback-rate:{client_key(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count <= limit
