"""Glossary links in templates:

    {% load glossary_tags %}
    {% glossary_links section %}
        {% for block in section.body %}{% include_block block %}{% endfor %}
    {% endglossary_links %}

links the first occurrence of each glossary term in what it encloses, the
rendered text of `section` (default: the template's `page`), to the glossary
in the reader's language (glossary/terms.py). For live text only: a frozen
edition shows its text as it was released.
"""

from django import template
from django.utils.safestring import mark_safe

from ..terms import link_glossary_terms

register = template.Library()


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        markup = self.nodelist.render(context)
        page = self.page.resolve(context) if self.page is not None else context.get("page")
        return mark_safe(link_glossary_terms(markup, page, context.get("request")))


@register.tag("glossary_links")
def glossary_links(parser, token):
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes at most one argument: the page")
    page = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist, page)
