"""Searchable units and the registries of what apps put in the search.

Apps say what their pages put in the index in a `search_units.py` module: the
result types and facets they bring, and the units of each page type:

    register_kind("case", _("Case"), order=60)
    register_facet("tema", _("Tema"), order=50)

    @register(CasePage)
    def case_units(page):
        return [Unit(kind="case", title=page.title, ...)]

The search app never imports page models, nor knows the apps' types and facets;
it discovers these modules (apps.py) and asks the registries.
"""

import datetime
import enum
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import get_text_for_indexing

from .analysis import analyzer, language_of

# Result types (Unit.kind) -> label, in the order the type facet lists them, and
# facets (URL parameter and index field) -> heading, in the order they are shown.
# Filled by register_kind and register_facet; the same dicts all along.
KINDS = {}
FACETS = {}
# Types that autocomplete leaves out (editions are history: it leads to the current text).
NOT_SUGGESTED = []
# Result type -> Tier, for ranking (see Tier).
TIERS = {}
# Facet values whose labels are interface words rather than content: the index
# stores them in Danish, so they are translated when shown.
INTERFACE_LABELS = {"type": KINDS}
_order = {}


def _insert(registry, key, value, order):
    _order[id(registry), key] = order
    registry[key] = value
    ranked = sorted(registry.items(), key=lambda item: _order[id(registry), item[0]])
    registry.clear()
    registry.update(ranked)


class Tier(enum.IntEnum):
    """Where a result type ranks among results that match equally well (lowest
    first; docs/search.md, "Ranking"). A title match lifts a unit above body
    matches of every tier, except in HISTORY: a frozen copy's title repeats its
    document's."""

    GUIDANCE = 1  # the live guidance: documents, sections, recommendations
    OTHER = 2  # practice (cases, meetings) and other pages
    HISTORY = 3  # frozen copies (editions)


def register_kind(kind, label, order, suggested=True, tier=Tier.OTHER):
    """A result type: its label, its place in the type facet (lowest first),
    whether autocomplete offers units of it, and its ranking tier."""
    _insert(KINDS, kind, label, order)
    TIERS[kind] = Tier(tier)
    if not suggested and kind not in NOT_SUGGESTED:
        NOT_SUGGESTED.append(kind)


# The search page's checkbox for superseded units (Unit.superseded_on): its
# label, given by the app whose units can be superseded; no checkbox without.
EARLIER_VERSIONS = {}


def register_earlier_versions(label):
    """Offer readers to search superseded units too, with this label."""
    EARLIER_VERSIONS["label"] = label


def register_facet(facet, heading, order):
    """A facet units can carry values of (Unit.facets), shown in this order."""
    _insert(FACETS, facet, heading, order)


def register_value_label(facet, value, label):
    """An interface word (translated when shown) as the label of a facet value."""
    INTERFACE_LABELS.setdefault(facet, {})[value] = label


# The search's own: every unit has a type, and a page of no other type is a page.
register_facet("type", _("Type"), order=0)
register_kind("side", _("Side"), order=100)


# {facet: fn(values) -> {value: label in the active language}}: for values named
# in the database in both languages (the casebook's themes), since a unit stores
# the label in its own language and a search may count units of both.
LABELLERS = {}
# Facets whose values are Danish names (regions): marked lang="da" on English pages.
NAME_FACETS = set()


def register_value_labeller(facet, labeller):
    LABELLERS[facet] = labeller


def register_name_facet(facet):
    NAME_FACETS.add(facet)


def facet_labels(facet, values):
    """{value: the label to show the reader, in the active language} for stored
    (value, label) pairs of one facet."""
    values = list(values)
    named = LABELLERS[facet]([value for value, _label in values]) if facet in LABELLERS else {}
    interface = INTERFACE_LABELS.get(facet, {})
    return {
        value: str(interface.get(value) or named.get(value) or label) for value, label in values
    }


