"""Two versions of a record side by side, in the words of the audit: sections, questions
and rating labels rather than ids and codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.bundle_documents import (
    AnswerDocument,
    AuditDocument,
    AuditHeader,
    TravellingDocument,
)
from auditdesk.domain.bundle_types import StrictModel
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
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
    year_group_label,
)
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.services.bundles._conflict_results import ComparisonLine
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import Auditor, Setting, TemplateVersion

_NOTHING = "—"
_CODED: dict[str, Callable[[str], str]] = {
    "status": lambda v: _label_of(AuditStatus, ActionStatus, v),
    "suggested_grade": lambda v: Grade(v).label,
    "override_grade": lambda v: Grade(v).label,
    "agreed_grade": lambda v: Grade(v).label,
    "second_overall_grade": lambda v: Grade(v).label,
    "plan_stage": lambda v: PlanStage(v).label,
    "stage": lambda v: PlanStage(v).label,
    "phase": lambda v: _label_of(Phase, SettingPhase, v),
    "primary_need": lambda v: PrimaryNeed(v).label,
    "setting_type": lambda v: SettingType(v).label,
    "agency": lambda v: Agency(v).label,
    "owner_agency": lambda v: Agency(v).label,
    "role": lambda v: Role(v).label,
    "year_group": lambda v: year_group_label(int(v)),
}
_HIDDEN = {"kind", "uuid", "format", "template_sha256", "ratings", "grades"}


def _label_of(first: Any, second: Any, value: str) -> str:
    for enum in (first, second):
        try:
            return str(enum(value).label)
        except ValueError:
            continue
    return value


def show(field: str, value: Any) -> str:
    if value is None or value == "":
        return _NOTHING
    if field in _CODED:
        try:
            return _CODED[field](value)
        except (ValueError, KeyError):
            return str(value)
    return str(value)


def field_label(field: str) -> str:
    return field.removesuffix("_uuid").replace("_", " ").capitalize()


def compare(
    session: Session, mine: TravellingDocument, theirs: TravellingDocument
) -> list[ComparisonLine]:
    """Every field of both versions, in reading order (differences flagged by the line)."""
    if not isinstance(mine, AuditDocument) or not isinstance(theirs, AuditDocument):
        return _fields("Details", mine, theirs, session)
    lines = _fields("Audit", mine.audit, theirs.audit, session)
    names = _auditor_names(session, mine, theirs)
    lines.append(ComparisonLine("Audit", "Team", _team(mine, names), _team(theirs, names)))
    index = _index(session, mine.audit)
    mine_blocks = {block.uuid: block for block in mine.blocks}
    theirs_blocks = {block.uuid: block for block in theirs.blocks}
    for uuid in sorted(mine_blocks.keys() | theirs_blocks.keys()):
        either = mine_blocks.get(uuid) or theirs_blocks[uuid]
        section = index.sections.get(either.section_id) if index else None
        where = section.title if section else either.section_id
        lines.append(
            ComparisonLine(
                where,
                "Part of the audit",
                mine_blocks[uuid].label if uuid in mine_blocks else "(not in this version)",
                theirs_blocks[uuid].label if uuid in theirs_blocks else "(not in this version)",
            )
        )
    mine_answers = {(a.question_id, a.block_uuid): a for a in mine.answers}
    theirs_answers = {(a.question_id, a.block_uuid): a for a in theirs.answers}
    blocks = {**theirs_blocks, **mine_blocks}
    for key in _reading_order(index, mine_answers.keys() | theirs_answers.keys()):
        question_id, block_uuid = key
        question = index.questions.get(question_id) if index else None
        section = index.question_section.get(question_id) if index else None
        where = section.title if section else question_id
        if block_uuid and block_uuid in blocks:
            where += f" › {blocks[block_uuid].label}"
        lines.append(
            ComparisonLine(
                where,
                question.prompt if question else question_id,
                _answer(index, mine_answers.get(key)),
                _answer(index, theirs_answers.get(key)),
            )
        )
    return lines


def _fields(
    section: str, mine: StrictModel, theirs: StrictModel, session: Session
) -> list[ComparisonLine]:
    """Each field of two versions of a record (or an audit's header), in its model's
    order; a field the other version's model lacks reads as nothing."""
    settings = _setting_names(session, mine, theirs)
    lines = []
    for field in type(mine).model_fields:
        if field in _HIDDEN:
            continue
        left, right = getattr(mine, field), getattr(theirs, field, None)
        if field.endswith("setting_uuid"):
            left, right = settings.get(left or "", left), settings.get(right or "", right)
        lines.append(
            ComparisonLine(section, field_label(field), show(field, left), show(field, right))
        )
    return lines


def _answer(index: TemplateIndex | None, answer: AnswerDocument | None) -> str:
    if answer is None:
        return "(not answered)"
    parts = []
    if answer.rating is not None:
        parts.append(_rating_label(index, answer.question_id, answer.rating))
    if answer.comment:
        parts.append(answer.comment)
    if answer.evidence:
        parts.append(f"Evidence: {answer.evidence}")
    return " — ".join(parts) or "(empty)"


def _rating_label(index: TemplateIndex | None, question_id: str, rating: str) -> str:
    if rating == NOT_APPLICABLE:
        return "N/A"
    question = index.questions.get(question_id) if index else None
    scale = index.scale_for(question) if index and question else None
    option = scale.option(rating) if scale else None
    return option.label if option else rating


def _reading_order(
    index: TemplateIndex | None, keys: set[tuple[str, str | None]]
) -> list[tuple[str, str | None]]:
    order = {question_id: n for n, question_id in enumerate(index.questions)} if index else {}
    return sorted(keys, key=lambda key: (order.get(key[0], len(order)), key[1] or "", key[0]))


def _index(session: Session, head: AuditHeader) -> TemplateIndex | None:
    version = session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.template_id == head.template_id,
            TemplateVersion.version == head.template_version,
        )
    )
    return index_for(version) if version else None


def _auditor_names(session: Session, *documents: AuditDocument) -> dict[str, str]:
    uuids = {member.auditor_uuid for document in documents for member in document.team}
    return dict(
        session.execute(select(Auditor.uuid, Auditor.name).where(Auditor.uuid.in_(uuids))).all()
    )


def _team(document: AuditDocument, names: dict[str, str]) -> str:
    members = sorted(document.team, key=lambda m: m.position)
    return ", ".join(
        f"{names.get(m.auditor_uuid, 'someone not here')} ({show('agency', m.agency)})"
        for m in members
    )


def _setting_names(session: Session, *documents: StrictModel) -> dict[str, str]:
    uuids = {
        value
        for document in documents
        for field in type(document).model_fields
        if field.endswith("setting_uuid") and (value := getattr(document, field))
    }
    if not uuids:
        return {}
    return dict(
        session.execute(select(Setting.uuid, Setting.name).where(Setting.uuid.in_(uuids))).all()
    )
