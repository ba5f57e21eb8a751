"""Factories for tests: pages are built through these, never by hand."""

import datetime

import factory
import wagtail_factories

from .models import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    RecommendationStance,
    Region,
    RegionalAdaptationPage,
    RegionPage,
    SectionAdaptation,
)


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


class RegionalAdaptationPageFactory(wagtail_factories.PageFactory):
    """Pass `document` (and `based_on`); add entries with `entry()` before saving,
    or build with sections=[entry(...), ...] and stances=[stance(...), ...]."""

    title = factory.LazyAttribute(lambda page: f"{page.document.title} i regionen")
    slug = factory.LazyAttribute(lambda page: page.document.slug)

    class Meta:
        model = RegionalAdaptationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sections(page, create, entries, **kwargs):
        if entries:
            page.section_adaptations = [
                SectionAdaptation(sort_order=i, **values) for i, values in enumerate(entries)
            ]
            if create:
                page.save()

    @factory.post_generation
    def stances(page, create, stances, **kwargs):
        if stances:
            page.recommendation_stances = [
                RecommendationStance(sort_order=i, **values) for i, values in enumerate(stances)
            ]
            if create:
                page.save()


def entry(section, mode="supplemented", text="<p>Lokal tekst.</p>", reason=""):
    """Values for one adapted section; replaced sections get a reason by default."""
    if mode == "replaced" and not reason:
        reason = "Lokale forhold."
    if mode == "national":
        text = ""
    return {"section": section, "mode": mode, "text": text, "reason": reason}


def stance(code, stance="kept", text="", reason=""):
    """Values for one stance; adapted ones get a wording, excluded ones a reason by default."""
    if stance == "adapted" and not text:
        text = f"<p>Regionens formulering af {code}.</p>"
    if stance == "excluded" and not reason:
        reason = "Passer ikke til regionens tilbud."
    return {"code": code, "stance": stance, "text": text, "reason": reason}