@dataclass
class Unit:
    kind: str
    title: str
    url: str
    anchor: str = ""  # where on the page the unit starts ("" for the top)
    ref: str = ""  # tells units of one page apart; defaults to the anchor
    trail: tuple = ()  # where it sits: document, section
    lead: str = ""
    body: str = ""
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)  # facet -> [(value, label), ...]
    language: str = "da"  # the page's locale; decides how the text is analysed
    page_id: int | None = None  # set by the indexer
    number: str = ""  # a section's number at the start of the title: shown, not searched

    @property
    def searched_title(self):
        """The title as matched: a section's number is left out, so a number in a
        query ("3 måneder", "2.1 mio.") does not find every section with it.
        (Recommendation codes are searched: a code typed finds its recommendation.)"""
        if self.number and self.title.startswith(self.number):
            return self.title[len(self.number) :].lstrip(". ")
        return self.title

    # From this day a newer unit replaces it (a superseded edition): it is then
    # found only when the reader asks for earlier versions too.
    superseded_on: datetime.date | None = None

    @property
    def key(self):
        ref = self.ref or self.anchor
        return f"page:{self.page_id}" + (f"/{ref}" if ref else "")

    @property
    def tier(self):
        return TIERS.get(self.kind, Tier.OTHER)

    @property
    def href(self):
        return f"{self.url}#{self.anchor}" if self.anchor else self.url

    def facet_rows(self):
        rows = [("type", self.kind, str(KINDS.get(self.kind, self.kind)))]
        for facet, values in self.facets.items():
            rows.extend((facet, value, str(label)) for value, label in values)
        return rows

    def analysed(self):
        """The index_* columns: analysed terms of each field."""
        an = analyzer(self.language)
        title, title_parts = an.index_text(self.searched_title)
        lead, lead_parts = an.index_text(self.lead)
        body, body_parts = an.index_text(self.body)
        return {
            "index_title": title,
            "index_title_parts": title_parts,
            "index_lead": lead,
            "index_body": body,
            "index_parts": " ".join(p for p in (lead_parts, body_parts) if p),
        }


# Separators of SearchUnit.facet_key: control characters, which no facet value
# or label holds (labels are titles and names; values are slugs).
FIELD, RECORD = "\x1f", "\x1e"


def facet_key(rows):
    """[(facet, value, label)] as one string (SearchUnit.facet_key)."""
    clean = str.maketrans({FIELD: " ", RECORD: " "})
    return RECORD.join(FIELD.join(part.translate(clean) for part in row) for row in rows)


def read_facet_key(key):
    """[(facet, value, label)] from a SearchUnit.facet_key."""
    return [tuple(record.split(FIELD)) for record in key.split(RECORD)] if key else []


_providers = {}


def register(*models):
    def decorator(func):
        for model in models:
            _providers[model] = func
        return func

    return decorator


_dependents = {}


def dependents(*models):
    """Register `func(page)` -> pages whose units show some of this page's text
    (a title, a number), so that publishing the page reindexes them too."""

    def decorator(func):
        for model in models:
            _dependents[model] = func
        return func

    return decorator


_shown_in = {}


def shown_in(*models):
    """Register `func(obj)` -> ids of the pages whose units show this object, which is
    not a page itself (an edition shows in its document's units), so that saving one
    reindexes them."""

    def decorator(func):
        for model in models:
            _shown_in.setdefault(model, []).append(func)
        return func

    return decorator


def shown_models():
    return list(_shown_in)


def pages_showing(obj):
    """The ids of the pages whose units show `obj`, by every function registered
    for its class or a class it inherits from."""
    funcs = [func for cls in type(obj).__mro__ for func in _shown_in.get(cls, [])]
    return sorted({page_id for func in funcs for page_id in func(obj)})


def dependents_of(page):
    for cls in type(page).__mro__:
        if cls in _dependents:
            return list(_dependents[cls](page))
    return []


def provider_for(page):
    for cls in type(page).__mro__:
        if cls in _providers:
            return _providers[cls]
    return None


def units_for(page):
    """The units a live page contributes; [] for page types nobody registered."""
    provider = provider_for(page)
    if provider is None:
        return []
    units = list(provider(page))
    # The locale's language as analysed ("en-gb" -> "en"): units are stored,
    # analysed and searched under it.
    language = language_of(page.locale.language_code if page.locale_id else "da")
    for unit in units:
        unit.page_id = page.pk
        unit.language = language
    return units


def page_unit(page, kind="side", title=None, **fields):
    """[the Unit for a whole page], or [] when the page has no URL (not routable)."""
    url = page.get_url()
    return [Unit(kind=kind, title=title or page.title, url=url, **fields)] if url else []


def listing_units(page):
    """A listing page (of documents, regions, cases, ...): found by its title and
    introduction; what it lists is indexed on its own."""
    return page_unit(page, lead=getattr(page, "intro", ""))


def plain(markup):
    """Readable text from stored rich text (Wagtail's own indexing text), one-spaced."""
    return " ".join(get_text_for_indexing(str(markup or "")).split())


def stream_text(stream, skip=()):
    """The text of a StreamField value, leaving out blocks of the types in `skip`."""
    parts = []
    for child in stream:
        if child.block_type in skip:
            continue
        parts.extend(child.block.get_searchable_content(child.value))
    return " ".join(plain(part) for part in parts if part)
