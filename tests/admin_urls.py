"""Every URL pattern under /admin/ as paths to request, for tests that walk them all.

The patterns are those the project and Wagtail register (and Django's admin under
/django-admin/); `fill(name, number)` gives each path parameter its value, by the
parameter's name and whether the pattern wants a number.
"""

import re

from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern

ROOTS = ("/admin/", "/django-admin/")
# Wagtail's deliberate error, for trying out error reporting (superusers only).
SKIP = {"/admin/failwhale/"}
ROUTE_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)")


def fill_piece(piece, fill):
    """One piece of a URL pattern with its parameters filled in."""
    if isinstance(piece, RoutePattern):
        return ROUTE_PARAMETER.sub(lambda m: fill(m.group(2), m.group(1) == "int"), str(piece))
    regex = str(piece).removeprefix("^").removesuffix("$")
    regex = REGEX_GROUP.sub(
        lambda m: fill(m.group(1), bool(re.search(r"\\d|0-9", m.group(2)))), regex
    )
    return regex.replace(".*", fill("", False)).replace("\\", "")


def admin_patterns():
    """Every URL pattern under the project's URLs, as the list of its pieces."""

    def walk(resolver, pieces):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, [*pieces, entry.pattern])
            else:
                yield [*pieces, entry.pattern]

    return list(walk(get_resolver(), []))


def admin_path(pattern, fill):
    """`pattern`'s path with its parameters filled, or None when it is no admin path
    the walk may ask for, or does not resolve."""
    path = "/" + "".join(fill_piece(piece, fill) for piece in pattern)
    if (
        path.startswith(ROOTS)
        and path not in SKIP
        and not path.endswith("/logout/")  # the walk stays logged in
        and resolves(path)
    ):
        return path
    return None


def admin_paths(*fills):
    """Every admin URL pattern as paths, one per fill that makes a path that resolves."""
    paths = {}
    for fill in fills:
        for pattern in admin_patterns():
            if path := admin_path(pattern, fill):
                paths.setdefault(path, None)
    return list(paths)


def numbers_and_words(numbers, words):
    """A fill that puts `numbers` where a number belongs and `words` elsewhere."""
    return lambda name, number: numbers if number else words


def resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
