"""The periods offered wherever a period is chosen (the audit list's filters, the Board
export, a moderation sample): recent terms, financial quarters and academic years."""

from __future__ import annotations

from datetime import date, timedelta

from auditdesk.domain.periods import (
    Period,
    academic_year,
    academic_year_of,
    previous_term_key,
    quarter_period,
    term_key,
    term_period,
)


def recent_periods(today: date) -> list[Period]:
    """This and the five previous terms, the last four quarters, two academic years."""
    periods: list[Period] = []
    key = term_key(today)
    for _ in range(6):
        periods.append(term_period(key))
        key = previous_term_key(key)
    quarter = quarter_period(today)
    for _ in range(4):
        periods.append(quarter)
        quarter = quarter_period(quarter.start - timedelta(days=1))
    this_year = academic_year_of(today)
    periods += [this_year, academic_year(this_year.start.year - 1)]
    return periods
