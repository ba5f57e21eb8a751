from django.db.models import F
from wagtail.models import Page, Site

from core.i18n import localize

from .models import StandardPage


def navigation(request):
    """The home page, the main navigation and the footer links for every template,
    in the reader's language: under /en/ the English home page and its children."""
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
    return {
        "site_home": home,
        "main_navigation": top_level.in_menu(),
        "footer_navigation": top_level.type(StandardPage),
    }
