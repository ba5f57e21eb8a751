"""Dates known to the day or only to the month (core/dates.py).

{% known_date document.first_published document.first_published_month_only %}
    <time datetime="2018-05">maj 2018</time>
{{ edition.effective_date|known_date:edition.effective_month_only }}
    the text alone, for use inside {% blocktranslate %}
"""

from django import template
from django.utils.html import format_html

from ..dates import machine_date, shown_date

register = template.Library()


@register.simple_tag(name="known_date")
def known_date_element(value, month_only=False):
    if value is None:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        machine_date(value, month_only),
        shown_date(value, month_only),
    )


@register.filter(name="known_date")
def known_date_text(value, month_only=False):
    return shown_date(value, month_only)
