"""The Danish lexicon (search.lexicon) as lists for Elasticsearch's analyzer.

Three lists, each one entry a line:

- PARTS: the terms a compound may be split into (the decompounder's word list);
- WRITTEN: stemmer_override rules for inflected forms as written, in every
  spelling that folds alike ("rusmidler => rusmiddel", "pårørende => paaroer",
  "paaroerende => paaroer"), applied before stemming;
- STEMS: stemmer_override rules for stems of inflected forms ("rusmidl =>
  rusmiddel"), applied after stemming and folding.

The whole lexicon is large (about 90,000 parts), so in production the lists are
files in the Elasticsearch nodes' config directory (`manage.py
export_search_lexicon`, setting ELASTICSEARCH_LEXICON_PATH). Without them the
index settings carry a bounded subset inline: the hand-listed words and the
INLINE_PARTS most frequent parts, with the forms of those words.
"""

import dataclasses
import functools
from pathlib import Path

from ..analysis import DIGRAPH_LETTERS
from ..analysis import analyzer as text_analyzer
from ..lexicon import MAX_PART, MIN_PART, RARE

PARTS = "da_parts.txt"
WRITTEN = "da_written_forms.txt"
STEMS = "da_stem_forms.txt"
FILES = (PARTS, WRITTEN, STEMS)

# Parts inlined when the files are not configured (besides the hand list). Only
# words wordfreq knows count: the rest are equally rare and would be picked by
# the alphabet.
INLINE_PARTS = 20_000


@dataclasses.dataclass(frozen=True)
class LexiconLists:
    parts: tuple
    written: tuple
    stems: tuple

    def files(self):
        """{file name: lines}."""
        return {PARTS: self.parts, WRITTEN: self.written, STEMS: self.stems}


def spellings(folded):
    """Every normalised spelling that folds to `folded`: each ae, oe and aa in it
    read as the pair or as æ, ø, å ("foerste" -> "foerste", "første")."""
    if not folded:
        return {""}
    found = {folded[0] + rest for rest in spellings(folded[1:])}
    if folded[:2] in DIGRAPH_LETTERS:
        found |= {DIGRAPH_LETTERS[folded[:2]] + rest for rest in spellings(folded[2:])}
    return found


def part_frequencies(lexicon):
    """{term: log frequency} of the terms a split may give, hand-listed ones
    included."""
    found = {}
    for term, score in lexicon.parts.values():
        found[term] = max(found.get(term, score), score)
    return found


@functools.cache
def lexicon_lists(limit=None):
    """The lists, whole (limit None) or for the common words: the hand-listed
    terms, the `limit` most frequent known parts and the words too short to be
    parts ("bør" -> "bo"), with their forms."""
    lexicon = text_analyzer("da").lexicon
    frequencies = part_frequencies(lexicon)
    stems = {stem: term for stem, term in lexicon.forms.items() if stem != term}
    written = lexicon.written
    if limit is not None:
        known = sorted(
            (term for term, score in frequencies.items() if score > RARE),
            key=lambda term: (-frequencies[term], term),
        )
        chosen = set(known[:limit]) | lexicon.listed
        chosen |= {term for term in [*stems.values(), *written.values()] if term not in frequencies}
        frequencies = {term: frequencies[term] for term in chosen if term in frequencies}
        stems = {stem: term for stem, term in stems.items() if term in chosen}
        # A written form's rule also keeps a stem's rule off it ("lærere" ->
        # "laer", not "lae" as the stem "laer" would give).
        written = {form: term for form, term in written.items() if term in chosen or term in stems}
    parts = (term for term in frequencies if MIN_PART <= len(term) <= MAX_PART)
    written_rules = (
        f"{spelling} => {term}" for form, term in written.items() for spelling in spellings(form)
    )
    stem_rules = (f"{stem} => {term}" for stem, term in stems.items())
    return LexiconLists(*(tuple(sorted(lines)) for lines in (parts, written_rules, stem_rules)))


def export(directory):
    """Writes the whole lists into `directory`; returns {file name: lines written}."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, lines in lexicon_lists().files().items():
        (directory / name).write_text("".join(f"{line}\n" for line in lines), "utf-8")
        counts[name] = len(lines)
    return counts
