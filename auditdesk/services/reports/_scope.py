"""What a Board export covers: a period, the audit filters, and the suppression threshold.

Used by the workbook, the Board pack and the dashboard alike, so the cover of every export
describes exactly the audits its figures count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from auditdesk.domain.board_figures import PeriodInfo, ScopeLine
from auditdesk.domain.periods import (
    Period,
    academic_year,
    academic_year_of,
    previous_term_key,
    quarter_period,
    term_key,
    term_period,
)
from auditdesk.domain.reference import AuditStatus, SettingType
from auditdesk.domain.suppression import DEFAULT_THRESHOLD
from auditdesk.domain.wording import date_text
from auditdesk.errors import InvalidInput
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.store.models import Auditor, Setting, TemplateVersion

#: Drafts are unfinished work; Board figures count audits that have been completed.
DEFAULT_STATUSES: tuple[AuditStatus, ...] = (
    AuditStatus.COMPLETED,
    AuditStatus.MODERATED,
    AuditStatus.SIGNED_OFF,
)
PARTNERSHIP = "0-25 SEND Partnership Board"
TITLE = "Quality of EHC plans and SEND provision"
MAX_THRESHOLD = 100


@dataclass(frozen=True)
class ReportScope:
    """A period plus the audit list's filters (its own dates are replaced by the period's;
    no statuses means completed, moderated and signed off)."""

    period: Period
    filter: AuditFilter = field(default_factory=AuditFilter)
    suppress_below: int = DEFAULT_THRESHOLD
    #: The working copy adds the row-level sheets (and the pack's list of audits) for the
    #: quality team's own analysis; counting those rows rebuilds the hidden figures, so a
    #: working copy is never for the Board and says so on every sheet and page.
    working_copy: bool = False
    partnership: str = PARTNERSHIP
    title: str = TITLE

    def __post_init__(self) -> None:
        if self.period.start > self.period.end:
            raise InvalidInput(
                f"The period starts ({date_text(self.period.start)}) after it ends "
                f"({date_text(self.period.end)})."
            )
        if self.filter.text.strip():
            raise InvalidInput(
                "A Board export cannot be narrowed by a text search, which could name a "
                "child. Use the period and the other filters instead."
            )
        if not 0 <= self.suppress_below <= MAX_THRESHOLD:
            raise InvalidInput(
                f"Suppress counts below a number from 0 to {MAX_THRESHOLD} "
                f"(the usual is {DEFAULT_THRESHOLD}; 0 shows every count)."
            )

    @property
    def statuses(self) -> tuple[AuditStatus, ...]:
        return self.filter.statuses or DEFAULT_STATUSES

    @property
    def previous_period(self) -> Period:
        return previous_period(self.period)

    def conditions(self, period: Period | None = None) -> list[ColumnElement[bool]]:
        """WHERE clauses for the audits in scope in ``period`` (default: the scope's)."""
        chosen = period or self.period
        narrowed = replace(
            self.filter, date_from=chosen.start, date_to=chosen.end, statuses=self.statuses
        )
        return narrowed.conditions()


def period_between(start: date, end: date) -> Period:
    """A period for two dates, named as a term, quarter or year when it is exactly one."""
    for named in _named_periods(start):
        if (named.start, named.end) == (start, end):
            return named
    return Period(start, end, f"{date_text(start)} to {date_text(end)}")


def previous_period(period: Period) -> Period:
    """The period a Board compares with: the previous term, quarter or year when the period
    is one (terms differ in length, and Autumn is compared with Summer, not with May to
    August); otherwise the same number of days immediately before."""
    key = term_key(period.start)
    if (period.start, period.end) == _span(term_period(key)):
        return term_period(previous_term_key(key))
    if (period.start, period.end) == _span(quarter_period(period.start)):
        return quarter_period(period.start - timedelta(days=1))
    if (period.start, period.end) == _span(academic_year_of(period.start)):
        return academic_year(period.start.year - 1)
    shape = (period.start.month, period.start.day, period.end.month, period.end.day)
    years = period.end.year - period.start.year
    if shape == (1, 1, 12, 31) and years == 0:
        year = period.start.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    length = period.end - period.start
    end = period.start - timedelta(days=1)
    start = end - length
    return Period(start, end, f"{date_text(start)} to {date_text(end)}")


def period_info(period: Period) -> PeriodInfo:
    return PeriodInfo(period.label, period.start, period.end)


def describe_scope(
    session: Session, scope: ReportScope, *, compared: bool = True
) -> tuple[ScopeLine, ...]:
    """The scope in words, in the order a reader wants it. ``compared``: whether the
    figures are compared with the previous period (not when it had nothing to compare);
    only then is it listed, so the scope never names a comparison the figures do not make."""
    chosen = scope.filter
    lines = [ScopeLine("Period", _with_dates(scope.period))]
    if compared:
        lines.append(ScopeLine("Compared with", _with_dates(scope.previous_period)))
    lines += [
        ScopeLine("Templates", _template_titles(session, chosen.template_ids)),
        ScopeLine("Audit status", _sentence(status.label for status in scope.statuses)),
    ]
    optional = [
        ("Plan stages", [stage.label for stage in chosen.plan_stages]),
        ("Agencies taking part", [agency.label for agency in chosen.agencies]),
        ("Localities", list(chosen.localities)),
        ("Phases", [phase.label for phase in chosen.phases]),
        ("Primary needs", [need.label for need in chosen.primary_needs]),
        ("Setting types", [_setting_type_label(code) for code in chosen.setting_types]),
        ("Final grades", [grade.label for grade in chosen.grades]),
    ]
    if chosen.ungraded:
        optional.append(("Also", ["audits with no final grade"]))
    if chosen.setting_uuid:
        name = session.scalar(select(Setting.name).where(Setting.uuid == chosen.setting_uuid))
        optional.append(("Setting", [name or "a setting not in this database"]))
    if chosen.auditor_uuid:
        name = session.scalar(select(Auditor.name).where(Auditor.uuid == chosen.auditor_uuid))
        optional.append(("Auditor", [name or "an auditor not in this database"]))
    lines += [ScopeLine(label, _join(values)) for label, values in optional if values]
    return tuple(lines)


def _named_periods(start: date) -> list[Period]:
    return [
        term_period(term_key(start)),
        quarter_period(start),
        academic_year_of(start),
        Period(date(start.year, 1, 1), date(start.year, 12, 31), str(start.year)),
    ]


def _span(period: Period) -> tuple[date, date]:
    return period.start, period.end


def _with_dates(period: Period) -> str:
    dates = f"{date_text(period.start)} to {date_text(period.end)}"
    return period.label if period.label == dates else f"{period.label} ({dates})"


def _template_titles(session: Session, template_ids: tuple[str, ...]) -> str:
    if not template_ids:
        return "All templates"
    titles = dict(
        session.execute(
            select(TemplateVersion.template_id, TemplateVersion.title)
            .where(TemplateVersion.template_id.in_(template_ids))
            .order_by(TemplateVersion.version)
        ).all()
    )
    return _join(titles.get(template_id, template_id) for template_id in template_ids)


def _setting_type_label(code: str) -> str:
    try:
        return SettingType(code).label
    except ValueError:
        return code


def _sentence(labels: Iterable[str]) -> str:
    """ "Completed, moderated, signed off": a list read as one phrase."""
    words = list(labels)
    return ", ".join([words[0], *(word.lower() for word in words[1:])]) if words else ""


def _join(values: Iterable[str]) -> str:
    return ", ".join(values)
