from wagtail.models import Page, Site


def navigation(request):
    """The home page, the main navigation and the footer links for every template."""
    from .models import StandardPage

    site = Site.find_for_request(request)
    if site is None:
        return {}
    home = site.root_page
    top_level = Page.objects.child_of(home).live().public()
    return {
        "site_home": home,
        "main_navigation": top_level.in_menu(),
        "footer_navigation": top_level.type(StandardPage),
    }
