"""Shared steps inside audit units of work: load an audit whole, regrade it, rehash it and
write the trail. Internal to the services package.

Saving one answer takes a shorter way (``_answer_saving``): it reads the audit's other
answers as plain values and checks, grades and hashes only what the answer changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus, PlanStage
from auditdesk.errors import NotAllowed, NotFound
from auditdesk.services.audits._content import (
    StoredAnswer,
    StoredContent,
    content_of,
    remember,
)
from auditdesk.services.audits._section_grades import store_section_grades
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AnswerRecord, GradeUpdate
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import (
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    Auditor,
    ChangeTrail,
    Child,
    Moderation,
    Plan,
    Setting,
    TemplateVersion,
)

if TYPE_CHECKING:
    from auditdesk.domain.grading import GradingResult
    from auditdesk.domain.template_index import Block, TemplateIndex
    from auditdesk.domain.template_model import AnswerContext

# The template model and the audit's document format (pydantic) are imported by the first
# audit loaded, not with this module: the audits' face loads it for the window's first
# page, which reads the list and needs neither.

AnswerKey = tuple[str, str | None]


@dataclass
class LoadedAudit:
    """An audit with everything grading and hashing need, loaded in a few queries.

    Its answers are loaded with it (:func:`load_audit`) or, for saving one answer, only if
    something asks for them (:func:`load_outline`)."""

    audit: Audit
    version: TemplateVersion
    index: TemplateIndex
    block_rows: dict[str, AuditBlock]  # by uuid
    blocks: list[Block]
    _answer_rows: dict[AnswerKey, Answer] | None = field(default=None, repr=False)
    _session: Session | None = field(default=None, repr=False)

    @property
    def answer_rows(self) -> dict[AnswerKey, Answer]:
        if self._answer_rows is None:
            assert self._session is not None
            self._answer_rows = _answer_rows(self._session, self.audit.id, self.block_rows)
        return self._answer_rows

    @property
    def context(self) -> AnswerContext:
        return context_of(self.audit)

    def block_uuid(self, block_id: int | None) -> str | None:
        if block_id is None:
            return None
        for row in self.block_rows.values():
            if row.id == block_id:
                return row.uuid
        return None

    def answers(self) -> dict[AnswerKey, AnswerRecord]:
        return {key: answer_record(row, key[1]) for key, row in self.answer_rows.items()}

    def ratings(self) -> dict[AnswerKey, str]:
        return {key: row.rating for key, row in self.answer_rows.items() if row.rating}


def get_audit(session: Session, audit_uuid: str) -> Audit:
    found = session.scalar(select(Audit).where(Audit.uuid == audit_uuid))
    if found is None:
        raise NotFound("That audit is not in this database (it may have been removed).")
    return found


def load_audit(session: Session, audit_uuid: str) -> LoadedAudit:
    """The audit with its answers, loaded now (what callers read is the audit as it is
    at this point of the unit of work)."""
    loaded = load_outline(session, audit_uuid)
    loaded._answer_rows = _answer_rows(session, loaded.audit.id, loaded.block_rows)
    return loaded


def load_outline(session: Session, audit_uuid: str) -> LoadedAudit:
    """The audit, its template and blocks; its answers only when first asked for."""
    from auditdesk.domain.template_index import Block  # noqa: PLC0415

    audit = get_audit(session, audit_uuid)
    version = session.get_one(TemplateVersion, audit.template_version_id)
    block_rows = {
        row.uuid: row
        for row in session.scalars(select(AuditBlock).where(AuditBlock.audit_id == audit.id))
    }
    uuid_by_id = {row.id: row.uuid for row in block_rows.values()}
    blocks = [
        Block(
            id=row.uuid,
            section_id=row.section_id,
            parent_id=uuid_by_id.get(row.parent_id) if row.parent_id else None,
            label=row.label,
            position=row.position,
            year_group=row.year_group,
        )
        for row in block_rows.values()
    ]
    return LoadedAudit(audit, version, index_for(version), block_rows, blocks, None, session)


def _answer_rows(
    session: Session, audit_id: int, block_rows: dict[str, AuditBlock]
) -> dict[AnswerKey, Answer]:
    uuid_by_id = {row.id: row.uuid for row in block_rows.values()}
    return {
        (row.question_id, uuid_by_id.get(row.block_id) if row.block_id else None): row
        for row in session.scalars(select(Answer).where(answers_of(audit_id)))
    }


def answers_of(audit_id: int) -> ColumnElement[bool]:
    """Which rows are one audit's answers: read through the index that leads with the
    audit (schema 0004). Before it, this had to be asked as "given once, or given in a
    block" to reach the two unique indexes; plain ``audit_id = ?`` read every answer in
    the database, a third of a second at 50,000 audits."""
    return Answer.audit_id == audit_id


def grade_of(loaded: LoadedAudit) -> GradingResult:
    from auditdesk.domain.grading import grade_audit  # noqa: PLC0415

    return grade_audit(loaded.index, loaded.blocks, loaded.context, loaded.ratings())


def context_of(audit: Audit) -> AnswerContext:
    from auditdesk.domain.template_model import AnswerContext  # noqa: PLC0415

    stage = PlanStage(audit.plan_stage) if audit.plan_stage else None
    return AnswerContext(audit.year_group, stage)


def require_editable(audit: Audit) -> None:
    if audit.status != AuditStatus.DRAFT.value:
        status = AuditStatus(audit.status).label.lower()
        raise NotAllowed(
            f"Audit {audit.reference} is {status}, so its answers are locked. "
            "Reopen it (with a reason) to change them."
        )


def after_edit(session: Session, ctx: ServiceContext, loaded: LoadedAudit) -> GradeUpdate:
    """Regrade, rehash and stamp an audit after any change to its content."""
    from auditdesk.domain.audit_document import audit_content_hash  # noqa: PLC0415

    audit = loaded.audit
    grading = grade_of(loaded)
    audit.suggested_grade = grading.overall.value if grading.overall else None
    audit.final_grade = effective_final_grade(session, audit)
    stored = stored_content(session, loaded, orm_answers(loaded))
    document = stored.document()
    audit.content_hash = audit_content_hash(document)
    # Kept: the next answer saved starts from here (_answer_saving).
    remember(content_of(audit.content_hash, stored, document, grading))
    # Bundles: editing a revision that was sent (sealed) starts the next revision.
    revisions.follow_edit(session, audit)
    audit.updated_at = ctx.now()
    refresh_search_text(session, loaded)
    store_section_grades(session, audit.id, grading)
    session.flush()
    return GradeUpdate(
        audit.uuid,
        grading,
        Grade(audit.suggested_grade) if audit.suggested_grade else None,
        Grade(audit.final_grade) if audit.final_grade else None,
    )


def refresh_search_text(session: Session, loaded: LoadedAudit) -> None:
    """What the list's text search matches: the audit and child references, the setting,
    the auditors and any sampled children."""
    audit = loaded.audit
    words = [audit.reference]
    if audit.child_id:
        words.append(
            session.scalar(select(Child.reference).where(Child.id == audit.child_id)) or ""
        )
    if audit.setting_id:
        setting = session.get(Setting, audit.setting_id)
        if setting is not None:
            words += [setting.name, setting.urn or ""]
    words += session.scalars(
        select(Auditor.name)
        .join(AuditAuditor, AuditAuditor.auditor_id == Auditor.id)
        .where(AuditAuditor.audit_id == audit.id)
    ).all()
    sampled = [row.child_id for row in loaded.block_rows.values() if row.child_id]
    if sampled:
        words += session.scalars(select(Child.reference).where(Child.id.in_(sampled))).all()
    audit.search_text = " ".join(word for word in words if word).lower()


def effective_final_grade(session: Session, audit: Audit) -> str | None:
    """Agreed moderation grade (once moderated), else the override, else the suggestion."""
    if audit.status in (AuditStatus.MODERATED.value, AuditStatus.SIGNED_OFF.value):
        agreed = session.scalar(
            select(Moderation.agreed_grade)
            .where(Moderation.audit_id == audit.id, Moderation.status == "agreed")
            .order_by(Moderation.agreed_at.desc())
            .limit(1)
        )
        if agreed:
            return agreed
    return audit.override_grade or audit.suggested_grade


def audit_header(
    audit: Audit,
    *,
    template: tuple[str, int, str],  # id, version, sha256
    child_reference: str | None,
    setting_uuid: str | None,
    issue_date: date | None,
) -> dict[str, Any]:
    """The audit's own fields as its canonical document holds them (shared with bundles,
    which load many audits at once)."""
    template_id, version, sha256 = template
    return {
        "uuid": audit.uuid,
        "reference": audit.reference,
        "template_id": template_id,
        "template_version": version,
        "template_sha256": sha256,
        "subject_kind": audit.subject_kind,
        "child_reference": child_reference,
        "setting_uuid": setting_uuid,
        "plan_stage": audit.plan_stage,
        "plan_issue_date": issue_date.isoformat() if issue_date else None,
        "year_group": audit.year_group,
        "phase": audit.phase,
        "primary_need": audit.primary_need,
        "locality": audit.locality,
        "setting_type": audit.setting_type,
        "audit_date": audit.audit_date.isoformat(),
        "status": audit.status,
        "suggested_grade": audit.suggested_grade,
        "override_grade": audit.override_grade,
        "override_reason": audit.override_reason,
    }


def document_for(session: Session, loaded: LoadedAudit) -> dict[str, Any]:
    """The audit's canonical document (see :mod:`auditdesk.domain.audit_document`)."""
    return stored_content(session, loaded, orm_answers(loaded)).document()


