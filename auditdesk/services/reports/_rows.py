"""Row-level lines for Board exports (one per audit, answer or action), streamed from SQL
in batches so a 50,000-audit workbook never holds three million answers in memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.domain.periods import term_label
from auditdesk.domain.reference import ActionStatus, Agency, AuditStatus, PlanStage
from auditdesk.domain.report_lines import ActionLine, AnswerLine, AuditLine, BoardRows
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._redaction import Redactor
from auditdesk.store.models import Action, Answer, Audit, AuditAuditor, AuditBlock, Auditor

BATCH = 5_000
OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)
HIGHLIGHT_LABELS = {"working_well": "Working well", "needs_improvement": "Needs to improve"}


def board_rows(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    today: date,
) -> BoardRows:
    """Lazily read lines; the session must stay open while they are read."""
    redactor = Redactor.load(session)
    in_scope = select(Audit.id).where(*conditions).scalar_subquery()

    def counted(table: type[Answer] | type[Action]) -> int:
        query = select(func.count()).select_from(table).where(table.audit_id.in_(in_scope))
        return session.scalar(query) or 0

    return BoardRows(
        audits=lambda: audit_lines(session, conditions, catalogue),
        answers=lambda: answer_lines(session, conditions, catalogue, redactor),
        actions=lambda: action_lines(session, conditions, today, redactor),
        audit_count=session.scalar(select(func.count(Audit.id)).where(*conditions)) or 0,
        answer_count=counted(Answer),
        action_count=counted(Action),
    )


def audit_lines(
    session: Session, conditions: Sequence[ColumnElement[bool]], catalogue: Catalogue
) -> Iterator[AuditLine]:
    teams: dict[int, list[str]] = defaultdict(list)
    for audit_id, name, agency in session.execute(
        select(AuditAuditor.audit_id, Auditor.name, AuditAuditor.agency)
        .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
        .join(Audit, Audit.id == AuditAuditor.audit_id)
        .where(*conditions)
        .order_by(AuditAuditor.audit_id, AuditAuditor.position)
    ):
        teams[audit_id].append(f"{name} ({_label(Agency, agency)})")
    rows = session.execute(
        select(
            Audit.id,
            Audit.reference,
            Audit.template_version_id,
            Audit.plan_stage,
            Audit.audit_date,
            Audit.term_key,
            Audit.status,
            Audit.completed_at,
            Audit.signed_off_at,
            Auditor.name,
            Audit.lead_agency,
            Audit.suggested_grade,
            Audit.final_grade,
            Audit.override_grade,
        )
        .join(Auditor, Auditor.id == Audit.lead_auditor_id)
        .where(*conditions)
        .order_by(Audit.audit_date, Audit.reference),
        execution_options={"yield_per": BATCH},
    )
    for row in rows:
        info = catalogue.versions[row.template_version_id]
        yield AuditLine(
            reference=row.reference,
            template_id=info.template_id,
            template_title=info.title,
            version=info.version,
            kind=info.kind.label,
            plan_stage=_label(PlanStage, row.plan_stage) if row.plan_stage else "",
            audit_date=row.audit_date,
            term=term_label(row.term_key),
            status=_label(AuditStatus, row.status),
            completed_on=_local_date(row.completed_at),
            signed_off_on=_local_date(row.signed_off_at),
            lead_auditor=row.name,
            lead_agency=_label(Agency, row.lead_agency),
            team="; ".join(teams.get(row.id, ())),
            suggested_grade=_grade(row.suggested_grade),
            final_grade=_grade(row.final_grade),
            grade_overridden=row.override_grade is not None,
        )


def answer_lines(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    redactor: Redactor,
) -> Iterator[AnswerLine]:
    """Answers audit by audit, each audit's in the template's reading order."""
    blocks = _block_paths(session, conditions, catalogue)
    rows = session.execute(
        select(
            Audit.id,
            Audit.reference,
            Audit.template_version_id,
            Answer.question_id,
            Answer.block_id,
            Answer.rating,
            Answer.comment,
            Answer.evidence,
            Answer.board_highlight,
        )
        .join(Answer, Answer.audit_id == Audit.id)
        .where(*conditions)
        .order_by(Audit.audit_date, Audit.reference),
        execution_options={"yield_per": BATCH},
    )
    # What a (version, question, rating) means is looked up once, not once per answer:
    # a 50,000-audit workbook has three million answers and a few thousand such triples.
    meanings: dict[tuple[int, str, str | None], _Meaning] = {}
    current: int | None = None
    held: list[tuple[tuple[int, tuple[int, ...], int], AnswerLine]] = []
    for (
        audit_id,
        reference,
        version_id,
        question_id,
        block_id,
        code,
        comment,
        evidence,
        mark,
    ) in rows:
        if audit_id != current:
            yield from _in_order(held)
            held, current = [], audit_id
        meaning = meanings.get((version_id, question_id, code))
        if meaning is None:
            meaning = _meaning(catalogue, version_id, question_id, code)
            meanings[(version_id, question_id, code)] = meaning
        path, positions = blocks.get(block_id, _NO_BLOCK) if block_id else _NO_BLOCK
        line = AnswerLine(
            reference,
            meaning.template_title,
            meaning.version,
            meaning.section_title,
            meaning.prompt,
            path,
            meaning.rating,
            meaning.points,
            redactor.clean(comment),
            redactor.clean(evidence),
            HIGHLIGHT_LABELS.get(mark) if mark else None,
            meaning.template_id,
            meaning.section_id,
            question_id,
        )
        held.append(((meaning.order[0], positions, meaning.order[1]), line))
    yield from _in_order(held)


@dataclass(frozen=True)
class _Meaning:
    """What one (version, question, rating) reads as: looked up once, shared by its rows."""

    template_id: str
    template_title: str
    version: int
    section_id: str  # the top-level section
    section_title: str
    prompt: str
    order: tuple[int, int]
    rating: str | None
    points: int | None


_NO_BLOCK: tuple[str | None, tuple[int, ...]] = (None, ())


def _meaning(catalogue: Catalogue, version_id: int, question_id: str, code: str | None) -> _Meaning:
    info = catalogue.versions[version_id]
    section = info.index.question_section.get(question_id)
    top = info.index.top_section(section.id) if section else None
    question = info.index.questions.get(question_id)
    rating = catalogue.option(version_id, question_id, code)
    return _Meaning(
        info.template_id,
        info.title,
        info.version,
        top.id if top else "",
        # A question the version does not know (never expected) still reads as words.
        top.title if top else "Not in this template version",
        question.prompt if question else "A question not in this template version",
        catalogue.question_order(version_id).get(question_id, (9_999, 9_999)),
        rating.label,
        rating.points,
    )


def action_lines(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    today: date,
    redactor: Redactor,
) -> Iterator[ActionLine]:
    rows = session.execute(
        select(
            Audit.reference,
            Action.finding,
            Action.action,
            Action.owner_agency,
            Action.owner,
            Action.due_date,
            Action.status,
            Action.re_audit_date,
            Action.completed_on,
        )
        .join(Audit, Audit.id == Action.audit_id)
        .where(*conditions)
        .order_by(Action.due_date, Audit.reference, Action.id),
        execution_options={"yield_per": BATCH},
    )
    for row in rows:
        yield ActionLine(
            audit_reference=row.reference,
            finding=redactor.clean(row.finding),
            action=redactor.clean(row.action),
            owner_agency=_label(Agency, row.owner_agency),
            owner=row.owner,
            due_date=row.due_date,
            status=_label(ActionStatus, row.status),
            overdue=row.status in OPEN_STATUSES and row.due_date < today,
            re_audit_date=row.re_audit_date,
            completed_on=row.completed_on,
        )


# -- helpers -----------------------------------------------------------------------------
def _block_paths(
    session: Session, conditions: Sequence[ColumnElement[bool]], catalogue: Catalogue
) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Each block named by position ("Child 2 › Provision line 1"): a sampled child's
    block is labelled with the child's reference, which must not reach a Board export."""
    found = {
        block_id: (parent_id, section_id, position, version_id)
        for block_id, parent_id, section_id, position, version_id in session.execute(
            select(
                AuditBlock.id,
                AuditBlock.parent_id,
                AuditBlock.section_id,
                AuditBlock.position,
                Audit.template_version_id,
            )
            .join(Audit, Audit.id == AuditBlock.audit_id)
            .where(*conditions)
        )
    }
    paths: dict[int, tuple[str, tuple[int, ...]]] = {}

    def path(block_id: int) -> tuple[str, tuple[int, ...]]:
        if block_id in paths:
            return paths[block_id]
        parent_id, section_id, position, version_id = found[block_id]
        section = catalogue.versions[version_id].index.sections.get(section_id)
        noun = section.repeat.label if section is not None and section.repeat else section_id
        name = f"{noun} {position}"
        positions: tuple[int, ...] = (position,)
        if parent_id is not None and parent_id in found:
            outer, outer_positions = path(parent_id)
            name, positions = f"{outer} › {name}", outer_positions + positions
        paths[block_id] = (name, tuple(positions))
        return paths[block_id]

    for block_id in found:
        path(block_id)
    return paths


def _in_order(
    held: list[tuple[tuple[int, tuple[int, ...], int], AnswerLine]],
) -> Iterator[AnswerLine]:
    held.sort(key=lambda item: item[0])
    for _key, line in held:
        yield line


def _label(kind: type, code: str) -> str:
    try:
        return str(kind(code).label)
    except ValueError:
        return code


def _grade(code: str | None) -> str:
    return Grade(code).label if code else ""


def _local_date(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment else None
