from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Municipality, Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "slug"]
    inspect_view_enabled = True


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    list_per_page = 100
    inspect_view_enabled = True
    list_export = ["code", "name", "region"]


class ReferenceDataGroup(SnippetViewSetGroup):
    """Regions and municipalities come from guidelines/data/ via a migration;
    the admin shows them so editors can look codes up."""

    items = (RegionViewSet, MunicipalityViewSet)
    menu_icon = "list-ul"
    menu_label = _("Referencedata")
    menu_name = "reference-data"


register_snippet(ReferenceDataGroup)
