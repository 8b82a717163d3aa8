"""Dates and times as the application writes them everywhere: "30 November 2026", "14.05 WIB".

One definition for pages (the ``id_date``, ``id_time`` and ``id_datetime`` template filters),
e-mails and workbooks. Times are shown in the project's time zone (``TIME_ZONE``), named by its
Indonesian abbreviation (WIB for Asia/Jakarta).
"""

import datetime

from django.utils import timezone

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def local(moment: datetime.datetime) -> datetime.datetime:
    """An aware moment in the project's time zone (a naive one is taken to be in it already)."""
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return timezone.localtime(moment)


def format_date(day: datetime.date | datetime.datetime | None) -> str:
    """ "30 November 2026" (a moment gives its local day); "" for no date."""
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = local(day).date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_time(moment: datetime.datetime | None) -> str:
    """ "14.05 WIB": hours and minutes with a dot, and the zone; "" for no time."""
    if moment is None:
        return ""
    moment = local(moment)
    return f"{moment:%H.%M} {moment.tzname()}"


def format_datetime(moment: datetime.datetime | None) -> str:
    """ "30 November 2026 14.05 WIB"; "" for no moment."""
    if moment is None:
        return ""
    return f"{format_date(moment)} {format_time(moment)}"
