"""School terms, academic years and financial quarters, the periods Boards report in.

Terms follow the English school year: Autumn (September-December), Spring
(January-March) and Summer (April-August; Easter moves, so April goes with Summer).
Quarters are the council's financial quarters: Q1 is April-June.
A term key such as ``2025-1`` (Autumn of 2025/26) sorts in time order and is stored on each
audit, so "by term" is a plain GROUP BY.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from auditdesk.domain.limits import DAY_RANGE, EARLIEST_DAY, LATEST_DAY

_TERM_NAMES = {1: "Autumn", 2: "Spring", 3: "Summer"}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def term_key(day: date) -> str:
    """``YYYY-T``: the academic year it starts in, then 1 Autumn, 2 Spring, 3 Summer."""
    if day.month >= 9:
        return f"{day.year}-1"
    if day.month <= 3:
        return f"{day.year - 1}-2"
    return f"{day.year - 1}-3"


def term_label(key: str) -> str:
    """``2025-1`` -> ``Autumn 2025``; ``2025-2`` -> ``Spring 2026``."""
    year, number = _split_term_key(key)
    calendar_year = year if number == 1 else year + 1
    return f"{_TERM_NAMES[number]} {calendar_year}"


def term_period(key: str) -> Period:
    year, number = _split_term_key(key)
    if number == 1:
        return Period(date(year, 9, 1), date(year, 12, 31), term_label(key))
    if number == 2:
        return Period(date(year + 1, 1, 1), date(year + 1, 3, 31), term_label(key))
    return Period(date(year + 1, 4, 1), date(year + 1, 8, 31), term_label(key))


def academic_year(first_year: int) -> Period:
    """The academic year starting in ``first_year``: 1 September to 31 August, "2025/26"."""
    return Period(
        date(first_year, 9, 1),
        date(first_year + 1, 8, 31),
        f"{first_year}/{(first_year + 1) % 100:02d}",
    )


def academic_year_of(day: date) -> Period:
    """The academic year ``day`` falls in (September starts a new one)."""
    return academic_year(day.year if day.month >= 9 else day.year - 1)


def previous_term_key(key: str) -> str:
    year, number = _split_term_key(key)
    return f"{year - 1}-3" if number == 1 else f"{year}-{number - 1}"


def quarter_period(day: date) -> Period:
    """The financial quarter containing ``day`` (Q1 = April-June)."""
    fy_start = day.year if day.month >= 4 else day.year - 1
    index = ((day.month - 4) % 12) // 3  # 0..3
    start_month = 4 + 3 * index
    start = date(fy_start + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
    next_month = start_month + 3
    after = date(fy_start + (next_month - 1) // 12, (next_month - 1) % 12 + 1, 1)
    label = f"{fy_start}/{str(fy_start + 1)[-2:]} Q{index + 1}"
    return Period(start, after - timedelta(days=1), label)


def check_day(day: date) -> date:
    """``day`` if AuditDesk works with it; otherwise a ValueError naming the range."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ValueError(
            f"{day.isoformat()} is outside the days AuditDesk works with: "
            f"give a day from {DAY_RANGE}"
        )
    return day


def parse_period(text: str) -> Period:
    """Read a term ("Autumn 2025"), a quarter ("2025/26 Q2"), an academic year
    ("2025/26") or a calendar year ("2025"), within the accepted range of days."""
    period = _read_period(text)
    if period.start < EARLIEST_DAY or period.end > LATEST_DAY:
        raise ValueError(_outside(text))
    return period


def _outside(text: str) -> str:
    return f"'{text}' is outside the days AuditDesk works with: give a period from {DAY_RANGE}"


def _read_period(text: str) -> Period:
    # Years are checked roughly before any date is made (year 0, or 10000 for "9999/00",
    # is no date at all), and the period exactly after: "1999/00 Q4" is early 2000.
    cleaned = " ".join(text.split())
    years = [int(found) for found in re.findall(r"\d{4}", cleaned)]
    if any(not EARLIEST_DAY.year - 1 <= year <= LATEST_DAY.year for year in years):
        raise ValueError(_outside(text))
    match = re.fullmatch(r"(?i)(autumn|spring|summer)\s+(\d{4})", cleaned)
    if match:
        name, year = match.group(1).capitalize(), int(match.group(2))
        number = {"Autumn": 1, "Spring": 2, "Summer": 3}[name]
        return term_period(f"{year if number == 1 else year - 1}-{number}")
    match = re.fullmatch(r"(?i)(\d{4})/(\d{2})\s+q([1-4])", cleaned)
    if match:
        fy_start, quarter = int(match.group(1)), int(match.group(3))
        _check_following_year(text, fy_start, match.group(2))
        month = 4 + 3 * (quarter - 1)
        return quarter_period(date(fy_start + (month - 1) // 12, (month - 1) % 12 + 1, 1))
    match = re.fullmatch(r"(\d{4})/(\d{2})", cleaned)
    if match:
        year = int(match.group(1))
        _check_following_year(text, year, match.group(2))
        return academic_year(year)
    match = re.fullmatch(r"(\d{4})", cleaned)
    if match:
        year = int(match.group(1))
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    raise ValueError(
        f"'{text}' is not a period; use a term ('Autumn 2025'), a quarter ('2025/26 Q2'), "
        "an academic year ('2025/26') or a year ('2025')"
    )


def _check_following_year(text: str, first: int, second: str) -> None:
    if second != f"{(first + 1) % 100:02d}":
        raise ValueError(
            f"'{text}' names two years that do not follow each other; "
            f"did you mean {first}/{(first + 1) % 100:02d}?"
        )


def _split_term_key(key: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-([123])", key)
    if not match:
        raise ValueError(f"'{key}' is not a term key (expected e.g. 2025-1)")
    return int(match.group(1)), int(match.group(2))
