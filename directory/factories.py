import datetime

import factory
import wagtail_factories

from .models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hvem gør hvad"
    slug = "hvem-goer-hvad"

    class Meta:
        model = DirectoryIndexPage


class RegionalDirectoryPageFactory(wagtail_factories.PageFactory):
    """Pass parent=a region page; the region follows from it."""

    title = "Hvem gør hvad i regionen"
    slug = "hvem-goer-hvad"

    class Meta:
        model = RegionalDirectoryPage


class OfferPageFactory(wagtail_factories.PageFactory):
    """Pass parent=a regional directory page, and municipalities (a list of objects)
    or whole_region=True."""

    title = factory.Sequence(lambda n: f"Tilbud {n}")
    slug = factory.Sequence(lambda n: f"tilbud-{n}")
    actor_kind = "psykiatri"
    contact_role = "Visitationen"
    phone = "12 34 56 78"
    verified_on = datetime.date(2026, 3, 1)

    class Meta:
        model = OfferPage
