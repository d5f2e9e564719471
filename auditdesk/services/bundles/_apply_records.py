"""Writing incoming auditors, settings, children, plans, moderation samples, actions and
moderations: new ones in bulk, updates in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select, update

from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SampleDocument,
    SettingDocument,
    TravellingDocument,
)
from auditdesk.domain.bundle_format import parse_date
from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.bundles._decisions import Decision
from auditdesk.services.bundles._documents import MODELS, chunks
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.bundles._state import (
    Importing,
    bulk_insert,
    next_revision,
    optional_time,
    travelling,
)
from auditdesk.store.models import Action, AuditBlock, Moderation, ModerationGrade, ModerationRating

REFERENCE_KINDS = ("auditor", "setting", "child", "plan", "moderation_sample")


def reference_values(state: Importing, document: TravellingDocument) -> dict[str, Any]:
    """The columns of an auditor, setting, child, plan or sample from its document."""
    if isinstance(document, AuditorDocument):
        return {"name": document.name, "agency": document.agency, "role": document.role}
    if isinstance(document, SettingDocument):
        return document.model_dump(include={"name", "urn", "setting_type", "phase", "locality"})
    if isinstance(document, ChildDocument):
        return {
            "year_group": document.year_group,
            "primary_need": document.primary_need,
            "locality": document.locality,
            "reference": document.reference,
            "setting_id": state.ids.get(document.setting_uuid or ""),
        }
    if isinstance(document, PlanDocument):
        return {
            "child_id": state.ids[document.child_uuid],
            "stage": document.stage,
            "issue_date": parse_date(document.issue_date),
            "setting_id": state.ids.get(document.setting_uuid or ""),
        }
    if isinstance(document, SampleDocument):
        return {
            "name": document.name,
            "percentage": document.percentage,
            "period_from": parse_date(document.period_from),
            "period_to": parse_date(document.period_to),
            "strata": document.strata,
            "seed": document.seed,
        }
    raise TypeError(f"a {type(document).__name__} is not a record audits refer to")


def apply_references(state: Importing, decisions: Sequence[Decision]) -> None:
    """Parents first (settings before children before plans), so every link resolves."""
    for kind in REFERENCE_KINDS:
        model = MODELS[kind]  # type: ignore[index]
        rows: list[dict[str, Any]] = []
        for decision in (d for d in decisions if d.record.kind == kind):
            record = decision.record
            if decision.status is ItemStatus.NEW:
                row_id = state.allocate(model)
                state.ids[record.uuid] = row_id
                revision = next_revision(record.revision, None, decision.history)
                state.revision_here[record.uuid] = revision
                values = reference_values(state, record.document)
                rows.append({"id": row_id, **values, **travelling(record, revision)})
            elif decision.status is ItemStatus.UPDATED:
                assert decision.local is not None
                write_reference(state, decision)
            if isinstance(record.document, ChildDocument):
                state.child_by_reference[record.document.reference] = state.ids[record.uuid]
        bulk_insert(state.session, model, rows)


def write_reference(state: Importing, decision: Decision) -> None:
    """Replace a reference record's content with the incoming revision, in place."""
    record, local = decision.record, decision.local
    assert local is not None
    model = MODELS[record.kind]
    revision = next_revision(record.revision, local.revision, decision.history)
    state.revision_here[local.uuid] = revision
    values = reference_values(state, record.document)
    values.update(travelling(record, revision), uuid=local.uuid)
    if record.kind == "child":
        values["reference"] = state.session.scalars(
            select(MODELS["child"].reference).where(MODELS["child"].id == local.id)
        ).one()
    state.session.execute(update(model).where(model.id == local.id).values(**values))


def find_blocks(state: Importing, decisions: Sequence[Decision]) -> None:
    """Local ids of the blocks actions and moderations point at."""
    wanted: set[str] = set()
    for decision in decisions:
        document = decision.record.document
        if isinstance(document, ActionDocument) and document.block_uuid:
            wanted.add(document.block_uuid)
        elif isinstance(document, ModerationDocument):
            wanted |= {r.block_uuid for r in document.ratings if r.block_uuid is not None}
    missing = sorted(wanted - set(state.block_ids))
    for chunk in chunks(missing):
        state.block_ids.update(
            state.session.execute(
                select(AuditBlock.uuid, AuditBlock.id).where(AuditBlock.uuid.in_(chunk))
            ).all()
        )


def action_values(state: Importing, document: ActionDocument) -> dict[str, Any]:
    return {
        "audit_id": state.ids[document.audit_uuid],
        "question_id": document.question_id,
        "block_id": state.block_ids[document.block_uuid] if document.block_uuid else None,
        "finding": document.finding,
        "action": document.action,
        "owner_agency": document.owner_agency,
        "owner": document.owner,
        "due_date": parse_date(document.due_date),
        "status": document.status,
        "re_audit_date": parse_date(document.re_audit_date),
        "completed_on": parse_date(document.completed_on),
    }


