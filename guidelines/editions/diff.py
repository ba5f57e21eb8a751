"""Comparing two editions section by section, with word-level differences.

Sections are matched by slug and recommendations by their stable code, so a
renamed heading or a moved recommendation is reported as such rather than as
one removal and one addition.
"""

import difflib
import re
from dataclasses import dataclass, field

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


def code_sort_key(code):
    """'3.2a' -> ('', (3, ''), (2, 'a')): numeric order, a letter after its number;
    codes with a letter prefix ('R2.1') after those without, by prefix."""
    prefix = code[: len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"))]
    parts = [prefix]
    for part in code[len(prefix) :].split("."):
        digits = part.rstrip("abcdefghijklmnopqrstuvwxyz")
        parts.append((int(digits) if digits.isdigit() else 0, part[len(digits) :]))
    return tuple(parts)


@dataclass
class SectionChange:
    slug: str
    title: str
    number: str
    status: str  # added, removed, changed, unchanged
    moved: bool = False
    old_title: str = ""
    diff: str = ""


@dataclass
class RecommendationChange:
    code: str
    title: str
    status: str  # added, removed, changed
    section_slug: str = ""
    diff: str = ""


@dataclass
class Comparison:
    sections: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)

    def sections_with(self, status):
        return [s for s in self.sections if s.status == status]

    @property
    def moved_sections(self):
        return [s for s in self.sections if s.moved]

    def recommendations_with(self, status):
        return [r for r in self.recommendations if r.status == status]

    @property
    def has_changes(self):
        return bool(self.recommendations) or any(
            s.status != "unchanged" or s.moved for s in self.sections
        )


def _moved(old_order, new_order):
    """Slugs whose position changed relative to the sections both editions share."""
    common = set(old_order) & set(new_order)
    old = [slug for slug in old_order if slug in common]
    new = [slug for slug in new_order if slug in common]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    kept = {
        slug
        for block in matcher.get_matching_blocks()
        for slug in old[block.a : block.a + block.size]
    }
    return common - kept


def compare(old, new):
    """Compare two snapshots (old first)."""
    old_sections = {s["slug"]: s for s in old["sections"]}
    new_sections = {s["slug"]: s for s in new["sections"]}
    moved = _moved(list(old_sections), list(new_sections))
    result = Comparison()

    for slug, section in new_sections.items():
        before = old_sections.get(slug)
        if before is None:
            result.sections.append(
                SectionChange(
                    slug,
                    section["title"],
                    section["number"],
                    "added",
                    diff=word_diff("", section["text"]),
                )
            )
            continue
        heading_changed = before["title"] != section["title"]
        text_changed = before["text"] != section["text"]
        status = "changed" if heading_changed or text_changed else "unchanged"
        result.sections.append(
            SectionChange(
                slug,
                section["title"],
                section["number"],
                status,
                moved=slug in moved,
                old_title=before["title"] if heading_changed else "",
                diff=word_diff(before["text"], section["text"]) if text_changed else "",
            )
        )
    for slug, section in old_sections.items():
        if slug not in new_sections:
            result.sections.append(
                SectionChange(
                    slug,
                    section["title"],
                    section["number"],
                    "removed",
                    diff=word_diff(section["text"], ""),
                )
            )

    def by_code(snapshot):
        return {
            r["code"]: (r, s["slug"]) for s in snapshot["sections"] for r in s["recommendations"]
        }

    old_recs, new_recs = by_code(old), by_code(new)
    for code, (rec, slug) in new_recs.items():
        if code not in old_recs:
            result.recommendations.append(RecommendationChange(code, rec["title"], "added", slug))
            continue
        before = old_recs[code][0]
        old_text = f"{before['title']} {before['strength']} {before['text']}"
        new_text = f"{rec['title']} {rec['strength']} {rec['text']}"
        if old_text != new_text:
            result.recommendations.append(
                RecommendationChange(
                    code,
                    rec["title"],
                    "changed",
                    slug,
                    diff=word_diff(before["text"], rec["text"]),
                )
            )
    for code, (rec, slug) in old_recs.items():
        if code not in new_recs:
            result.recommendations.append(RecommendationChange(code, rec["title"], "removed", slug))
    result.recommendations.sort(key=lambda change: code_sort_key(change.code))
    return result
