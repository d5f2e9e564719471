"""Agreement between first and second markers across moderated audits: per question, per
section and overall, with the number of pairs behind each figure.

Counts come from SQL (a GROUP BY over answer pairs); Python only turns each scale's codes
into points, which depend on the template version.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Row, and_, func, or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.agreement import Agreement, agreement_from_table
from auditdesk.domain.grades import Grade
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import (
    Answer,
    Audit,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
    TemplateVersion,
)

MODERATED = ("submitted", "agreed")
# (template version id, question id, first rating, second rating, how many such pairs)
PairRow = Row[int, str, str | None, str, int]
Table = Counter[tuple[int, int]]  # (first points, second points) -> pairs


@dataclass(frozen=True)
class AgreementLine:
    template_id: str
    key: str  # question id or section id
    title: str
    agreement: Agreement


@dataclass(frozen=True)
class AgreementReport:
    moderations: int
    overall_grades: Agreement  # first vs second overall grade, one pair per audit
    ratings: Agreement  # every rated question pair, pooled
    sections: tuple[AgreementLine, ...]
    questions: tuple[AgreementLine, ...]


def agreement_report(
    ctx: ServiceContext,
    *,
    sample_uuid: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> AgreementReport:
    with ctx.db.read() as session:
        return build_agreement_report(session, sample_uuid, date_from, date_to)


def build_agreement_report(
    session: Session,
    sample_uuid: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> AgreementReport:
    conditions = _moderated(sample_uuid, date_from, date_to)
    tallies = _tally_pairs(session, _rating_pairs(session, conditions))
    return AgreementReport(
        moderations=_count_moderations(session, conditions),
        overall_grades=agreement_from_table(_overall_grades(session, conditions)),
        ratings=agreement_from_table(tallies.pooled),
        sections=tallies.lines(tallies.by_section),
        questions=tallies.lines(tallies.by_question),
    )


def _moderated(
    sample_uuid: str | None, date_from: date | None, date_to: date | None
) -> list[ColumnElement[bool]]:
    """Which moderations count: submitted or agreed, in the sample and period asked for
    (by the audit's date). Every query below joins ``Audit`` so these apply."""
    conditions: list[ColumnElement[bool]] = [Moderation.status.in_(MODERATED)]
    if sample_uuid:
        conditions.append(
            Moderation.sample_id.in_(
                select(ModerationSample.id).where(ModerationSample.uuid == sample_uuid)
            )
        )
    if date_from:
        conditions.append(Audit.audit_date >= date_from)
    if date_to:
        conditions.append(Audit.audit_date <= date_to)
    return conditions


def _count_moderations(session: Session, conditions: list[ColumnElement[bool]]) -> int:
    return (
        session.scalar(
            select(func.count(Moderation.id))
            .join(Audit, Audit.id == Moderation.audit_id)
            .where(*conditions)
        )
        or 0
    )


def _overall_grades(session: Session, conditions: list[ColumnElement[bool]]) -> Table:
    """First against second overall grade, as points, one pair per moderated audit."""
    grade_table: Table = Counter()
    grade_rows = session.execute(
        select(ModerationGrade.first_grade, ModerationGrade.second_grade, func.count())
        .join(Moderation, Moderation.id == ModerationGrade.moderation_id)
        .join(Audit, Audit.id == Moderation.audit_id)
        .where(ModerationGrade.scope == "overall", *conditions)
        .group_by(ModerationGrade.first_grade, ModerationGrade.second_grade)
    ).all()
    for first, second, count in grade_rows:
        if first and second:
            grade_table[(Grade(first).points, Grade(second).points)] += count
    return grade_table


def _rating_pairs(session: Session, conditions: list[ColumnElement[bool]]) -> Sequence[PairRow]:
    """How many times each (first rating, second rating) pair was given, by template
    version and question: the first marker's answer met with the second marker's rating
    of the same question in the same block."""
    same_block = or_(
        Answer.block_id == ModerationRating.block_id,
        and_(Answer.block_id.is_(None), ModerationRating.block_id.is_(None)),
    )
    return session.execute(
        select(
            Audit.template_version_id,
            ModerationRating.question_id,
            Answer.rating,
            ModerationRating.rating,
            func.count(),
        )
        .join(Moderation, Moderation.id == ModerationRating.moderation_id)
        .join(Audit, Audit.id == Moderation.audit_id)
        .join(
            Answer,
            and_(
                Answer.audit_id == Moderation.audit_id,
                Answer.question_id == ModerationRating.question_id,
                same_block,
            ),
        )
        .where(*conditions)
        .group_by(
            Audit.template_version_id,
            ModerationRating.question_id,
            Answer.rating,
            ModerationRating.rating,
        )
    ).all()


@dataclass
class _Tallies:
    """Rating pairs as points: pooled, and by (template id, question or section id), with
    each key's title."""

    pooled: Table = field(default_factory=Counter)
    by_question: defaultdict[tuple[str, str], Table] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    by_section: defaultdict[tuple[str, str], Table] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    titles: dict[tuple[str, str], str] = field(default_factory=dict)

    def lines(self, tables: dict[tuple[str, str], Table]) -> tuple[AgreementLine, ...]:
        return tuple(
            AgreementLine(
                template_id, key, self.titles[(template_id, key)], agreement_from_table(t)
            )
            for (template_id, key), t in sorted(tables.items())
        )


def _tally_pairs(session: Session, pair_rows: Sequence[PairRow]) -> _Tallies:
    """Each comparable pair in points, by its question and its top-level section. The
    scale (and so the points) depends on the template version the audit was made with."""
    tallies = _Tallies()
    versions = {v.id: v for v in session.scalars(select(TemplateVersion))}
    for version_id, question_id, first, second, count in pair_rows:
        version = versions[version_id]
        index = index_for(version)
        question = index.questions.get(question_id)
        if question is None or question.scale is None or not first or not second:
            continue
        scale = index.template.scale(question.scale)
        first_option, second_option = scale.option(first), scale.option(second)
        if (
            first_option is None
            or second_option is None
            or first_option.points is None
            or second_option.points is None
        ):
            continue  # N/A or recorded-only on either side: not a comparable pair
        cell = (first_option.points, second_option.points)
        section = index.top_section(index.question_section[question_id].id)
        question_key = (version.template_id, question_id)
        section_key = (version.template_id, section.id)
        tallies.pooled[cell] += count
        tallies.by_question[question_key][cell] += count
        tallies.by_section[section_key][cell] += count
        tallies.titles[question_key] = question.prompt
        tallies.titles[section_key] = section.title
    return tallies
