"""Dates and counts as people read them, written one way everywhere: in the window, in the
workbook and the PDFs, in messages and in the log.

- A date: ``7 December 2026`` (no leading zero, the month in full, as GOV.UK writes dates).
- A date with a time: ``7 December 2026 at 12:47`` (24-hour clock, this computer's time).
- A count: ``1 audit``, ``1,901 audits``, ``2 children``.

It lives in the domain so every layer reaches the same words: the window
(:mod:`auditdesk.ui.wording` passes these on), the services and exporters that write files,
and the store, whose lock message says since when a database has been open.
"""

from __future__ import annotations

from datetime import date, datetime

# Spelled out rather than taken from strftime("%B"): the window sets the C library's locale
# from the computer's (Qt does, on start), so "%B" could give a month in another language.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: The same date as a spreadsheet's number format: a date cell reads as ``7 December 2026``.
SPREADSHEET_DATE = "d mmmm yyyy"

_IRREGULAR = {"child": "children", "person": "people", "sampled child": "sampled children"}


def date_text(day: date) -> str:
    """``7 December 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_time_text(moment: datetime) -> str:
    """``7 December 2026 at 12:47``, in this computer's time zone (a moment without a time
    zone is taken as already local)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{date_text(local.date())} at {local:%H:%M}"


def plural(noun: str) -> str:
    """``audit`` -> ``audits``, ``child`` -> ``children``, ``sampled child`` -> ``sampled
    children``."""
    last = noun.rsplit(maxsplit=1)[-1]
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if last in _IRREGULAR:
        return noun[: -len(last)] + _IRREGULAR[last]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def count(number: int, noun: str) -> str:
    """``number`` with a thousands separator, and ``noun`` agreeing with it."""
    return f"{number:,} {noun if number == 1 else plural(noun)}"
