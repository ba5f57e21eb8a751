"""Highlighted titles and snippets for the database backend.

A word is marked when its analysis (stem or compound part) is one of the query's
terms, so "misbrug" marks "Misbrugsbehandlingen" just as the match found it.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import TOKEN, analyzer

SNIPPET_WORDS = 32
LEAD_IN = 6  # words shown before the first match


def _matches(language, terms):
    an = analyzer(language)

    def matches(word):
        token = an.word(word)
        return token is not None and any(term in terms for term in token.terms)

    return matches


def _render(text, tokens, marked, start, end):
    """Escaped text from token `start` to `end` (exclusive), marked tokens wrapped."""
    out, pos = [], tokens[start].start()
    for i in range(start, end):
        match = tokens[i]
        out.append(escape(text[pos : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if i in marked else word)
        pos = match.end()
    return "".join(out)


def highlight(text, terms, language="da"):
    """The whole text, escaped, with matching words in <mark>."""
    tokens = list(TOKEN.finditer(text or ""))
    if not tokens:
        return escape(text or "")
    matches = _matches(language, terms)
    marked = {i for i, m in enumerate(tokens) if matches(m.group())}
    rendered = _render(text, tokens, marked, 0, len(tokens))
    tail = escape(text[tokens[-1].end() :])
    head = escape(text[: tokens[0].start()])
    return mark_safe(head + rendered + tail)


def snippet(texts, terms, language="da", words=SNIPPET_WORDS):
    """About `words` words from the first text with the most matches, marked up;
    the start of the first non-empty text when nothing matches."""
    matches = _matches(language, terms)
    best = None
    for text in texts:
        tokens = list(TOKEN.finditer(text or ""))
        if not tokens:
            continue
        marked = {i for i, m in enumerate(tokens) if matches(m.group())}
        if best is None:
            best = (0, text, tokens, marked, 0)
        if not marked:
            continue
        # The window with the most matches, starting a little before a match.
        starts = {max(0, i - LEAD_IN) for i in marked}
        start = max(starts, key=lambda s: (sum(s <= i < s + words for i in marked), -s))
        count = sum(start <= i < start + words for i in marked)
        if count > best[0]:
            best = (count, text, tokens, marked, start)
    if best is None:
        return ""
    _count, text, tokens, marked, start = best
    end = min(len(tokens), start + words)
    body = _render(text, tokens, marked, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else escape(text[tokens[-1].end() :].strip())
    return mark_safe(prefix + body + suffix)