def apply_actions(state: Importing, decisions: Sequence[Decision]) -> None:
    rows: list[dict[str, Any]] = []
    for decision in decisions:
        record = decision.record
        if decision.status is ItemStatus.NEW:
            revision = next_revision(record.revision, None, decision.history)
            state.revision_here[record.uuid] = revision
            document = record.document_as(ActionDocument)
            rows.append({**action_values(state, document), **travelling(record, revision)})
        elif decision.status is ItemStatus.UPDATED:
            write_action(state, decision)
    bulk_insert(state.session, Action, rows)


def write_action(state: Importing, decision: Decision) -> None:
    record, local = decision.record, decision.local
    assert local is not None
    revision = next_revision(record.revision, local.revision, decision.history)
    state.revision_here[local.uuid] = revision
    values = action_values(state, record.document_as(ActionDocument))
    state.session.execute(
        update(Action).where(Action.id == local.id).values(**values, **travelling(record, revision))
    )


def moderation_values(state: Importing, record: IncomingRecord) -> dict[str, Any]:
    document = record.document_as(ModerationDocument)
    times = record.moderation_times
    return {
        "audit_id": state.ids[document.audit_uuid],
        "sample_id": state.ids.get(document.sample_uuid or ""),
        "audit_revision": document.audit_revision,
        "audit_hash": document.audit_hash,
        "second_marker_id": state.ids.get(document.second_marker_uuid or ""),
        "assigned_by": document.assigned_by,
        "status": document.status,
        "second_overall_grade": document.second_overall_grade,
        "agreed_grade": document.agreed_grade,
        "notes": document.notes,
        "submitted_at": optional_time(times.submitted_at),
        "agreed_at": optional_time(times.agreed_at),
    }


def moderation_parts(
    state: Importing, moderation_id: int, document: ModerationDocument
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ratings = [
        {
            "moderation_id": moderation_id,
            "question_id": rating.question_id,
            "block_id": state.block_ids[rating.block_uuid] if rating.block_uuid else None,
            "rating": rating.rating,
            "comment": rating.comment,
        }
        for rating in document.ratings
    ]
    grades = [
        {
            "moderation_id": moderation_id,
            "scope": grade.scope,
            "first_grade": grade.first,
            "second_grade": grade.second,
            "agreed_grade": grade.agreed,
        }
        for grade in document.grades
    ]
    return ratings, grades


def apply_moderations(state: Importing, decisions: Sequence[Decision]) -> None:
    rows: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    grades: list[dict[str, Any]] = []
    for decision in decisions:
        record = decision.record
        document = record.document_as(ModerationDocument)
        if decision.status is ItemStatus.NEW:
            moderation_id = state.allocate(Moderation)
            revision = next_revision(record.revision, None, decision.history)
            state.revision_here[record.uuid] = revision
            rows.append(
                {
                    "id": moderation_id,
                    **moderation_values(state, record),
                    **travelling(record, revision),
                }
            )
            parts = moderation_parts(state, moderation_id, document)
            ratings += parts[0]
            grades += parts[1]
        elif decision.status is ItemStatus.UPDATED:
            write_moderation(state, decision)
        else:
            continue
        note_agreed(state, document)
    bulk_insert(state.session, Moderation, rows)
    bulk_insert(state.session, ModerationRating, ratings)
    bulk_insert(state.session, ModerationGrade, grades)


def note_agreed(state: Importing, document: ModerationDocument) -> None:
    """An agreed moderation may move its audit on (see ``apply.settle_audits``)."""
    if document.status == "agreed":
        audit_id = state.ids[document.audit_uuid]
        state.agreed_moderations.setdefault(audit_id, set()).add(document.audit_hash)


def write_moderation(state: Importing, decision: Decision) -> None:
    record, local = decision.record, decision.local
    assert local is not None
    session = state.session
    revision = next_revision(record.revision, local.revision, decision.history)
    state.revision_here[local.uuid] = revision
    session.execute(
        update(Moderation)
        .where(Moderation.id == local.id)
        .values(**moderation_values(state, record), **travelling(record, revision))
    )
    session.execute(delete(ModerationRating).where(ModerationRating.moderation_id == local.id))
    session.execute(delete(ModerationGrade).where(ModerationGrade.moderation_id == local.id))
    ratings, grades = moderation_parts(state, local.id, record.document_as(ModerationDocument))
    bulk_insert(session, ModerationRating, ratings)
    bulk_insert(session, ModerationGrade, grades)
