"""Small text helpers."""

from django.utils.text import slugify

# How æ, ø and å are written where only ASCII letters will do (addresses).
ASCII_SPELLING = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slug(text):
    """'Borgerens mål og ønsker' -> 'borgerens-maal-og-oensker' (slugify drops æ, ø, å)."""
    return slugify(text.translate(ASCII_SPELLING))
