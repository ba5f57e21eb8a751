"""Recommendation codes: what a code looks like, and how it appears in addresses.

A code is what links, citations, cases and editions refer to a recommendation by.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A recommendation code is numbers separated by dots, optionally ending in a
# letter, optionally after a prefix of capital letters, as local documents
# number theirs: "3", "3.2", "3.2a", "R2.1". It never changes once published,
# so it is what links, citations and cases refer to.
RECOMMENDATION_CODE = re.compile(r"^[A-ZÆØÅ]{0,3}\d{1,3}(\.\d{1,3}){0,3}[a-z]?$")


def validate_code(code):
    """Raise ValidationError unless `code` is a well-formed recommendation code."""
    if not RECOMMENDATION_CODE.match(code or ""):
        raise ValidationError(
            _("Koden skal være tal adskilt af punktum, fx 3, 3.2, 3.2a eller R3.2.")
        )


def code_slug(code):
    """A code as a URL segment: '3.2' -> '3-2' (Wagtail's page paths allow no dots)."""
    return code.replace(".", "-")


def code_from_slug(slug):
    """The inverse of code_slug, or None for anything that is not a code."""
    code = slug.replace("-", ".")
    return code if RECOMMENDATION_CODE.match(code) else None


def recommendation_anchor(code):
    """The HTML id of a recommendation inside its section: 'anbefaling-3-2'."""
    return "anbefaling-" + code_slug(code)
