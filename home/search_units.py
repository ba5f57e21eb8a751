"""What the home page and standard pages put in the site search (see search.units)."""

from search.units import page_unit, plain, register

from .models import HomePage, StandardPage


@register(HomePage, StandardPage)
def page_units(page):
    return page_unit(page, lead=page.intro, body=plain(getattr(page, "body", "")))
