"""A section's two editions compared with their structure kept: headings,
paragraphs, list items, table rows, recommendation boxes and key figures stay what they are,
with word-level <ins>/<del> inside the ones that changed.

The frozen HTML of each edition is cut into blocks (the smallest elements that
hold text: a paragraph, a heading, a list item, a row). The two lists of blocks
are aligned (difflib, on each block's kind and text); a block replaced by one of
the same kind is one changed block, diffed word by word; the rest are added or
removed whole. Each block keeps the box it stood in (a recommendation, a list, a
table), and consecutive blocks of the same box are shown in one box again."""

import difflib
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from .words import word_diff

#: Elements whose text is one block (when they hold no block of their own).
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "caption", "dt", "dd", "summary"}
#: Boxes a block is shown in again: (CSS selector of the box, the box it becomes).
BOXES = (
    ("section.recommendation", "recommendation"),
    ("figure", "figure"),  # a key figure: its number, measure, year and source together
    ("table", "table"),
    ("ol", "ol"),
    ("ul", "ul"),
    ("blockquote", "blockquote"),
)
#: Headings sit two levels below the comparison's section headings (h3).
HEADING_SHIFT = 2


@dataclass(frozen=True)
class Block:
    tag: str
    box: str  # "" (none), recommendation, figure, table, ol, ul, blockquote
    box_id: int  # which box of the section, so two lists in a row stay two
    cells: tuple  # the texts of a row's cells, or the block's one text

    @property
    def key(self):
        return (self.tag, self.box, self.cells)


def _text(element):
    return " ".join(element.get_text(" ").split())


def blocks(html):
    """The blocks of a section's HTML, in reading order."""
    soup = BeautifulSoup(html or "", "html.parser")
    for hidden in soup.select(".sr-only, .recommendation__actions, .recommendation__change"):
        hidden.decompose()
    found, boxes = [], {}
    for element in soup.find_all(BLOCKS):
        if element.name != "tr" and element.find(BLOCKS):
            continue  # its inner blocks speak for it
        if element.name != "tr" and element.find_parent("tr"):
            continue  # a cell's paragraphs are the row's
        box, box_id = "", 0
        for selector, name in BOXES:
            tag, _dot, css_class = selector.partition(".")
            # (bs4 reads class_=None as "has no class", so it is only passed when set)
            found_in = {"class_": css_class} if css_class else {}
            parent = element.find_parent(tag, **found_in)
            if parent is not None:
                box, box_id = name, boxes.setdefault(id(parent), len(boxes) + 1)
                break
        if element.name == "tr":
            cells = tuple(_text(cell) for cell in element.find_all(["th", "td"]))
        else:
            cells = (_text(element),)
        if any(cells):
            found.append(Block(element.name, box, box_id, cells))
    return found


@dataclass
class Shown:
    block: Block
    status: str  # same, added, removed, changed
    html: str  # per cell, joined


def _cells(old, new):
    """The diffed cells of a changed block (old and new of the same kind)."""
    if len(old.cells) == len(new.cells):
        return [
            word_diff(a, b) if a != b else escape(b)
            for a, b in zip(old.cells, new.cells, strict=True)
        ]
    return [word_diff(" ".join(old.cells), " ".join(new.cells))]


def _whole(block, status):
    """The cells of a block shown as it is (same), or all added or all removed."""
    if status == "same":
        return [escape(cell) for cell in block.cells]
    if status == "added":
        return [word_diff("", cell) for cell in block.cells]
    return [word_diff(cell, "") for cell in block.cells]


def align(old_blocks, new_blocks):
    """[Shown] for the new edition's blocks, with the old edition's removed ones
    where they stood."""
    old_keys = [b.key for b in old_blocks]
    new_keys = [b.key for b in new_blocks]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    shown = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            shown += [Shown(b, "same", _whole(b, "same")) for b in new_blocks[b1:b2]]
            continue
        olds, news = list(old_blocks[a1:a2]), list(new_blocks[b1:b2])
        # Pair blocks of the same kind in order: a changed paragraph is one block.
        while olds and news:
            old, new = olds[0], news[0]
            if (old.tag, old.box) == (new.tag, new.box):
                shown.append(Shown(new, "changed", _cells(old, new)))
                olds.pop(0)
                news.pop(0)
            elif any((o.tag, o.box) == (new.tag, new.box) for o in olds[1:]):
                shown.append(Shown(old, "removed", _whole(old, "removed")))
                olds.pop(0)
            else:
                shown.append(Shown(new, "added", _whole(new, "added")))
                news.pop(0)
        shown += [Shown(b, "removed", _whole(b, "removed")) for b in olds]
        shown += [Shown(b, "added", _whole(b, "added")) for b in news]
    return shown


def _render_block(item):
    block = item.block
    css = f"diff-block diff-block--{item.status}"
    if block.tag == "tr":
        cells = format_html_join("", "<td>{}</td>", ((mark_safe(c),) for c in item.html))
        return format_html('<tr class="{}">{}</tr>', css, cells)
    tag = block.tag
    if tag[0] == "h" and tag[1:].isdigit():
        tag = f"h{min(6, int(tag[1:]) + HEADING_SHIFT)}"
    elif tag in ("caption", "dt", "dd", "summary"):
        tag = "p"
    html = format_html('<{0} class="{1}">{2}</{0}>', tag, css, mark_safe(" ".join(item.html)))
    if block.box in ("ol", "ul") and block.tag != "li":
        # A heading or paragraph inside a list item (a pathway's phases): a list may
        # hold only items, so it stands in one of its own.
        return format_html("<li>{}</li>", html)
    return html


#: How each kind of box opens and closes around its run of blocks.
BOX_TAGS = {
    "recommendation": ('<div class="recommendation recommendation--diff">', "</div>"),
    "figure": ('<div class="key-figure key-figure--diff">', "</div>"),
    "table": ('<table class="table diff-table"><tbody>', "</tbody></table>"),
    "ol": ("<ol>", "</ol>"),
    "ul": ("<ul>", "</ul>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
}


def render(shown):
    """HTML of the aligned blocks, each box opened once for its run of blocks."""
    out, current = [], None
    for item in shown:
        box = (item.block.box, item.block.box_id) if item.block.box else None
        if box != current:
            if current is not None:
                out.append(BOX_TAGS[current[0]][1])
            if box is not None:
                out.append(BOX_TAGS[box[0]][0])
            current = box
        out.append(_render_block(item))
    if current is not None:
        out.append(BOX_TAGS[current[0]][1])
    return mark_safe("".join(out))


def structured_diff(old_html, new_html):
    """The section's HTML from `old_html` to `new_html`, structure kept."""
    return render(align(blocks(old_html), blocks(new_html)))
