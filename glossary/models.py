"""The glossary page: the field's words, explained once, for every section to link to."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.rich_text import RichText

from core.i18n import content_language, default_locale, is_untranslated
from core.models import IndexPage

from .alphabet import initial, letter_id, letters, sort_key
from .blocks import TermsBlock, split_list


@dataclass
class Entry:
    """A term as the glossary page shows it."""

    term: str
    anchor: str
    definition: RichText
    forms: list
    see_also: list  # [(anchor, term)]
    source: str
    original: str = ""  # the Danish term, on a translated glossary


@dataclass
class Letter:
    letter: str
    id: str
    entries: list = field(default_factory=list)


class GlossaryPage(IndexPage):
    """The glossary (/ordliste/): the words of the field, each with a short
    explanation. Guidance sections link the first place a term occurs in them to
    its explanation here (glossary/linking.py), so a term is explained once.

    It stands directly under the home page, and publishing a page there purges
    every page of the site from the page cache (core/page_cache/purges.py), so
    the sections' links follow a publish without a purge rule of their own."""

    terms = StreamField(TermsBlock(), blank=True, verbose_name=_("ord"))

    content_panels = IndexPage.content_panels + [FieldPanel("terms")]
    subpage_types = []

    class Meta:
        verbose_name = _("ordliste")
        verbose_name_plural = _("ordlister")

    @property
    def language(self):
        """The language of the terms (an untranslated English page shows the Danish)."""
        return content_language(self)

    def originals(self):
        """anchor -> the Danish term, for a translation of the Danish glossary."""
        source_locale = default_locale()
        if source_locale is None or self.locale_id == source_locale.pk or is_untranslated(self):
            return {}
        source = GlossaryPage.objects.filter(
            translation_key=self.translation_key, locale=source_locale
        ).first()
        if source is None:
            return {}
        return {child.value["anchor"]: child.value["term"] for child in source.terms}

    def entries(self):
        """The terms in the alphabetical order of their language."""
        language = self.language
        values = [child.value for child in self.terms]
        names = {value["anchor"]: value["term"] for value in values}
        originals = self.originals()
        entries = [
            Entry(
                term=value["term"],
                anchor=value["anchor"],
                definition=value["definition"],
                forms=split_list(value["forms"]),
                see_also=[(a, names[a]) for a in split_list(value["see_also"]) if a in names],
                source=value["source"],
                original=originals.get(value["anchor"], ""),
            )
            for value in values
        ]
        return sorted(entries, key=lambda entry: sort_key(entry.term, language))

    def letters(self):
        """One Letter per letter of the alphabet (and "#" first, for words that start
        with none), each with its terms; a letter without terms has none."""
        language = self.language
        groups = {"#": Letter("#", letter_id("#"))}
        groups.update((letter, Letter(letter, letter_id(letter))) for letter in letters(language))
        for entry in self.entries():
            groups[initial(entry.term, language)].entries.append(entry)
        return [group for group in groups.values() if group.letter != "#" or group.entries]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = self.letters()
        return context
