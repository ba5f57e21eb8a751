"""The admin screen where editors keep the search's synonyms and abbreviations."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.edit_conflicts import SnippetEditView

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = SynonymGroup._meta.verbose_name_plural
    menu_name = "synonyms"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["__str__", "kind", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["members"]
    edit_view_class = SnippetEditView  # refuses a save from an out-of-date form


register_snippet(SynonymGroupViewSet)
