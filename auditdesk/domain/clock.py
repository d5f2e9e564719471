"""The one clock rows are stamped with: the time now, in UTC (shown in local time)."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    """The calendar date where the person is (due dates and "overdue" are local ideas)."""
    return utc_now().astimezone().date()
