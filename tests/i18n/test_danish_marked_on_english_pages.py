"""On the English site, Danish text is marked lang="da" wherever it appears (WCAG
3.1.2): untranslated titles and summaries, frozen Danish editions, region and
municipality names, and no untranslated interface text at all.

The test walks every English page of the demo (following links from /en/, the
way a reader or a crawler would) and reads each text as a screen reader would
choose its voice: by the nearest lang attribute. A text spoken as English that
is Danish fails the test. Danish is told by the catalogues (an interface string
that has an English translation but was shown in Danish) and by the words: a
text whose words are mostly Danish (Danish letters or Danish function words).
A Danish name inside an English sentence ("Holbæk Municipality") is a proper
name, which WCAG leaves unmarked.
"""

import re
from pathlib import Path

import polib
from bs4 import Comment
from django.conf import settings

from ..crawl import crawl

CATALOGUE = Path(settings.BASE_DIR) / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"
FUNCTION_WORDS = {
    *("og", "af", "til", "med", "der", "som", "ikke", "skal", "bør", "eller", "ved"),
    *("hvor", "når", "også", "være", "deres", "sig", "det", "hvordan", "hvem", "hvad"),
    *("den", "de", "er", "har", "kan", "fra", "på", "at", "en", "et", "i"),
}
ENGLISH_TOO = {"i", "a", "de", "den", "er", "har", "kan", "fra", "et", "at", "en"}
SKIPPED = ("script", "style", "noscript", "title", "template")


def interface_strings():
    """Danish interface strings that have an English translation."""
    return {
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if entry.msgstr and entry.msgstr != entry.msgid and len(entry.msgid) > 3
    }


def is_danish(text, interface):
    text = " ".join(text.split())
    if not text:
        return False
    if text in interface:
        return True
    words = re.findall(r"[a-zæøå]+", text.lower())
    if not words:
        return False
    marked = [w for w in words if re.search("[æøå]", w) or w in FUNCTION_WORDS - ENGLISH_TOO]
    return len(marked) * 2 >= len(words)


def spoken_language(node):
    for parent in node.parents:
        language = parent.get("lang") if hasattr(parent, "get") else None
        if language:
            return language
    return ""


def test_every_english_page_marks_its_danish_text(demo_site, client):
    interface = interface_strings()
    seen, unmarked = [], {}
    # The home page leads everywhere; search results are reached by searching.
    start = ["/en/", "/en/soeg/?q=misbrug", "/en/soeg/?q=plan&type=case"]
    for path, soup in crawl(client, start, prefix="/en/"):
        seen.append(path)
        assert soup.html.get("lang") == "en", path
        for node in soup.find_all(string=True):
            if isinstance(node, Comment) or node.parent.name in SKIPPED:
                continue
            if spoken_language(node).startswith("en") and is_danish(node, interface):
                unmarked.setdefault(" ".join(node.split())[:80], path)
    assert len(seen) > 100, "the walk should reach the whole English site"
    assert not unmarked, "Danish text read as English:\n" + "\n".join(
        f"{path}: {text!r}" for text, path in sorted(unmarked.items(), key=lambda i: i[1])
    )
