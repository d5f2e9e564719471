"""Writing incoming audits: new ones in bulk (Core executemany, parents before children),
updates one by one, keeping block identities so moderation ratings and actions that point
at a block stay attached."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update

from auditdesk.domain.bundle_documents import AuditDocument
from auditdesk.domain.grading import grade_audit
from auditdesk.domain.periods import term_key
from auditdesk.domain.reference import AuditStatus
from auditdesk.domain.template_index import Block
from auditdesk.domain.template_model import AnswerContext
from auditdesk.services.audits._section_grades import section_grade_rows
from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.bundles._decisions import Decision
from auditdesk.services.bundles._state import (
    Importing,
    bulk_insert,
    next_revision,
    optional_time,
    travelling,
)
from auditdesk.store.models import (
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    AuditSectionGrade,
)

#: A comment here and its Board mark, by (question, block uuid): (mark or None, comment).
Marks = dict[tuple[str, str | None], tuple[str | None, str]]


def new_audits(state: Importing, decisions: Sequence[Decision]) -> None:
    """Insert every new audit with its team, blocks, answers and section grades."""
    audits: list[dict[str, Any]] = []
    team: list[dict[str, Any]] = []
    blocks: list[tuple[int, dict[str, Any]]] = []
    answers: list[dict[str, Any]] = []
    grades: list[dict[str, Any]] = []
    for decision in decisions:
        record = decision.record
        document = record.audit
        audit_id = state.allocate(Audit)
        state.ids[record.uuid] = audit_id
        state.touched_audits.add(audit_id)
        revision = next_revision(record.revision, None, decision.history)
        state.revision_here[record.uuid] = revision
        audits.append(
            {"id": audit_id, **audit_values(state, record), **travelling(record, revision)}
        )
        team += team_rows(state, audit_id, document)
        for block in document.blocks:
            state.block_ids[block.uuid] = state.allocate(AuditBlock)
        blocks += block_rows(state, audit_id, document)
        answers += answer_rows(state, audit_id, record)
        grades += section_grade_rows(audit_id, grading_of(state, document))
    for model, rows in (
        (Audit, audits),
        (AuditAuditor, team),
        (AuditBlock, [row for _, row in sorted(blocks, key=lambda item: item[0])]),
        (Answer, answers),
        (AuditSectionGrade, grades),
    ):
        bulk_insert(state.session, model, rows)


def update_audit(state: Importing, decision: Decision) -> None:
    """Replace the audit's content with the incoming revision, in place."""
    record, local = decision.record, decision.local
    assert local is not None
    session, audit_id, document = state.session, local.id, record.audit
    state.ids[record.uuid] = audit_id
    state.touched_audits.add(audit_id)
    old_status = session.scalars(select(Audit.status).where(Audit.id == audit_id)).one()
    values = audit_values(state, record)
    revision = next_revision(record.revision, local.revision, decision.history)
    state.revision_here[local.uuid] = revision
    session.execute(
        update(Audit)
        .where(Audit.id == audit_id)
        .values(**values, **travelling(record, revision))
        .execution_options(synchronize_session=False)
    )
    if values["status"] != old_status:
        state.trail(
            record.uuid,
            record_type="audit",
            record_uuid=record.uuid,
            field="status",
            old=AuditStatus(old_status).label,
            new=f"{AuditStatus(values['status']).label} (revision {record.revision} from "
            f"{state.sender})",
        )
    marks_here: Marks = {
        (question_id, block_uuid): (mark, comment)
        for question_id, block_uuid, mark, comment in session.execute(
            select(Answer.question_id, AuditBlock.uuid, Answer.board_highlight, Answer.comment)
            .outerjoin(AuditBlock, AuditBlock.id == Answer.block_id)
            .where(Answer.audit_id == audit_id, Answer.comment != "")
        )
    }
    session.execute(delete(AuditAuditor).where(AuditAuditor.audit_id == audit_id))
    session.execute(delete(Answer).where(Answer.audit_id == audit_id))
    session.execute(delete(AuditSectionGrade).where(AuditSectionGrade.audit_id == audit_id))
    _replace_blocks(state, audit_id, document)
    for model, new_rows in (
        (AuditAuditor, team_rows(state, audit_id, document)),
        (Answer, answer_rows(state, audit_id, record, marks_here)),
        (AuditSectionGrade, section_grade_rows(audit_id, grading_of(state, document))),
    ):
        bulk_insert(session, model, new_rows)


