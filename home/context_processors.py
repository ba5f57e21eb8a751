from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page, Site

from core.i18n import localize

from .models import AccessibilityStatementPage, StandardPage


def navigation(request):
    """The home page, the main navigation and the footer links for every template,
    in the reader's language: under /en/ the English home page and its children.
    Worked out once per request, however many templates it renders."""
    if not hasattr(request, "_navigation"):
        request._navigation = _navigation(request)
    return request._navigation


def _navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    home = localize(site.root_page)
    # source_locale_id: what core.i18n needs to tell an untranslated alias apart.
    top_level = (
        Page.objects.child_of(home)
        .live()
        .public()
        .annotate(source_locale_id=F("alias_of__locale_id"))
    )
    top_level = list(top_level)  # one query for both lists
    # The statement too: the law asks for it in the footer ("Tilgængelighedserklæring").
    footer_types = {
        ContentType.objects.get_for_model(model).pk
        for model in (StandardPage, AccessibilityStatementPage)
    }
    return {
        "site_home": home,
        "main_navigation": [page for page in top_level if page.show_in_menus],
        "footer_navigation": [page for page in top_level if page.content_type_id in footer_types],
    }
