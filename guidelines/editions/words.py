"""Word-level differences between two texts, marked for eyes and for screen readers."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

TOKEN = re.compile(r"\s*\S+\s*")  # a word with its spaces, so runs of changed words stay together


def word_diff(old, new):
    """HTML with <del> and <ins> around changed words; screen readers hear
    "slettet"/"tilføjet" from visually hidden text, since many announce
    neither element."""
    old_words, new_words = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    out = []

    def mark(tag, label, words):
        hidden = f'<span class="sr-only">[{escape(label)} </span>'
        return f'<{tag}>{hidden}{escape("".join(words))}<span class="sr-only">]</span></{tag}>'

    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(old_words[a1:a2])))
            continue
        if op in ("delete", "replace"):
            out.append(mark("del", _("slettet:"), old_words[a1:a2]))
        if op in ("insert", "replace"):
            out.append(mark("ins", _("tilføjet:"), new_words[b1:b2]))
    return mark_safe("".join(out))
