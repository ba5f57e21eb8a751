"""Text analysis for the public search: one implementation for index and query.

Danish text goes through: lower case (ä/ö read as æ/ø, other accents
dropped); stop words removed; Snowball Danish stemming on the Danish letters,
which it needs to stem right ("hjemløse" -> "hjemløs"); the stem folded to
ASCII for storage (ø -> oe, so "forløbet" is stored as "forloeb"); and compound
splitting against the word list in wordlists/da_compounds.txt, so
"misbrugsbehandlingen" is indexed as "misbrugsbehandling" plus the parts
"misbrug" and "behandling".

A reader may type ø as "oe" (and æ, å as "ae", "aa"), but "oe" is also just o
and e ("datoen"). So a typed word with such a pair is looked up both ways
(query_word): "hjemloese" as written and as "hjemløse". English text is
lower-cased, stop-worded and stemmed with Snowball English.

The Elasticsearch backend builds its analyzer from the same lists (see
backends/elasticsearch.py), so both backends fold, stem and split alike.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

from .lexicon import Lexicon

WORDLISTS = Path(__file__).resolve().parent / "wordlists"

# A recommendation code is one token: a dotted number with up to three letters
# before it and one after ("3.2", "R2.1", "3.2a"); otherwise runs of letters and
# digits. Applied to raw text, so highlighting can map tokens back.
TOKEN = re.compile(r"(?:[^\W\d_]{1,3})?\d+(?:\.\d+)+[^\W\d_]?(?![^\W_])|[^\W_]+")
# A code with a letter prefix ("r2.1"), like a token that starts with a digit, is
# kept as written (lower case), never stemmed.
CODE = re.compile(r"[^\W\d_]{0,3}\d[\d.]*[^\W\d_]?")

DANISH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"})
# How æ, ø and å are typed without them: the pairs and the letters they stand for.
DIGRAPH_LETTERS = {"ae": "æ", "oe": "ø", "aa": "å"}
DIGRAPH = re.compile("ae|oe|aa")
KEEP = set("æøå")

# Derivation after stemming, so a verb and its nouns meet: the stemmer leaves
# "koordinering" whole but cuts "koordinere" to "koordin"; the same for
# "vurdering"/"vurdere", "udskrivning"/"udskrive", "behandling"/"behandle". The
# suffix is dropped where at least three letters are left, -ning and -ing only
# after a consonant ("forening" -> "foren", as "forene"). One pattern, written
# so that Python and Java (Elasticsearch's pattern_replace) read it alike.
DERIVATION = r"^(.{3,}?)(?:ering|(?<![aeiouyæøå])n?ing)$"
_DERIVATION = re.compile(DERIVATION)


class _Accentless(dict):
    """str.translate table: each character without its accents (æ, ø, å kept),
    worked out the first time it is met."""

    def __missing__(self, code):
        char = chr(code)
        if char in KEEP:
            plain = char
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = plain
        return plain


_ACCENTLESS = _Accentless()


def strip_accents(text):
    """Accents dropped from every letter but æ, ø and å."""
    return text if text.isascii() else text.translate(_ACCENTLESS)


def normalise(text):
    """Lower case, ä/ö as æ/ø, accents dropped from other letters."""
    return strip_accents(text.lower().replace("ä", "æ").replace("ö", "ø"))


def digraphs_as_letters(text):
    """The typed pairs ae/oe/aa read as æ/ø/å."""
    return DIGRAPH.sub(lambda m: DIGRAPH_LETTERS[m.group()], text)


def fold(text):
    """Lower case ASCII-ish: Danish letters as ae/oe/aa, other accents dropped."""
    return strip_accents(text.lower().translate(DANISH_FOLD))


def read_list(name):
    """Non-empty, non-comment lines of a word list."""
    path = WORDLISTS / name
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class Token:
    """One analysed word: the term it is indexed under, and its compound parts."""

    term: str
    parts: tuple = ()

    @property
    def terms(self):
        return (self.term, *self.parts)


class Analyzer:
    """Turns text into index terms for one language."""

    def __init__(self, language, stemmer, stopwords=(), normaliser=fold, derive=False):
        self.language = language
        self._stemmer = snowballstemmer.stemmer(stemmer)
        self.normalise = normaliser
        self.stopwords = frozenset(normaliser(word) for word in stopwords)
        self.derive = derive
        self.lexicon = None
        self.word = functools.lru_cache(maxsize=100_000)(self._word)

    def stem(self, word):
        """The stored form of a word's stem (ASCII-folded), before the lexicon."""
        stem = self._stemmer.stemWord(self.normalise(word))
        if self.derive:
            stem = _DERIVATION.sub(r"\1", stem)
        return fold(stem)

    def _word(self, raw):
        """The Token for one raw word, or None for a stop word."""
        word = self.normalise(raw)
        if not word or word in self.stopwords:
            return None
        if word[0].isdigit() or CODE.fullmatch(word):
            return Token(fold(word))
        if self.lexicon is None:
            return Token(self.stem(word))
        term = self.lexicon.term(self.stem(word), fold(word))
        return Token(term, self.lexicon.split(term))

    def query_word(self, raw):
        """The Tokens a typed word may mean: as written and, if it has ae/oe/aa in
        it, read with æ/ø/å. () when either reading is a stop word ("paa")."""
        tokens = [self.word(raw)]
        if self.lexicon is not None:
            word = self.normalise(raw)
            letters = digraphs_as_letters(word)
            if letters != word:
                tokens.append(self.word(letters))
        if any(token is None for token in tokens):
            return ()
        return tuple(dict.fromkeys(tokens))

    def tokens(self, text):
        """Tokens of a text in reading order, stop words left out."""
        found = (self.word(match.group()) for match in TOKEN.finditer(text or ""))
        return [token for token in found if token is not None]

    def index_text(self, text):
        """(terms, parts) as space-separated strings, the form the index stores."""
        tokens = self.tokens(text)
        terms = " ".join(token.term for token in tokens)
        parts = " ".join(part for token in tokens for part in token.parts)
        return terms, parts


# The languages with an analysis of their own; units and queries in any other
# language are analysed (and stored) as Danish, the site's source language.
LANGUAGES = ("da", "en")


def language_of(code):
    """The analysed language ("da" or "en") for a language code ("en-gb" -> "en")."""
    return "en" if (code or "da").lower().startswith("en") else "da"


@functools.cache
def analyzer(language="da"):
    """The analyzer for a language code; anything not English is analysed as Danish."""
    if language_of(language) == "en":
        return Analyzer("en", "english", read_list("en_stopwords.txt"))
    danish = Analyzer("da", "danish", read_list("da_stopwords.txt"), normalise, derive=True)
    danish.lexicon = Lexicon.load(
        danish.stem, fold, read_list("da_compounds.txt"), {fold(w) for w in danish.stopwords}
    )
    return danish
