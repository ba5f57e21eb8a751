"""Factories for tests: pages are built through these, never by hand."""

import datetime

import factory
import wagtail_factories

from .models import GuidanceDocumentPage, GuidanceIndexPage, GuidanceSectionPage, Region, RegionPage


def recommendation(code, title=None, strength="boer", statement=None, rationale=""):
    """Raw StreamField data for one recommendation block."""
    return {
        "type": "recommendation",
        "value": {
            "code": code,
            "title": title or f"Anbefaling {code}",
            "strength": strength,
            "statement": statement or f"<p>Tekst til anbefaling {code}.</p>",
            "rationale": rationale,
        },
    }


def text(html):
    return {"type": "text", "value": html}


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vejledninger"
    slug = "vejledninger"
    show_in_menus = True

    class Meta:
        model = GuidanceIndexPage


class GuidanceDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vejledning {n}")
    slug = factory.Sequence(lambda n: f"vejledning-{n}")
    document_type = "guideline"
    issuers = "Sundhedsstyrelsen"
    first_published = datetime.date(2014, 8, 1)
    summary = "Et resumé."

    class Meta:
        model = GuidanceDocumentPage


class GuidanceSectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Afsnit {n}")
    slug = factory.Sequence(lambda n: f"afsnit-{n}")
    body = factory.LazyFunction(list)

    class Meta:
        model = GuidanceSectionPage


class RegionPageFactory(wagtail_factories.PageFactory):
    region = factory.Iterator(Region.objects.all())
    title = factory.LazyAttribute(lambda page: page.region.name)
    slug = factory.LazyAttribute(lambda page: page.region.slug)

    class Meta:
        model = RegionPage
