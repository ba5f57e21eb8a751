"""Links from a text to the glossary: the first place each term occurs in a
section's rendered HTML, to the term's explanation.

The HTML is parsed (lxml's HTML parser), and only its text is searched, never
tags or attributes: no link goes inside another link, a heading, code, a
control, hidden text, or text in another language than the terms'.
"""

import html
import re

from lxml import etree
from lxml import html as lxml_html

# Where a link would be wrong or useless: inside a link or a control, in a
# heading (the section's outline stays as it is), in code, and in what is not
# read as text.
SKIPPED_TAGS = frozenset(
    {
        "a",
        "audio",
        "button",
        "canvas",
        "code",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "iframe",
        "kbd",
        "label",
        "math",
        "noscript",
        "object",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "template",
        "textarea",
        "video",
    }
)
# Text for screen readers only ("Styrke:"), and links made before.
SKIPPED_CLASSES = frozenset({"sr-only", "glossary-term"})


def _normal(text):
    return " ".join(text.split()).casefold()


class Matcher:
    """Finds the forms of some terms in text: whole words (æ, ø and å are letters
    like any other), in any case except abbreviations written in capitals alone
    ("ROP" is not "rop"), the longest form first ("koordinerende indsatsplan"
    before "indsatsplan"), the words of a form separated by any white space."""

    def __init__(self, terms):
        """`terms`: (anchor, forms) pairs; a form found under two anchors is the first's."""
        self.anchors = {}
        for anchor, forms in terms:
            for form in forms:
                if form.strip():
                    self.anchors.setdefault(_normal(form), (anchor, form))
        patterns = [
            self._pattern(form)
            for _anchor, form in sorted(self.anchors.values(), key=lambda a: -len(a[1]))
        ]
        self.regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
            if patterns
            else None
        )

    @staticmethod
    def _pattern(form):
        words = r"\s+".join(re.escape(word) for word in form.split())
        return f"(?-i:{words})" if form.isupper() else words

    def __bool__(self):
        return self.regex is not None

    def anchor(self, found):
        entry = self.anchors.get(_normal(found))
        return entry[0] if entry else None


def _skipped(element, language):
    if element.tag.lower() in SKIPPED_TAGS:
        return True
    if SKIPPED_CLASSES & set((element.get("class") or "").split()):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    lang = element.get("lang")
    return bool(lang and language and lang.split("-")[0].lower() != language)


def _links(text, matcher, url, linked):
    """(the text before the first new link, [the new links, each with the text
    after it as its tail]) for a text node."""
    if not text:
        return text, []
    head, links, end = text, [], 0
    for match in matcher.regex.finditer(text):
        anchor = matcher.anchor(match.group())
        if anchor is None or anchor in linked:
            continue
        linked.add(anchor)
        link = etree.Element("a", {"class": "glossary-term", "href": f"{url}#{anchor}"})
        link.text = match.group()
        if links:
            links[-1].tail = text[end : match.start()]
        else:
            head = text[: match.start()]
        links.append(link)
        end = match.end()
    if links:
        links[-1].tail = text[end:]
    return head, links


def _walk(element, matcher, url, language, linked):
    element.text, links = _links(element.text, matcher, url, linked)
    for position, link in enumerate(links):
        element.insert(position, link)
    for child in list(element):
        if isinstance(child.tag, str) and not _skipped(child, language):
            _walk(child, matcher, url, language, linked)
        child.tail, links = _links(child.tail, matcher, url, linked)
        position = element.index(child)
        for offset, link in enumerate(links, start=1):
            element.insert(position + offset, link)


def link_terms(markup, matcher, url, language=None):
    """`markup` (an HTML fragment) with the first occurrence of each term linked to
    `url#<anchor>`. `language`: the language of the terms; elements marked with
    another `lang` are left alone. Markup without a term comes back unchanged."""
    if not matcher or not markup or not matcher.regex.search(html.unescape(str(markup))):
        return markup
    root = lxml_html.fragment_fromstring(str(markup), create_parent="div")
    linked = set()
    _walk(root, matcher, url, language, linked)
    if not linked:  # the terms were only in tags, attributes or skipped elements
        return markup
    return html.escape(root.text or "", quote=False) + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )
