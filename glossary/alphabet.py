"""Terms in alphabetical order, as a dictionary of the language files them.

Python sorts by code point, which puts "Å" before "Æ" and "é" after "z". Danish
files æ, ø and å after z, in that order, and ä, ö and ü as æ, ø and y
(Retskrivningsordbogen); other accented letters as their plain letter. English
files æ as ae, ø as o and å as a. (The Danish rule that "aa" in names is å does
not apply to words.)
"""

import unicodedata

from core.text import danish_slug

LETTERS = {
    "da": "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}
_FOLD = {
    "da": str.maketrans({"ä": "æ", "ö": "ø", "ü": "y"}),
    "en": str.maketrans({"æ": "ae", "ø": "o", "å": "a"}),
}


def letters(language):
    return LETTERS.get(language, LETTERS["en"])


def _plain(text, language):
    """The text in lower case with each letter as the alphabet files it."""
    text = text.lower().translate(_FOLD.get(language, _FOLD["en"]))
    kept = set(letters(language).lower())
    out = []
    for char in text:
        if char in kept:
            out.append(char)
        else:  # é -> e: the letter without its accent
            out.append(unicodedata.normalize("NFKD", char)[0])
    return "".join(out)


def sort_key(text, language):
    """A key that orders words as the language's dictionaries do: letters and
    digits only at first (so "KI-plan" sits among the "ki…" words), then the text."""
    order = {letter: i for i, letter in enumerate(letters(language).lower())}
    plain = _plain(text, language)
    primary = tuple(
        (0, ord(c)) if c.isdigit() else (1, order.get(c, len(order) + ord(c)))
        for c in plain
        if c.isalnum()
    )
    return primary, text.lower(), text


def initial(text, language):
    """The letter a word is filed under ("Øvrige" -> "Ø"), or "#" for a word that
    starts with no letter of the alphabet."""
    plain = [c for c in _plain(text, language) if c.isalnum()]
    first = plain[0].upper() if plain else ""
    return first if first and first in letters(language) else "#"


def letter_id(letter):
    """The id of a letter's heading: "bogstav-oe" for Ø (an address in ASCII)."""
    return "bogstav-" + (danish_slug(letter) or "andre")
