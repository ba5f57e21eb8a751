import factory
import wagtail_factories

from .models import CasebookIndexPage, CasePage, MeetingIndexPage, MeetingPage


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