def orm_answers(loaded: LoadedAudit) -> dict[AnswerKey, StoredAnswer]:
    return {key: (row.rating, row.comment, row.evidence) for key, row in loaded.answer_rows.items()}


def stored_answers(session: Session, loaded: LoadedAudit) -> dict[AnswerKey, StoredAnswer]:
    """The audit's answers as stored now (pending changes flushed first), read as plain
    values: a tenth of the time of loading them as rows to change."""
    uuid_by_id = {row.id: row.uuid for row in loaded.block_rows.values()}
    rows = session.execute(
        select(
            Answer.question_id, Answer.block_id, Answer.rating, Answer.comment, Answer.evidence
        ).where(answers_of(loaded.audit.id))
    )
    return {
        (question_id, uuid_by_id.get(block_id) if block_id else None): (rating, comment, evidence)
        for question_id, block_id, rating, comment, evidence in rows
    }


def stored_content(
    session: Session, loaded: LoadedAudit, answers: dict[AnswerKey, StoredAnswer]
) -> StoredContent:
    """The audit's content as its rows hold it: what its document is made of."""
    audit = loaded.audit
    child_reference = (
        session.scalar(select(Child.reference).where(Child.id == audit.child_id))
        if audit.child_id
        else None
    )
    setting_uuid = (
        session.scalar(select(Setting.uuid).where(Setting.id == audit.setting_id))
        if audit.setting_id
        else None
    )
    issue_date = (
        session.scalar(select(Plan.issue_date).where(Plan.id == audit.plan_id))
        if audit.plan_id
        else None
    )
    header = audit_header(
        audit,
        template=(loaded.version.template_id, loaded.version.version, loaded.version.sha256),
        child_reference=child_reference,
        setting_uuid=setting_uuid,
        issue_date=issue_date,
    )
    team_rows = session.execute(
        select(Auditor.uuid, AuditAuditor.agency, AuditAuditor.position)
        .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
        .where(AuditAuditor.audit_id == audit.id)
    ).all()
    team = [{"auditor_uuid": u, "agency": a, "position": p} for u, a, p in team_rows]
    child_refs = dict(
        session.execute(
            select(Child.id, Child.reference).where(
                Child.id.in_([r.child_id for r in loaded.block_rows.values() if r.child_id])
            )
        ).all()
    )
    uuid_by_id = {row.id: row.uuid for row in loaded.block_rows.values()}
    blocks = [
        {
            "uuid": row.uuid,
            "section_id": row.section_id,
            "parent_uuid": uuid_by_id.get(row.parent_id) if row.parent_id else None,
            "label": row.label,
            "position": row.position,
            "child_reference": child_refs.get(row.child_id) if row.child_id else None,
            "year_group": row.year_group,
        }
        for row in loaded.block_rows.values()
    ]
    return StoredContent.of(header, team, blocks, answers)


