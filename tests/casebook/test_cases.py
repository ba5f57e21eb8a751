"""Cases and meetings as readers use them, and both directions to recommendations."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from casebook.factories import MeetingIndexPageFactory, MeetingPageFactory
from casebook.models import CaseRecommendation, MeetingCase, Theme
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
)
from guidelines.models import Municipality, Region

from .conftest import make_case


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="dd", title="Dobbeltdiagnose"
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="plan",
        body=[
            recommendation("6.1", title="Én tovholder"),
            recommendation("6.2", title="Tid og mandat"),
        ],
    )
    return document


@pytest.fixture
def case(casebook, region_pages, document):
    midt = Region.objects.get(slug="midtjylland")
    case = make_case(
        casebook,
        region_pages,
        region=midt,
        municipalities=Municipality.objects.filter(name__in=["Randers", "Viborg"]),
        themes=Theme.objects.filter(slug="dobbeltdiagnose"),
        title="Fælles tovholder i Randers",
        slug="faelles-tovholder",
        status="forankret",
        start_year=2017,
        end_year=2019,
    )
    CaseRecommendation.objects.create(case=case, document=document, code="6.1")
    return case


def test_regional_case_lives_under_its_region(case):
    assert case.url == "/regioner/midtjylland/faelles-tovholder/"


def test_case_page_shows_facts_and_links_its_recommendations(client, case):
    html = client.get(case.url).content.decode()
    assert "Region Midtjylland" in html and "Randers, Viborg" in html
    assert "2017–2019" in html and "Forankret i drift" in html
    assert 'href="/vejledninger/dd/anbefaling/6-1/"' in html and "Én tovholder" in html


def test_recommendation_lists_the_cases_that_put_it_into_practice(client, case):
    html = client.get("/vejledninger/dd/anbefaling/6-1/").content.decode()
    assert f'href="{case.url}"' in html
    other = client.get("/vejledninger/dd/anbefaling/6-2/").content.decode()
    assert "ingen cases" in other


def test_unpublished_case_is_not_listed_on_the_recommendation(client, case):
    case.unpublish()
    assert case.url not in client.get("/vejledninger/dd/anbefaling/6-1/").content.decode()


def test_private_case_is_not_listed_on_the_recommendation(client, case):
    """A case behind a password is not named, by title or address, to other readers."""
    PageViewRestriction.objects.create(
        page=case, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    html = client.get("/vejledninger/dd/anbefaling/6-1/").content.decode()
    assert case.url not in html and case.title not in html


def test_coverage_shows_where_cases_exist_and_where_none_do(client, case):
    html = client.get("/casebog/daekning/").content.decode()
    row_61 = html[html.index("Én tovholder") :]
    row_61 = row_61[: row_61.index("</tr>")]
    assert "<td>1</td>" in row_61
    row_62 = html[html.index("Tid og mandat") :]
    row_62 = row_62[: row_62.index("</tr>")]
    assert 'class="coverage--none"' in html[: html.index("Tid og mandat")].rsplit("<tr", 1)[1]
    assert "<td>1</td>" not in row_62


def test_denmark_overview_links_into_the_facets(client, case):
    html = client.get("/casebog/").content.decode()
    assert (
        'href="?region=midtjylland">Region Midtjylland</a> <span class="count">1 case</span>'
        in html
    )


def test_meetings_are_split_into_upcoming_and_past(client, casebook, case):
    index = MeetingIndexPageFactory(parent=casebook)
    today = timezone.localdate()
    past = MeetingPageFactory(parent=index, title="Mødet i 2014", date=datetime.date(2014, 9, 23))
    MeetingPageFactory(parent=index, title="Næste møde", date=today + datetime.timedelta(days=10))
    MeetingCase.objects.create(meeting=past, case=case)
    html = client.get(index.url).content.decode()
    assert html.index("Kommende møder") < html.index("Næste møde") < html.index("Afholdte møder")
    assert html.index("Afholdte møder") < html.index("Mødet i 2014")
    meeting = client.get(past.url).content.decode()
    assert case.title in meeting
