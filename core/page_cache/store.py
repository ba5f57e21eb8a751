"""Where rendered pages are kept, and how one purge reaches every copy of them.

A page is stored under its address (path, query, and the cookies the page says
it depends on) together with the *purge tokens* it was rendered under: one for
the exact path and one for each path above it ("/", "/vejledninger/",
"/vejledninger/model/", ...). To purge is to give a path, or a whole tree under
a path, a new token: every copy stored with the old one (any query, any region)
no longer matches and is never served again. So a purge is one write, whatever
the number of copies, and it needs no list of keys, which a shared cache (Redis)
could not give cheaply. A lookup reads the tokens and the copy in one round trip.

A request reads the tokens before its page is rendered and stores the page with
them: a purge that lands while the page is being rendered leaves that copy
unmatched too, so a page rendered from before a publish is never served after it.

Tokens have no expiry (a lost token would bring back pages stored before a purge);
pages expire after PAGE_CACHE_SECONDS. With Redis, use an eviction policy that
evicts only keys with an expiry (volatile-lru): docs/deploy.md.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches

PREFIX = "pagecache"


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def _digest(*parts):
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def tree_paths(path):
    """'/a/b/' -> ['/', '/a/', '/a/b/']: the trees a path lies in, itself included."""
    parts = [part for part in path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def _tree_key(path):
    return f"{PREFIX}:tree:{_digest(path)}"


def _path_key(path):
    return f"{PREFIX}:path:{_digest(path)}"


def token_keys(path):
    """The keys of the purge tokens a copy of `path` is checked against."""
    return [_tree_key(tree) for tree in tree_paths(path)] + [_path_key(path)]


def token_string(keys, found):
    return "|".join(str(found.get(key, "")) for key in keys)


def purge(paths=(), trees=()):
    """Put every stored copy of `paths`, and of every path under `trees`, out of reach."""
    token = secrets.token_hex(8)
    fresh = {_path_key(path): token for path in paths}
    fresh.update({_tree_key(tree): token for tree in trees})
    if fresh:
        cache().set_many(fresh, timeout=None)


def entry_key(address, variant=""):
    return f"{PREFIX}:page:{_digest(address, variant)}"


def get_many(keys):
    return cache().get_many(keys)


def put(key, value):
    cache().set(key, value, timeout=seconds())
