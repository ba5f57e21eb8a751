"""What rich text an import may contain: what the editor's toolbar could produce.

The page editor only ever stores the tags its features allow; an import must
not slip in more (a <script>, a heading level the page layout has no room for).
"""

from html.parser import HTMLParser

FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
    "document-link": {"a"},
}
ALWAYS = {"p", "br"}
LINK_ATTRIBUTES = {"href", "linktype", "id"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "/", "#")
DEFAULT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class _Checker(HTMLParser):
    def __init__(self, allowed):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.problem = None

    def handle_starttag(self, tag, attrs):
        if self.problem:
            return
        if tag not in self.allowed:
            self.problem = (
                f"<{tag}> er ikke tilladt her (tilladt: {', '.join(sorted(self.allowed))})"
            )
            return
        for name, value in attrs:
            if tag != "a" or name not in LINK_ATTRIBUTES:
                self.problem = f"attributten {name} på <{tag}> er ikke tilladt"
                return
            if name == "href" and not (value or "").startswith(SAFE_SCHEMES):
                self.problem = (
                    f"linket {value!r} skal starte med http://, https://, mailto: eller /"
                )
                return


def rich_text_problem(html, features=None):
    """A message describing the first disallowed tag or attribute, or None."""
    allowed = set(ALWAYS)
    for feature in DEFAULT_FEATURES if features is None else features:
        allowed |= FEATURE_TAGS.get(feature, set())
    checker = _Checker(allowed)
    checker.feed(html or "")
    checker.close()
    return checker.problem


def check_rich_text(html):
    """A pydantic validator for page-level rich text fields."""
    problem = rich_text_problem(html)
    if problem:
        raise ValueError(problem)
    return html
