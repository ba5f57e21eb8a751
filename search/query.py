"""What a reader typed, as a small query tree every backend can compile.

A query is the AND of one clause per word (or quoted phrase). A word's clause
accepts its stem, or all its compound parts, or a synonym; a quoted phrase must
appear as written (after analysis). Nothing the reader types is passed to an
engine as syntax: quotes are the only operator we honour, so `*`, `-`, `:`,
NEAR and friends are just characters.

Pages are analysed in their own language (search.analysis), so a query is
analysed once per language (LANGUAGES): the Danish analysis of what was typed
is matched against Danish units, the English analysis against English units.
parse() gives the query in the reader's language, with the other languages'
analyses in `others`; by_language() lists them all, the reader's first.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from . import vocabulary
from .analysis import LANGUAGES, TOKEN, analyzer, fold, language_of
from .synonyms import alternatives, synonym_groups

MAX_QUERY_LENGTH = 200
# Typed in capitals these are operators to FTS5, PostgreSQL or Lucene; readers
# who type them mean "and/or", which is what the default AND already does.
OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}
# A recommendation code typed alone, or after "anbefaling": "2.1", "R2.1", "anbefaling 3.2a".
CODE_QUERY = re.compile(
    r"^(?:(?:anbefaling(?:en)?|anb\.?|recommendation)\s+)?"
    r"([^\W\d_]{0,3}\d{1,3}(?:\.\d{1,3}){0,3}[^\W\d_]?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Term:
    term: str


@dataclass(frozen=True)
class Phrase:
    terms: tuple


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Prefix:
    """Words typed so far, the last one possibly unfinished (autocomplete)."""

    terms: tuple
    prefix: str  # the unfinished word, folded
    term: str = ""  # the same word analysed, in case it is already complete
    language: str = "da"  # the analysis `terms` and `term` come from
    others: tuple = ()  # the same words as Prefixes of the other languages
    # The words taken as finished, said with a synonym: ((terms, Member), ...);
    # a title with all of an alternative's terms is suggested too ("KIP").
    alternatives: tuple = ()

    def by_language(self):
        """{language: Prefix}, this one's language first."""
        found = {self.language: self}
        for other in self.others:
            found.setdefault(other.language, other)
        return found


@dataclass
class ParsedQuery:
    text: str = ""  # the cleaned query, shown back to the reader
    root: object = None  # None when there is nothing to search for
    language: str = "da"
    # The words as typed (no synonyms, no compound parts), OR-ed: ranking adds
    # its score, so a page with the reader's own word ranks above a synonym's.
    strict: object = None
    notices: list = field(default_factory=list)
    # The same text analysed for each other language (ParsedQuery without notices).
    others: tuple = ()
    code: str = ""  # a recommendation code typed alone (or after "anbefaling")

    def by_language(self):
        """{language: ParsedQuery} for the languages the query is matched in, this
        one's first. The reader's language decides whether there is anything to
        search: when its analysis leaves nothing (only stop words), no language is
        searched. Another language whose analysis leaves nothing is left out."""
        if self.root is None:
            return {}
        found = {self.language: self}
        for other in self.others:
            if other.root is not None:
                found.setdefault(other.language, other)
        return found

    @property
    def any_clause(self):
        """The root's clauses OR-ed: what a title must match to count as a title
        match (one word of several is enough), or None."""
        return self._or_words().root

    @property
    def highlight_terms(self):
        """Every index term the query can match, for marking up snippets."""
        found = set()
        stack = [self.root] if self.root else []
        while stack:
            node = stack.pop()
            if isinstance(node, Term):
                found.add(node.term)
            elif isinstance(node, Phrase):
                found.update(node.terms)
            else:
                stack.extend(node.children)
        return found

    def any_words(self):
        """The same query with OR between its clauses (in every language), or None
        if that is no different."""
        broader = [query._or_words() for query in (self, *self.others)]
        if all(new is old for new, old in zip(broader, (self, *self.others), strict=True)):
            return None
        first, *others = broader
        return replace(first, notices=[], others=tuple(others))

    def _or_words(self):
        if isinstance(self.root, And) and len(self.root.children) > 1:
            return replace(self, root=Or(self.root.children))
        return self


