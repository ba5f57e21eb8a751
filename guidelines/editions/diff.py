"""Comparing two editions section by section, with word-level differences.

Sections are matched by slug and recommendations by their stable code, so a
renamed heading or a moved recommendation is reported as such rather than as
one removal and one addition.
"""

import difflib
from dataclasses import dataclass, field

from .structured_diff import structured_diff
from .words import word_diff


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
                    diff=structured_diff("", section["html"]),
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
                diff=structured_diff(before["html"], section["html"]) if text_changed else "",
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
                    diff=structured_diff(section["html"], ""),
                )
            )

    result.recommendations = recommendation_changes(old, new)
    return result


def recommendations_by_code(snapshot):
    """{code: (recommendation, section slug)} of a snapshot."""
    return {r["code"]: (r, s["slug"]) for s in snapshot["sections"] for r in s["recommendations"]}


def recommendation_changes(old, new):
    """[RecommendationChange] between two snapshots (old first), by code: added,
    changed (its title, strength or text) and removed, in code order."""
    old_recs, new_recs = recommendations_by_code(old), recommendations_by_code(new)
    changes = []
    for code, (rec, slug) in new_recs.items():
        if code not in old_recs:
            changes.append(RecommendationChange(code, rec["title"], "added", slug))
            continue
        before = old_recs[code][0]
        old_text = f"{before['title']} {before['strength']} {before['text']}"
        new_text = f"{rec['title']} {rec['strength']} {rec['text']}"
        if old_text != new_text:
            changes.append(
                RecommendationChange(
                    code, rec["title"], "changed", slug, diff=word_diff(before["text"], rec["text"])
                )
            )
    for code, (rec, slug) in old_recs.items():
        if code not in new_recs:
            changes.append(RecommendationChange(code, rec["title"], "removed", slug))
    return sorted(changes, key=lambda change: code_sort_key(change.code))