def add_trail(
    session: Session,
    ctx: ServiceContext,
    *,
    audit_uuid: str | None,
    record_type: str,
    record_uuid: str,
    field: str,
    old: object = None,
    new: object = None,
    reason: str | None = None,
) -> None:
    session.add(
        ChangeTrail(
            at=ctx.now(),
            actor=ctx.actor.name,
            device=ctx.device,
            audit_uuid=audit_uuid,
            record_type=record_type,
            record_uuid=record_uuid,
            field=field,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
            reason=reason,
        )
    )


def answer_record(row: Answer, block_uuid: str | None) -> AnswerRecord:
    return AnswerRecord(
        question_id=row.question_id,
        block_id=block_uuid,
        rating=row.rating,
        comment=row.comment,
        evidence=row.evidence,
        board_highlight=row.board_highlight,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def change_field(
    session: Session,
    ctx: ServiceContext,
    row: object,
    field: str,
    value: object,
    *,
    audit_uuid: str,
    record_type: str,
    record_uuid: str,
    trail_field: str,
) -> bool:
    """Set ``row.field`` to ``value`` and write the change trail entry, unless it already
    holds that value; whether it changed. One way for every edit, so a change is never
    made without its trail."""
    old = getattr(row, field)
    if old == value:
        return False
    setattr(row, field, value)
    add_trail(
        session,
        ctx,
        audit_uuid=audit_uuid,
        record_type=record_type,
        record_uuid=record_uuid,
        field=trail_field,
        old=old,
        new=value,
    )
    return True