def _replace_blocks(state: Importing, audit_id: int, document: AuditDocument) -> None:
    """The audit's blocks as the incoming revision has them: those it keeps keep their
    ids (so ratings and actions on them stay attached), the others go or are added."""
    session = state.session
    existing = dict(
        session.execute(
            select(AuditBlock.uuid, AuditBlock.id).where(AuditBlock.audit_id == audit_id)
        ).all()
    )
    incoming = {block.uuid for block in document.blocks}
    for block in document.blocks:
        state.block_ids[block.uuid] = existing.get(block.uuid) or state.allocate(AuditBlock)
    gone = [block_id for uuid, block_id in existing.items() if uuid not in incoming]
    rows = block_rows(state, audit_id, document)
    kept = [row for _, row in rows if row["uuid"] in existing]
    added = [
        row for _, row in sorted(rows, key=lambda item: item[0]) if row["uuid"] not in existing
    ]
    if kept:
        # Detach first, so removing a block can never cascade into one that stays.
        session.execute(
            update(AuditBlock).where(AuditBlock.audit_id == audit_id).values(parent_id=None)
        )
    if gone:
        # Nested blocks, their answers and any moderation ratings on them go by cascade;
        # actions on them keep their finding with no block (ON DELETE SET NULL).
        session.execute(delete(AuditBlock).where(AuditBlock.id.in_(gone)))
    bulk_insert(session, AuditBlock, added)
    for row in kept:
        session.execute(update(AuditBlock).where(AuditBlock.id == row["id"]).values(**row))


def audit_values(state: Importing, record: IncomingRecord) -> dict[str, Any]:
    document = record.audit
    head = document.audit
    bookkeeping = record.audit_extras.bookkeeping
    lead = min(document.team, key=lambda m: (m.position, m.auditor_uuid))
    day = date.fromisoformat(head.audit_date)
    template_key = (head.template_id, head.template_version)
    return {
        "reference": head.reference,
        "template_version_id": state.template_rows[template_key],
        "template_id": head.template_id,
        "subject_kind": head.subject_kind,
        "plan_id": state.ids.get(bookkeeping.plan_uuid or ""),
        "child_id": state.child_by_reference.get(head.child_reference or ""),
        "setting_id": state.ids.get(head.setting_uuid or ""),
        "year_group": head.year_group,
        "phase": head.phase,
        "primary_need": head.primary_need,
        "locality": head.locality,
        "setting_type": head.setting_type,
        "plan_stage": head.plan_stage,
        "audit_date": day,
        "term_key": term_key(day),
        "status": bookkeeping.status,
        "suggested_grade": head.suggested_grade,
        "override_grade": head.override_grade,
        # Settled once moderations are in (see apply.settle_audits).
        "final_grade": head.override_grade or head.suggested_grade,
        "override_reason": head.override_reason,
        "override_by": bookkeeping.override_by,
        "lead_auditor_id": state.ids[lead.auditor_uuid],
        "lead_agency": lead.agency,
        "completed_at": optional_time(bookkeeping.completed_at),
        "signed_off_at": optional_time(bookkeeping.signed_off_at),
        "signed_off_by": bookkeeping.signed_off_by,
        "search_text": search_text(state, document),
    }


