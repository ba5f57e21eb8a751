from django import template

from ..blocks import StrengthChoices, recommendation_anchor

register = template.Library()

STRENGTH_LABELS = dict(StrengthChoices.CHOICES)


@register.simple_tag(takes_context=True)
def recommendation_url(context, document, code):
    """The stable URL of a recommendation: <document>/anbefaling/<code>/."""
    return document.recommendation_url(code, context.get("request"))


@register.filter
def anchor(code):
    return recommendation_anchor(code)


@register.filter
def strength_label(value):
    return STRENGTH_LABELS.get(value, value)
