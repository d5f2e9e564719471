"""Grade counts for Board figures, each one SQL GROUP BY over the audits in scope: final
grades overall, by term and by each breakdown, and section grades from the stored
``audit_section_grades``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import GRADES_BEST_FIRST
from auditdesk.domain.reference import Agency, Phase, PrimaryNeed, SettingType
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._tables import RawRow
from auditdesk.store.models import Audit, AuditSectionGrade

GRADE_COLUMN = {grade.value: index for index, grade in enumerate(GRADES_BEST_FIRST)}
GOOD_OR_BETTER = (0, 1)  # Outstanding and Good, in GRADES_BEST_FIRST order
WIDTH = len(GRADES_BEST_FIRST)


@dataclass(frozen=True)
class GradeCounts:
    """Final grades of one group of audits, best first, and how many had none."""

    grades: tuple[int, ...]
    ungraded: int

    @property
    def audits(self) -> int:
        return sum(self.grades) + self.ungraded


NO_GRADES = GradeCounts((0,) * WIDTH, 0)


@dataclass(frozen=True)
class Dimension:
    """A breakdown the Board sees: which column, its title, and how its codes read."""

    key: str
    title: str
    column: Any  # an Audit column
    labels: Callable[[str], str]
    order: tuple[str, ...]  # codes in reading order; others follow alphabetically
    missing: str  # the label for audits with no value
    note: str = ""


def _enum_label(kind: type[StrEnum]) -> Callable[[str], str]:
    def label(code: str) -> str:
        try:
            return str(kind(code).label)  # type: ignore[attr-defined]
        except ValueError:
            return code

    return label


def _need_label(code: str) -> str:
    return f"{_enum_label(PrimaryNeed)(code)} ({code})"


NO_CHILD = "Setting visits (no single child)"
DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "agency",
        "Lead auditor's agency",
        Audit.lead_agency,
        _enum_label(Agency),
        tuple(agency.value for agency in Agency),
        "Not recorded",
        "Each audit counts once, under the agency of the auditor who led it.",
    ),
    Dimension("locality", "Locality", Audit.locality, str, (), "Not recorded"),
    Dimension(
        "phase",
        "Phase",
        Audit.phase,
        _enum_label(Phase),
        tuple(phase.value for phase in Phase),
        NO_CHILD,
        "The child's phase when audited.",
    ),
    Dimension(
        "primary_need",
        "Primary need",
        Audit.primary_need,
        _need_label,
        tuple(need.value for need in PrimaryNeed),
        NO_CHILD,
        "The child's primary need (SEN2 code) when audited.",
    ),
    Dimension(
        "setting_type",
        "Setting type",
        Audit.setting_type,
        _enum_label(SettingType),
        tuple(kind.value for kind in SettingType),
        "Not recorded",
        "The type of the child's setting, or of the setting visited.",
    ),
)


def overall_counts(session: Session, conditions: Sequence[ColumnElement[bool]]) -> GradeCounts:
    rows = session.execute(
        select(Audit.final_grade, func.count()).where(*conditions).group_by(Audit.final_grade)
    ).all()
    grades = [0] * WIDTH
    ungraded = 0
    for grade, number in rows:
        if grade in GRADE_COLUMN:
            grades[GRADE_COLUMN[grade]] += number
        else:
            ungraded += number
    return GradeCounts(tuple(grades), ungraded)


def counts_by(
    session: Session, conditions: Sequence[ColumnElement[bool]], column: Any
) -> dict[str | None, GradeCounts]:
    """Final grade counts per value of ``column``."""
    rows = session.execute(
        select(column, Audit.final_grade, func.count())
        .where(*conditions)
        .group_by(column, Audit.final_grade)
    ).all()
    grades: dict[str | None, list[int]] = defaultdict(lambda: [0] * WIDTH)
    ungraded: dict[str | None, int] = defaultdict(int)
    for value, grade, number in rows:
        if grade in GRADE_COLUMN:
            grades[value][GRADE_COLUMN[grade]] += number
        else:
            ungraded[value] += number
    return {
        value: GradeCounts(tuple(grades[value]), ungraded[value])
        for value in set(grades) | set(ungraded)
    }


def dimension_rows(dimension: Dimension, counts: dict[str | None, GradeCounts]) -> list[RawRow]:
    """One row per value in reading order, the missing value last; graded audits only."""
    known = [code for code in dimension.order if code in counts]
    others = sorted(code for code in counts if code is not None and code not in dimension.order)
    rows = [RawRow(code, dimension.labels(code), counts[code].grades) for code in known + others]
    if None in counts:
        rows.append(RawRow("", dimension.missing, counts[None].grades))
    return [row for row in rows if sum(row.counts)]


@dataclass(frozen=True)
class TemplateSections:
    template_id: str
    title: str
    rows: tuple[RawRow, ...]


def section_counts(
    session: Session, conditions: Sequence[ColumnElement[bool]], catalogue: Catalogue
) -> list[TemplateSections]:
    """Section grade counts per template, top-level graded sections in template order."""
    rows = session.execute(
        select(
            Audit.template_id, AuditSectionGrade.section_id, AuditSectionGrade.grade, func.count()
        )
        .join(AuditSectionGrade, AuditSectionGrade.audit_id == Audit.id)
        .where(*conditions, AuditSectionGrade.grade.is_not(None))
        .group_by(Audit.template_id, AuditSectionGrade.section_id, AuditSectionGrade.grade)
    ).all()
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * WIDTH))
    for template_id, section_id, grade, number in rows:
        if grade in GRADE_COLUMN:
            found[template_id][section_id][GRADE_COLUMN[grade]] += number
    result: list[TemplateSections] = []
    for template_id in sorted(found, key=catalogue.order_key):
        counted = found[template_id]
        section_rows = tuple(
            RawRow(f"{template_id}/{section_id}", title, tuple(counted[section_id]))
            for section_id, title in catalogue.top_sections(template_id)
            if section_id in counted
        )
        result.append(TemplateSections(template_id, catalogue.title(template_id), section_rows))
    return result
