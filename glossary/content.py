"""The glossary in the content format (docs/content-format.md, "Ordliste"):

    glossary:
      slug: ordliste
      title: Ordliste
      terms:
        - term: Tovholder
          anchor: tovholder
          forms: [tovholderen, tovholdere]
          definition: "<p>…</p>"
          see_also: [koordinerende-indsatsplan]
          source: …

A translation file (`locale: en`) holds the whole English list, under the
Danish terms' anchors.
"""

from typing import Annotated

from pydantic import StringConstraints, field_validator

from core.content import ContentError, Handler, register
from core.content.pages import (
    IndexPageHandler,
    dump_page,
    exported_pages,
    site_root,
    source_locale,
    sync_page,
)
from core.content.richtext import normalise
from core.content.schema import IndexItem, Item, Slug, Text, Title
from core.content.streamdata import clean_stream, to_plain

from .blocks import join_list, split_list, term_problems
from .models import GlossaryPage

Form = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]


def terms_block():
    return GlossaryPage._meta.get_field("terms").stream_block


class TermItem(Item):
    term: Title
    #: the term's address in the glossary (/ordliste/#tovholder), the same in every language
    anchor: Slug
    #: inflections, synonyms and abbreviations that are linked too
    forms: list[Form] = []
    definition: Text  # rich text
    #: anchors of other terms
    see_also: list[Slug] = []
    source: str = ""

    @field_validator("forms")
    @classmethod
    def _no_commas(cls, forms):
        # The page stores the forms as one text, separated by commas.
        for form in forms:
            if "," in form:
                raise ValueError(f"en form kan ikke indeholde komma: {form!r}")
        return forms


class GlossaryItem(IndexItem):
    terms: list[TermItem] = []

    @classmethod
    def field_to_page(cls, name, value, context):
        if name != "terms":
            return value
        data = [
            {
                "type": "term",
                "value": {
                    "term": term.term,
                    "anchor": term.anchor,
                    "forms": join_list(term.forms),
                    "definition": term.definition,
                    "see_also": join_list(term.see_also),
                    "source": term.source,
                },
            }
            for term in value
        ]
        try:  # rich text cleaned as the editor would store it, the block's own checks
            return clean_stream(terms_block(), data, "terms")
        except ContentError as error:
            field = (error.field or "terms").replace("].value.", "].")
            raise context.error(error.message, field=field) from error

    @classmethod
    def field_from_page(cls, name, value):
        if name != "terms":
            return value
        items = []
        for child in to_plain(terms_block(), value, rich_text=normalise):
            term = child["value"]
            item = {"term": term["term"], "anchor": term["anchor"]}
            if forms := split_list(term["forms"]):
                item["forms"] = forms
            item["definition"] = term["definition"]
            if see_also := split_list(term["see_also"]):
                item["see_also"] = see_also
            if term["source"]:
                item["source"] = term["source"]
            items.append(item)
        return items


@register
class GlossaryHandler(IndexPageHandler, Handler):
    """The glossary page under the home page (one per language)."""

    key = "glossary"
    schema = GlossaryItem
    model = GlossaryPage
    order = 24  # after the other index pages (20–23)

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        # The rules the page editor applies to the list as a whole (glossary/blocks.py).
        for index, field, message in term_problems([term.model_dump() for term in value.terms]):
            label = f"terms[{index}] ({value.terms[index].anchor})"
            raise context.child(label).error(message, field=field)
        if context.translating:
            self.check_translation(value, context)
        sync_page(site_root(context), GlossaryPage, value, context, singleton=True)

    @staticmethod
    def check_translation(value, context):
        """A translation explains the Danish glossary's terms: its anchors are theirs,
        so that a link to a term means the same term in both languages."""
        source = GlossaryPage.objects.filter(locale=source_locale()).first()
        if source is None:
            raise context.error("der er ingen dansk ordliste at oversætte", field="slug")
        known = {child.value["anchor"] for child in source.terms}
        for index, term in enumerate(value.terms):
            if term.anchor not in known:
                raise context.child(f"terms[{index}] ({term.anchor})").error(
                    f"der er intet ord med ankeret '{term.anchor}' i den danske ordliste",
                    field="anchor",
                )

    def dump(self, locale):
        pages = exported_pages(GlossaryPage.objects.all(), locale)
        return dump_page(pages[0], GlossaryItem) if pages else None
