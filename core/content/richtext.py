"""Rich text in content files: what Wagtail's editor could have stored, cleaned by nh3.

A rich-text field's editor (Draftail) only ever stores the markup of its
features: the allow-list here is read from the same feature registry
(`from_database_format` of each feature's `contentstate` converter rule), plus
the `data-block-key` Wagtail puts on every block. nh3 (the Ammonia sanitiser)
parses the HTML as a browser does, so comment and CDATA tricks that fool a
hand-written parser meet a real HTML5 parser here.

An import does not silently drop markup: the text is also passed through nh3
with a wide allow-list (every tag, attribute and URL scheme the text names, and
its comments), which only normalises it. When the two differ, cleaning would
remove something, and the import is refused with what it would remove. What is
stored is always the cleaned text. Export writes the normalised text, so an
export imports and exports again unchanged.
"""

import html
import re
from functools import cache

import nh3
from wagtail.rich_text import features as feature_registry

# Draftail's unstyled block and soft line break, present whatever the features.
ALWAYS = {"p", "br"}
# Blocks on which the editor stores its block key.
BLOCK_ELEMENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"}
# Attributes that a selector's attribute value brings along (Wagtail's link and
# embed handlers read them): `<a linktype="page" id="3">`.
COMPANION_ATTRIBUTES = {
    "linktype": {"id"},
    "embedtype": {"id", "format", "alt", "url"},
}
# What an editor can type into the link dialog; relative URLs and anchors pass too.
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_SELECTOR = re.compile(r'^([a-z0-9]+)(?:\[([a-z-]+)(?:="([^"]*)")?\])?$')
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][^\s/>]*)")
_ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)\s*=")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*)\s*:")
_URL_NOISE = re.compile(r"[\t\n\r]")
# Characters no editor types; an HTML parser reads them otherwise than a regex.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@cache
def allow_list(features):
    """nh3's arguments for a field with these features (a tuple; None: Wagtail's
    default features, as for a RichTextField without `features`)."""
    tags = set(ALWAYS)
    attributes = {}
    values = {}
    if features is None:
        features = feature_registry.get_default_features()
    for feature in features:
        rule = feature_registry.get_converter_rule("contentstate", feature)
        for selector in (rule or {}).get("from_database_format", {}):
            match = _SELECTOR.match(selector)
            if match is None:
                raise ValueError(f"unexpected selector {selector!r} in feature {feature!r}")
            tag, attribute, value = match.groups()
            tags.add(tag)
            if attribute and value is None:
                attributes.setdefault(tag, set()).add(attribute)
            elif attribute:
                values.setdefault(tag, {}).setdefault(attribute, set()).add(value)
                attributes.setdefault(tag, set()).update(COMPANION_ATTRIBUTES.get(attribute, ()))
    for tag in tags & BLOCK_ELEMENTS:
        attributes.setdefault(tag, set()).add("data-block-key")
    return {
        "tags": frozenset(tags),
        "attributes": {tag: frozenset(names) for tag, names in attributes.items()},
        "tag_attribute_values": {
            tag: {name: frozenset(v) for name, v in named.items()} for tag, named in values.items()
        },
    }


def clean(text, features=None):
    """The text with everything the features' editor could not store removed."""
    allowed = allow_list(None if features is None else tuple(features))
    return nh3.clean(
        text or "",
        tags=set(allowed["tags"]),
        # "*": no attribute on every tag (Ammonia's default allows title and lang).
        attributes={"*": set()} | {tag: set(names) for tag, names in allowed["attributes"].items()},
        tag_attribute_values={
            tag: {name: set(v) for name, v in named.items()}
            for tag, named in allowed["tag_attribute_values"].items()
        },
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def normalise(text):
    """The text as nh3 writes it, with nothing removed: every tag, attribute and
    URL scheme it names is allowed, comments are kept, and so is the content of
    <script> and <style>. What clean() returns for text it leaves alone."""
    text = text or ""
    tags = {name.lower() for name in _TAG.findall(text)}
    names = {name.lower() for name in _ATTRIBUTE.findall(text)} - {"rel"}
    # As a URL parser reads them: entities decoded, tabs and line breaks dropped.
    schemes = {s.lower() for s in _SCHEME.findall(_URL_NOISE.sub("", html.unescape(text)))}
    return nh3.clean(
        text,
        tags=tags | ALWAYS,
        clean_content_tags=set(),
        attributes={"*": names},
        url_schemes=schemes | URL_SCHEMES,
        link_rel=None,
        strip_comments=False,
    )


def rich_text_problem(text, features=None):
    """What cleaning would remove from the text, as a message; None when nothing."""
    control = _CONTROL.search(text or "")
    if control:
        return (
            f"teksten indeholder et kontroltegn ({control.group()!r}), som editoren ikke kan gemme"
        )
    cleaned, kept = clean(text, features), normalise(text)
    if cleaned == kept:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(cleaned, kept, strict=False)) if a != b),
        min(len(cleaned), len(kept)),
    )
    start = kept.rfind("<", 0, at + 1)
    start = at if start < 0 or kept.find(">", start) < at else start
    end = kept.find(">", at)
    snippet = kept[start : end + 1 if end >= 0 else at + 40][:120]
    allowed = allow_list(None if features is None else tuple(features))
    return (
        f"teksten indeholder HTML, som editoren ikke kan gemme her: {snippet!r} "
        f"(tilladt: {', '.join(f'<{tag}>' for tag in sorted(allowed['tags']))}; "
        "links med http(s)://, mailto:, tel: eller en relativ adresse)"
    )


def cleaned_rich_text(text, features=None):
    """The text to store: cleaned, after checking that cleaning removes nothing.
    Raises ValueError with the message of rich_text_problem()."""
    problem = rich_text_problem(text, features)
    if problem:
        raise ValueError(problem)
    return clean(text, features)
