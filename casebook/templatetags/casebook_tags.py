from django import template

from ..amounts import kroner as format_kroner

register = template.Library()


@register.filter
def kroner(value):
    return format_kroner(value)
