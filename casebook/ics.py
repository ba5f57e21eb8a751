"""Meetings as iCalendar (RFC 5545) files, made with the icalendar package: one
meeting to add to a calendar, or every meeting as a calendar to subscribe to."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

ZONE = ZoneInfo(settings.TIME_ZONE)


def _when(meeting):
    """(start, end) as aware datetimes when the time is known, else the day (an
    all-day event ends, exclusively, the next day)."""
    if meeting.start_time is None:
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=ZONE)
    if meeting.end_time:
        end = datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=ZONE)
    else:  # an end is required of a timed event: two hours, if need be past midnight
        end = start + datetime.timedelta(hours=2)
    # In UTC: valid without a VTIMEZONE block, and read the same by every client.
    return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)


def event(request, meeting):
    start, end = _when(meeting)
    url = meeting.get_full_url(request)
    entry = Event()
    # The same meeting in Danish and English is one event: its translation key.
    entry.add("uid", f"moede-{meeting.translation_key}@{urlsplit(url).hostname}")
    entry.add("dtstamp", meeting.last_published_at or timezone.now())
    entry.add("dtstart", start)
    entry.add("dtend", end)
    entry.add("summary", meeting.title)
    entry.add("location", meeting.place)
    entry.add("url", url)
    entry.add(
        "description",
        "\n\n".join(
            text for text in (meeting.summary, meeting.organiser, meeting.audience, url) if text
        ),
    )
    entry.add("status", "CONFIRMED")
    return entry


def response(request, meetings, name, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//Vejledning om psykiske lidelser//Informationsmøder//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(event(request, meeting))
    answer = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
