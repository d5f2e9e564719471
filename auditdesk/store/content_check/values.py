"""Values of the right kind: SQLite stores whatever it is given in most columns, so these
checks compare each column with what the models say it holds."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Float, Integer, String
from sqlalchemy.types import TypeDecorator

from auditdesk.domain import limits
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
    SubjectKind,
    TemplateKind,
)
from auditdesk.store.content_check.reading import MOST_FINDINGS, quoted
from auditdesk.store.models import (
    Action,
    Audit,
    AuditAuditor,
    Auditor,
    AuditSectionGrade,
    Base,
    Child,
    Moderation,
    ModerationGrade,
    Plan,
    Setting,
    TemplateVersion,
)

#: Columns holding one of a known set of codes, by the enum that lists them (the models
#: store codes as plain strings; the codes a CHECK constraint lists are added from the
#: models themselves, as ``PRAGMA ignore_check_constraints`` lets others in).
CODE_COLUMNS: dict[Any, type[StrEnum]] = {
    Auditor.agency: Agency,
    Auditor.role: Role,
    Setting.setting_type: SettingType,
    Setting.phase: SettingPhase,
    Child.primary_need: PrimaryNeed,
    Plan.stage: PlanStage,
    TemplateVersion.kind: TemplateKind,
    Audit.subject_kind: SubjectKind,
    Audit.phase: Phase,
    Audit.primary_need: PrimaryNeed,
    Audit.setting_type: SettingType,
    Audit.plan_stage: PlanStage,
    Audit.status: AuditStatus,
    Audit.suggested_grade: Grade,
    Audit.override_grade: Grade,
    Audit.final_grade: Grade,
    Audit.lead_agency: Agency,
    AuditAuditor.agency: Agency,
    AuditSectionGrade.grade: Grade,
    Action.owner_agency: Agency,
    Action.status: ActionStatus,
    Moderation.second_overall_grade: Grade,
    Moderation.agreed_grade: Grade,
    ModerationGrade.first_grade: Grade,
    ModerationGrade.second_grade: Grade,
    ModerationGrade.agreed_grade: Grade,
}
_CHECK_IN = re.compile(r"^\s*(\w+)\s+IN\s*\(([^()]*)\)\s*$", re.IGNORECASE)
_DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
#: How SQLAlchemy stores a time (a LIKE pattern: cheaper than GLOB on every row).
_TIME = "____-__-__ __:__:__%"


@dataclass(frozen=True)
class _Expectation:
    """One count over a table: the rows of ``column`` where ``condition`` (SQL) holds."""

    column: str
    condition: str
    finding: str


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))


def _codes_by_column() -> dict[tuple[str, str], set[str]]:
    codes: dict[tuple[str, str], set[str]] = {}
    for attribute, enum in CODE_COLUMNS.items():
        column = attribute.property.columns[0]
        codes[(column.table.name, column.name)] = {member.value for member in enum}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                found = _CHECK_IN.match(str(constraint.sqltext))
                if found and found.group(1) in table.columns:
                    values = {v.strip().strip("'") for v in found.group(2).split(",")}
                    codes.setdefault((table.name, found.group(1)), values)
    return codes


def _expectations() -> dict[str, list[_Expectation]]:
    """What each column of each table must hold, from the models: its storage class (text,
    a whole number, a number), days and times AuditDesk can read, and known codes."""
    codes = _codes_by_column()
    found: dict[str, list[_Expectation]] = {}
    for table in Base.metadata.sorted_tables:
        expected: list[_Expectation] = []
        for column in table.columns:
            name = quoted(column.name)
            kind = column.type
            if isinstance(kind, TypeDecorator):
                kind = kind.impl_instance
            if isinstance(kind, Integer | Boolean):
                if column.primary_key and len(table.primary_key.columns) == 1:
                    continue  # the rowid itself: SQLite holds nothing else there
                wrong, what = f"typeof({name}) NOT IN ('integer', 'null')", "a whole number"
            elif isinstance(kind, Float):
                wrong, what = f"typeof({name}) IN ('text', 'blob')", "a number"
            elif isinstance(kind, Date | DateTime):  # stored as text, in a NUMERIC column
                wrong, what = f"typeof({name}) NOT IN ('text', 'null')", "text"
            elif isinstance(kind, String):  # Text too: a TEXT column turns numbers to text
                wrong, what = f"typeof({name}) = 'blob'", "text"
            else:
                continue
            expected.append(_Expectation(column.name, wrong, f"something other than {what}"))
            if isinstance(kind, DateTime):
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} NOT LIKE '{_TIME}'",
                        "text that is not a date and time",
                    )
                )
            elif isinstance(kind, Date):
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND NOT ({name} GLOB '{_DAY}' "
                        f"AND date({name}) IS {name})",
                        "text that is not a date",
                    )
                )
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} GLOB '{_DAY}' "
                        f"AND date({name}) IS {name} AND {name} NOT BETWEEN "
                        f"'{limits.EARLIEST_DAY}' AND '{limits.LATEST_DAY}'",
                        f"a day outside the days AuditDesk works with ({limits.DAY_RANGE})",
                    )
                )
            allowed = codes.get((table.name, column.name))
            if allowed:
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} NOT IN ({_sql_list(allowed)})",
                        "a value AuditDesk does not know",
                    )
                )
        if expected:
            found[table.name] = expected
    return found


def value_problems(connection: sqlite3.Connection) -> list[str]:
    """Values SQLite holds but AuditDesk cannot use, by table and column, counted (never
    quoted: a value may be about a child): a value of the wrong storage class (a blob or a
    number where text belongs, text where a number does), a day or time that is none or is
    outside the days AuditDesk works with, a code no list holds. SQLite stores whatever it
    is given in most columns, so such a value passes its checks, and then an export
    crashes or the Board silently leaves the row out. One pass over each clean table."""
    found: list[str] = []
    for table, expected in _expectations().items():
        # Counted column by column only in a table where something is wrong (rarely).
        anything = " OR ".join(f"({e.condition})" for e in expected)
        (wrong,) = connection.execute(
            f"SELECT EXISTS (SELECT 1 FROM {quoted(table)} WHERE {anything})"
        ).fetchone()
        if not wrong:
            continue
        counts = ", ".join(f"count(*) FILTER (WHERE {e.condition})" for e in expected)
        row = connection.execute(f"SELECT {counts} FROM {quoted(table)}").fetchone()
        for expectation, count in zip(expected, row, strict=True):
            if count:
                rows = "1 row holds" if count == 1 else f"{count:,} rows hold"
                found.append(f"{table}.{expectation.column}: {rows} {expectation.finding}")
    return found[:MOST_FINDINGS]