def clean(raw):
    """Printable characters only, single spaces, at most MAX_QUERY_LENGTH."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] not in "CZ" or ch == " " else " " for ch in raw
    )
    return " ".join(kept.split())[:MAX_QUERY_LENGTH].strip()


def _and(children):
    children = tuple(dict.fromkeys(children))
    return children[0] if len(children) == 1 else And(children)


def _or(children):
    children = tuple(dict.fromkeys(children))
    return children[0] if len(children) == 1 else Or(children)


def token_clause(token):
    if token.parts:
        return Or((Term(token.term), _and(Term(part) for part in token.parts)))
    return Term(token.term)


def word_clause(readings):
    """A typed word: any of its readings (see Analyzer.query_word)."""
    return _or(token_clause(token) for token in readings)


def sequence(terms):
    return Term(terms[0]) if len(terms) == 1 else Phrase(tuple(terms))


def phrase_clause(positions):
    """A quoted phrase: the words as written, or all read with æ/ø/å."""
    first = sequence([readings[0].term for readings in positions])
    last = sequence([readings[-1].term for readings in positions])
    return _or([first, last])


def free_text_clauses(positions, language):
    """One clause per word; a run of words that is a synonym also accepts the others."""
    groups = synonym_groups(language)
    terms = [{token.term for token in readings} for readings in positions]
    clauses, i = [], 0
    while i < len(positions):
        # The longest run of words here that is a member of a group; every group
        # with a member of that length lends its other members.
        longest, others = 0, []
        for group in groups:
            for member in group:
                span = terms[i : i + len(member.terms)]
                if len(span) != len(member.terms) or not all(
                    term in found for term, found in zip(member.terms, span, strict=True)
                ):
                    continue
                if len(member.terms) > longest:
                    longest, others = len(member.terms), []
                if len(member.terms) == longest:
                    others.extend(m.terms for m in group if m != member)
        if not longest:
            clauses.append(word_clause(positions[i]))
            i += 1
            continue
        own = _and(word_clause(readings) for readings in positions[i : i + longest])
        # Another member matches in any inflection and, a phrase, in any word order.
        clauses.append(_or([own, *(_and(Term(term) for term in m) for m in others)]))
        i += longest
    return clauses


def with_plain_readings(language, words, positions):
    """Each word's readings, plus the indexed terms it spells without æ, ø and å
    ("forlob" -> "forløb"; see vocabulary.plain_readings)."""
    found = vocabulary.plain_readings(language, list(zip(words, positions, strict=True)))
    if not found:
        return positions
    return [
        tuple(dict.fromkeys([*readings, *(t for r in readings for t in found.get(r.term, ()))]))
        for readings in positions
    ]


def analyse(text, language):
    """(root, strict) of a cleaned query text with balanced quotes, in one language."""
    an = analyzer(language)
    clauses, strict = [], []
    # Even pieces are free text, odd pieces were inside quotes.
    for n, piece in enumerate(text.split('"')):
        words = [m.group() for m in TOKEN.finditer(piece) if m.group() not in OPERATOR_WORDS]
        read = [(word, readings) for word in words if (readings := an.query_word(word))]
        positions = [readings for _word, readings in read]
        if an.lexicon is not None and read:
            positions = with_plain_readings(an.language, [word for word, _ in read], positions)
        if not positions:
            continue
        if n % 2:
            clauses.append(phrase_clause(positions))
            strict.append(clauses[-1])
        else:
            clauses.extend(free_text_clauses(positions, an.language))
            strict.extend(Term(token.term) for readings in positions for token in readings)
    return (_and(clauses) if clauses else None), (_or(strict) if strict else None)


def parse(raw, language="da"):
    """The query in the reader's `language`, with its analysis in the other
    languages in `others`; notices are about the reader's language only."""
    language = language_of(language)
    parsed = ParsedQuery(language=language)
    raw = raw or ""
    text = clean(raw)
    parsed.text = text
    if len(" ".join(raw.split())) > MAX_QUERY_LENGTH:
        parsed.notices.append(
            _("Søgningen var for lang og er forkortet til %(n)d tegn.") % {"n": MAX_QUERY_LENGTH}
        )
    if text.count('"') % 2:
        parsed.notices.append(_("Et citationstegn uden modstykke er ignoreret."))
        head, _quote, tail = text.rpartition('"')
        text = head + " " + tail
    code = CODE_QUERY.match(text)
    if code:
        # "anbefaling" is not in a recommendation's own text: search the code alone.
        parsed.code = text = code.group(1)
    parsed.root, parsed.strict = analyse(text, language)
    others = []
    for other in LANGUAGES:
        if other != language:
            root, strict = analyse(text, other)
            others.append(ParsedQuery(parsed.text, root, other, strict))
    parsed.others = tuple(others)
    if text and parsed.root is None:
        if re.search(r"\w", text):
            parsed.notices.append(
                _("Søgningen indeholdt kun meget almindelige ord. Prøv mere specifikke ord.")
            )
        else:
            parsed.notices.append(_("Skriv et eller flere ord for at søge."))
    return parsed


def parse_prefix(raw, language="da"):
    """The query for autocomplete: analysed words, then the unfinished last word
    folded; in the reader's `language`, with the other languages in `others`."""
    language = language_of(language)
    text = clean(raw or "")
    words = [m.group() for m in TOKEN.finditer(text)]
    if not words:
        return None
    if len(fold(analyzer(language).normalise(words[-1]))) < 2:
        return None
    others = tuple(_prefix(words, other) for other in LANGUAGES if other != language)
    return replace(_prefix(words, language), others=others)


def _prefix(words, language):
    an = analyzer(language)
    done = [readings[0].term for readings in map(an.query_word, words[:-1]) if readings]
    last = fold(an.normalise(words[-1]))
    token = an.word(words[-1])
    finished = (*done, token.term) if token else ()
    return Prefix(
        tuple(done),
        last,
        token.term if token else "",
        language,
        alternatives=tuple(alternatives(finished, language)) if finished else (),
    )
