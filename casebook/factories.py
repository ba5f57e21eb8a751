import factory
import wagtail_factories

from .models import (
    CasebookIndexPage,
    CasePage,
    CollaborationPage,
    FundingIndexPage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MethodIndexPage,
    MethodPage,
)


class CasebookIndexPageFactory(wagtail_factories.PageFactory):
    title = "Casebog"
    slug = "casebog"
    show_in_menus = True

    class Meta:
        model = CasebookIndexPage


class CasePageFactory(wagtail_factories.PageFactory):
    """Pass municipalities, target_groups and themes as lists of objects."""

    title = factory.Sequence(lambda n: f"Case {n}")
    slug = factory.Sequence(lambda n: f"case-{n}")
    start_year = 2016
    status = "i-gang"
    summary = "Et resumé."
    what_was_done = "<p>Det blev gjort.</p>"

    class Meta:
        model = CasePage


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Informationsmøder"
    slug = "moeder"

    class Meta:
        model = MeetingIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Møde {n}")
    slug = factory.Sequence(lambda n: f"moede-{n}")
    place = "Viborg"

    class Meta:
        model = MeetingPage


class FundingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Puljer og finansiering"
    slug = "puljer"

    class Meta:
        model = FundingIndexPage


class FundingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pulje {n}")
    slug = factory.Sequence(lambda n: f"pulje-{n}")
    summary = "En pulje."
    granted_by = "Staten"
    start_year = 2015

    class Meta:
        model = FundingPage


class MethodIndexPageFactory(wagtail_factories.PageFactory):
    title = "Metoder"
    slug = "metoder"

    class Meta:
        model = MethodIndexPage


class MethodPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Metode {n}")
    slug = factory.Sequence(lambda n: f"metode-{n}")
    summary = "En metode."
    for_whom = "<p>For nogle.</p>"
    evidence = "<p>Lidt viden.</p>"

    class Meta:
        model = MethodPage


class CollaborationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Samarbejde {n}")
    slug = factory.Sequence(lambda n: f"samarbejde-{n}")
    kind = "alliance"
    summary = "Et samarbejde."
    start_year = 2019
    ambition = "<p>Mere sammenhæng.</p>"

    class Meta:
        model = CollaborationPage
