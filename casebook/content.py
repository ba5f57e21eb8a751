"""The casebook part of the content format."""

from guidelines.content import Handler, register
from guidelines.content.pages import dump_page, site_root, sync_page
from guidelines.content.schema import IndexItem

from .models import CasebookIndexPage


@register
class CasebookIndexHandler(Handler):
    key = "casebook_index"
    schema = IndexItem
    order = 22

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        sync_page(site_root(context), CasebookIndexPage, value, context, singleton=True)

    def dump(self):
        page = CasebookIndexPage.objects.first()
        return dump_page(page, IndexItem) if page else None
