"""Information meetings as a series: organiser, audience, materials, registration,
a calendar file that calendar programs read, and links both ways between a meeting
and the cases presented at it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casebook.factories import MeetingIndexPageFactory, MeetingPageFactory
from casebook.models import MeetingCase, MeetingMaterial, MeetingPage, MeetingSeries
from guidelines.models import Region

from .conftest import make_case

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


# --- The demo: the 2014 round in all five regions -------------------------------


def test_the_2014_round_was_held_in_all_five_regions(client, demo_site):
    series = MeetingSeries.objects.get(slug="informationsmoeder-2014")
    meetings = MeetingPage.objects.live().filter(series=series, locale__language_code="da")
    assert {m.region.slug for m in meetings} == set(Region.objects.values_list("slug", flat=True))
    assert all(datetime.date(2014, 9, 1) <= m.date <= datetime.date(2014, 10, 31) for m in meetings)
    html = client.get("/casebog/moeder/").content.decode()
    heading = html.index(series.name)
    for meeting in meetings:
        assert html.index(meeting.title) > heading


def test_a_meeting_page_shows_organiser_audience_materials_and_its_series(client, demo_site):
    html = client.get("/casebog/moeder/informationsmoede-sjaelland-2014/").content.decode()
    assert "Arrangør" in html and "Sundhedsstyrelsen og Socialstyrelsen" in html
    assert "Inviterede" in html
    assert 'href="/vejledninger/dobbeltdiagnose/udgaver/1-udgave-2014/pdf/"' in html
    assert "Andre møder i serien" in html
    assert 'href="/casebog/moeder/informationsmoede-midtjylland-2014/"' in html
    # Held long ago: no sign-up.
    assert "Tilmelding" not in html


def test_a_meetings_materials_open(client, demo_site):
    meeting = MeetingPage.objects.get(
        slug="informationsmoede-midtjylland-2014", locale__language_code="da"
    )
    for material in meeting.materials.all():
        response = client.get(material.href)
        assert response.status_code == 200, material.href
        assert response["Content-Type"] == "application/pdf"


def test_cases_and_meetings_link_both_ways_in_both_languages(client, demo_site):
    meeting = client.get("/casebog/moeder/informationsmoede-nordjylland-2014/").content.decode()
    assert 'href="/regioner/nordjylland/tovholder-dobbeltdiagnose-aalborg/"' in meeting
    case = client.get("/regioner/nordjylland/tovholder-dobbeltdiagnose-aalborg/").content.decode()
    assert "Præsenteret på" in case
    assert 'href="/casebog/moeder/informationsmoede-nordjylland-2014/"' in case
    assert 'href="/casebog/moeder/informationsmoede-sjaelland-2014/"' in case
    english = client.get("/en/regioner/nordjylland/tovholder-dobbeltdiagnose-aalborg/")
    assert (
        'href="/en/casebog/moeder/informationsmoede-nordjylland-2014/"' in english.content.decode()
    )


# --- The calendar file -------------------------------------------------------------


def soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def meetings(home, casebook):
    index = MeetingIndexPageFactory(parent=casebook)
    timed = MeetingPageFactory(
        parent=index,
        slug="temadag",
        title="Temadag om integreret behandling, Sorø",
        date=soon(100),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(14, 0),
        place="Regionshuset, Sorø",
        summary="Erfaringer med integreret behandling.",
        organiser="Region Sjælland",
        registration_contact="Sekretariatet, temadag@example.org",
    )
    all_day = MeetingPageFactory(parent=index, slug="heldag", date=soon(30))
    return index, timed, all_day


def test_a_meetings_calendar_file_validates_and_says_when_and_where(client, meetings):
    _index, timed, _all_day = meetings
    calendar = calendar_of(client.get("/casebog/moeder/temadag/kalender/"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (event,) = events(calendar)
    assert str(event["SUMMARY"]) == timed.title
    assert str(event["LOCATION"]) == "Regionshuset, Sorø"
    # Written in UTC (9.30 in Copenhagen is 8.30 or 7.30 UTC): the same instant.
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.utcoffset() == datetime.timedelta(0)
    assert start == datetime.datetime.combine(timed.date, datetime.time(9, 30), COPENHAGEN)
    assert end == datetime.datetime.combine(timed.date, datetime.time(14, 0), COPENHAGEN)
    assert str(event["URL"]) == "http://testserver/casebog/moeder/temadag/"
    assert "Erfaringer med integreret behandling." in str(event["DESCRIPTION"])
    assert str(event["UID"]).startswith(f"moede-{timed.translation_key}@")
    assert event.decoded("DTSTAMP")


def test_a_meeting_without_a_time_is_a_whole_day(client, meetings):
    (event,) = events(calendar_of(client.get("/casebog/moeder/heldag/kalender/")))
    assert event.decoded("DTSTART") == soon(30)
    assert event.decoded("DTEND") == soon(31)


def test_the_index_calendar_holds_every_published_public_meeting_once(client, meetings):
    index, timed, all_day = meetings
    draft = MeetingPageFactory(parent=index, slug="kladde", live=False, date=timed.date)
    private = MeetingPageFactory(parent=index, slug="lukket", date=timed.date)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    calendar = calendar_of(client.get("/casebog/moeder/kalender/"))
    uids = [str(e["UID"]) for e in events(calendar)]
    assert len(uids) == len(set(uids)) == 2
    hidden = (str(draft.translation_key), str(private.translation_key))
    assert not any(key in uid for key in hidden for uid in uids)
    assert client.get("/casebog/moeder/kladde/kalender/").status_code == 404


def test_the_same_meeting_in_english_is_the_same_event(client, demo_site):
    danish = events(
        calendar_of(client.get("/casebog/moeder/informationsmoede-nordjylland-2014/kalender/"))
    )
    english = events(
        calendar_of(client.get("/en/casebog/moeder/informationsmoede-nordjylland-2014/kalender/"))
    )
    assert str(danish[0]["UID"]) == str(english[0]["UID"])
    assert str(english[0]["SUMMARY"]).startswith("Information meeting")


def test_an_upcoming_meeting_says_how_to_sign_up(client, meetings):
    html = client.get("/casebog/moeder/temadag/").content.decode()
    assert "Tilmelding" in html
    assert 'href="mailto:temadag@example.org"' in html
    assert 'href="/casebog/moeder/temadag/kalender/"' in html
    unannounced = client.get("/casebog/moeder/heldag/").content.decode()
    assert "Tilmeldingen er ikke åbnet endnu." in unannounced


def test_a_meeting_without_an_end_lasts_two_hours_even_past_midnight(client, meetings):
    index = meetings[0]
    MeetingPageFactory(parent=index, slug="sent", date=soon(5), start_time=datetime.time(23, 0))
    (event,) = events(calendar_of(client.get("/casebog/moeder/sent/kalender/")))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)


# --- The editor's form ------------------------------------------------------------


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "x"))
    return client


def meeting_form(**overrides):
    data = {
        "title": "Nyt møde",
        "slug": "nyt-moede",
        "series": "",
        "date": "2027-05-04",
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "Vejle",
        "region": "",
        "organiser": "Region Syddanmark",
        "audience": "Fagfolk",
        "summary": "",
        "programme": rich_text(""),
        "registration_url": "",
        "registration_contact": "",
        "materials": inline_formset([]),
        "presented_cases": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_adds_a_meeting_with_a_file_a_link_and_a_case(editor, casebook, region_pages):
    index = MeetingIndexPageFactory(parent=casebook)
    case = make_case(casebook, region_pages, slug="en-case")
    handout = Document(title="Udlevering")
    handout.file.save("udlevering.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
    handout.save()
    data = meeting_form(
        materials=inline_formset(
            [
                {"title": "Udlevering", "kind": "handout", "document": handout.pk, "url": ""},
                {
                    "title": "Retningslinjerne",
                    "kind": "vejledning",
                    "document": "",
                    "url": "/vejledninger/",
                },
            ]
        ),
        presented_cases=inline_formset([{"case": case.pk}]),
    )
    response = editor.post(f"/admin/pages/add/casebook/meetingpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = MeetingPage.objects.get(slug="nyt-moede", locale__language_code="da")
    assert meeting.live
    assert [(m.title, m.document_id, m.url) for m in meeting.materials.all()] == [
        ("Udlevering", handout.pk, ""),
        ("Retningslinjerne", None, "/vejledninger/"),
    ]
    assert [link.case for link in MeetingCase.objects.filter(meeting=meeting)] == [case]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"end_time": "09:00"}, "Mødet slutter, før det starter."),
        (
            {
                "materials": inline_formset(
                    [{"title": "Intet", "kind": "slides", "document": "", "url": ""}]
                )
            },
            "Vælg enten en fil eller et link",
        ),
        (
            {
                "materials": inline_formset(
                    [
                        {
                            "title": "Link",
                            "kind": "slides",
                            "document": "",
                            "url": "javascript:alert(1)",
                        }
                    ]
                )
            },
            "Skriv en adresse på sitet",
        ),
        ({"registration_url": "ikke en adresse"}, "Indtast en gyldig URL"),
        (
            {
                "materials": inline_formset(
                    [{"title": "Link", "kind": "slides", "document": "", "url": "//andet.example/"}]
                )
            },
            "Skriv en adresse på sitet",
        ),
    ],
)
def test_bad_meeting_input_is_a_form_error_and_nothing_is_saved(
    editor, casebook, overrides, message
):
    index = MeetingIndexPageFactory(parent=casebook)
    response = editor.post(
        f"/admin/pages/add/casebook/meetingpage/{index.pk}/", meeting_form(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MeetingPage.objects.exists()
    assert not MeetingMaterial.objects.exists()


def test_a_case_behind_a_password_is_not_named_on_a_public_meeting(client, meetings, region_pages):
    index, timed, _all_day = meetings
    casebook = index.get_parent()
    open_case = make_case(casebook, region_pages, slug="aaben", title="En åben case")
    closed = make_case(casebook, region_pages, slug="lukket-case", title="En lukket case")
    PageViewRestriction.objects.create(page=closed, restriction_type="password", password="x")
    for case in (open_case, closed):
        MeetingCase.objects.create(meeting=timed, case=case)
    html = client.get("/casebog/moeder/temadag/").content.decode()
    assert "En åben case" in html and "En lukket case" not in html
