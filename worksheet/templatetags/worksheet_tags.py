"""The worksheet's fields, each tied to its hint and its errors (aria-describedby),
and marked with the language of its part where that is not the page's."""

from django import template
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


def foreign(language):
    """`language` when it is not the page's (the active one), else ""."""
    return language if language and language != translation.get_language() else ""


@register.filter
def field_lang(field):
    """The language of a bound field's part, when it differs from the page's."""
    return foreign(getattr(field.field, "lang", ""))


@register.filter
def part_lang(part):
    """` lang="da"` for a part (or a plan's part) written in another language."""
    language = foreign(getattr(part, "lang", ""))
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def field_widget(field, *described_by):
    """The field's widget, described by the given ids and, when it has errors, by its
    error message (whose id is the field's id + "-fejl")."""
    ids = [name for name in described_by if name]
    if field.help_text:
        ids.append(f"{field.auto_id}-hjaelp")
    if field.errors:
        ids.append(f"{field.auto_id}-fejl")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if language := field_lang(field):
        attrs["lang"] = language
    return field.as_widget(attrs=attrs)