def search_text(state: Importing, document: AuditDocument) -> str:
    """The words the audit list searches (as ``audit_state.refresh_search_text``)."""
    head = document.audit
    words = [head.reference, head.child_reference or ""]
    setting = state.setting_names.get(head.setting_uuid or "")
    if setting is not None:
        words.append(setting)
        words.append(state.urns.get(head.setting_uuid or "", "") or "")
    words += [state.auditor_names.get(m.auditor_uuid, "") for m in document.team]
    words += [block.child_reference or "" for block in document.blocks]
    return " ".join(word for word in words if word).lower()


def team_rows(state: Importing, audit_id: int, document: AuditDocument) -> list[dict[str, Any]]:
    return [
        {
            "audit_id": audit_id,
            "auditor_id": state.ids[member.auditor_uuid],
            "agency": member.agency,
            "position": member.position,
        }
        for member in document.team
    ]


def block_rows(
    state: Importing, audit_id: int, document: AuditDocument
) -> list[tuple[int, dict[str, Any]]]:
    """(depth, row) for each block, so parents can be inserted before their children."""
    parents = {block.uuid: block.parent_uuid for block in document.blocks}
    rows = []
    for block in document.blocks:
        depth, parent = 0, block.parent_uuid
        while parent is not None:
            depth, parent = depth + 1, parents[parent]
        rows.append(
            (
                depth,
                {
                    "id": state.block_ids[block.uuid],
                    "uuid": block.uuid,
                    "audit_id": audit_id,
                    "section_id": block.section_id,
                    "parent_id": state.block_ids[block.parent_uuid] if block.parent_uuid else None,
                    "label": block.label,
                    "position": block.position,
                    "child_id": state.child_by_reference.get(block.child_reference or ""),
                    "year_group": block.year_group,
                },
            )
        )
    return rows


def answer_rows(
    state: Importing, audit_id: int, record: IncomingRecord, marks_here: Marks | None = None
) -> list[dict[str, Any]]:
    """The incoming answers as rows. ``marks_here`` are this database's comments and their
    Board marks: marking for the Board is the receiving quality lead's call, so while a
    comment is unchanged its mark here (or its lack of one) stays; a new or changed comment
    takes the sender's mark, if any."""
    marks_here = marks_here or {}
    stamps = {
        (stamp.question_id, stamp.block_uuid): stamp for stamp in record.audit_extras.answer_stamps
    }
    default_time, default_author = record.stamps.updated_at, record.stamps.author
    rows = []
    for answer in record.audit.answers:
        key = (answer.question_id, answer.block_uuid)
        stamp = stamps.get(key)
        mark: str | None = stamp.board_highlight if stamp else None
        if key in marks_here and marks_here[key][1] == answer.comment:
            mark = marks_here[key][0]
        rows.append(
            {
                "audit_id": audit_id,
                "question_id": answer.question_id,
                "block_id": state.block_ids[answer.block_uuid] if answer.block_uuid else None,
                "rating": answer.rating,
                "comment": answer.comment,
                "evidence": answer.evidence,
                "board_highlight": mark if answer.comment else None,
                "updated_at": optional_time(stamp.updated_at if stamp else default_time),
                "updated_by": stamp.updated_by if stamp else default_author,
            }
        )
    return rows


def grading_of(state: Importing, document: AuditDocument) -> Any:
    """The section grades, worked out here from the answers (never taken on trust)."""
    head = document.audit
    index = state.indexes[(head.template_id, head.template_version)]
    blocks = [
        Block(
            id=block.uuid,
            section_id=block.section_id,
            parent_id=block.parent_uuid,
            label=block.label,
            position=block.position,
            year_group=block.year_group,
        )
        for block in document.blocks
    ]
    context = AnswerContext(head.year_group, head.plan_stage)
    ratings = {
        (answer.question_id, answer.block_uuid): answer.rating
        for answer in document.answers
        if answer.rating
    }
    return grade_audit(index, blocks, context, ratings)
