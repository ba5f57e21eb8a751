"""Dates that may be known only to the month: a publication from "maj 2018" whose
day is not known is stored as the first of the month and shown without a day."""

from django.utils.formats import date_format
from django.utils.translation import gettext


def shown_date(value, month_only=False):
    """The date as readers see it, in the active language: "26. august 2014", or
    "maj 2018" when only the month is known."""
    if value is None:
        return ""
    if month_only:
        # Translators: Date format (Django date filter) for a month: "maj 2018".
        return date_format(value, gettext("F Y"))
    # Translators: Date format (Django date filter): English has no dot after the day.
    return date_format(value, gettext("j. F Y"))


def machine_date(value, month_only=False):
    """The date for `<time datetime>`: "2014-08-26", or "2018-05" (a valid month string)."""
    if value is None:
        return ""
    return value.strftime("%Y-%m" if month_only else "%Y-%m-%d")
