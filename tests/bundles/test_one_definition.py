"""Each travelling document has one definition (the bundle format's models), and the
builders that now take their fields from it and check against it build, byte for byte, the
documents the old hand-written builders built: every content hash already stored in a
database still matches. Checked on demo data and on records the services make, for every
kind of record, with the old builders kept word for word in ``legacy_documents``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from auditdesk.domain import audit_document, limits, record_documents
from auditdesk.domain.bundle_documents import (
    AnswerDocument,
    AuditDocument,
    AuditHeader,
    BlockDocument,
    SampleDocument,
    TeamMemberDocument,
)
from auditdesk.domain.canonical import canonical_json, content_hash
from auditdesk.domain.document_check import InvalidDocument
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
)
from auditdesk.services import moderation
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._actions import ActionInput, add_action, update_action
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor
from auditdesk.services.kernel._subjects import add_setting
from auditdesk.services.kernel._workspace import Database, open_workspace
from auditdesk.store.models import (
    Action,
    Audit,
    AuditAuditor,
    AuditBlock,
    Auditor,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
    Plan,
    Setting,
)
from tests.bundles import legacy_documents as legacy
from tests.bundles.helpers import Laptop, completed_audit
from tests.services.helpers import answer_everything, option_with_points


def test_the_builders_take_their_fields_from_the_models() -> None:
    assert audit_document.DOCUMENT_FORMAT == legacy.DOCUMENT_FORMAT
    assert tuple(AuditHeader.model_fields) == legacy._HEADER_FIELDS
    assert tuple(TeamMemberDocument.model_fields) == legacy._TEAM_FIELDS
    assert tuple(BlockDocument.model_fields) == legacy._BLOCK_FIELDS
    assert tuple(AnswerDocument.model_fields) == legacy._ANSWER_FIELDS
    assert set(AuditDocument.model_fields) == {"format", "audit", "team", "blocks", "answers"}


def test_a_document_the_format_refuses_is_never_built() -> None:
    with pytest.raises(InvalidDocument) as refused:
        record_documents.sample_document(
            "s-1",
            "Spring moderation",
            percentage=10.0,
            period_from=None,
            period_to=None,
            strata="{}",
            seed=limits.LAST_SEED + 1,
        )
    assert refused.value.record == "moderation sample 'Spring moderation'"
    assert refused.value.problems == (
        "seed: Input should be less than or equal to 2147483647 (got 2147483648)",
    )


def test_a_whole_number_percentage_hashes_as_the_stored_real() -> None:
    """SQLite hands back 10.0 for a REAL; "10" and "10.0" are different bytes."""
    whole, real = (
        record_documents.sample_document(
            "s-1", "S", percentage=value, period_from=None, period_to=None, strata="", seed=0
        )
        for value in (10, 10.0)
    )
    assert canonical_json(whole) == canonical_json(real)
    assert b'"percentage":10.0' in canonical_json(real)
    assert SampleDocument.model_fields["seed"].metadata  # bounded, from the shared limits


# -- every stored record, old builders beside new --------------------------------------------
def compare_every_record(db: Database) -> dict[str, int]:
    """For every travelling row: the new builder's document is byte for byte the old
    builder's, and hashes to what is stored. Returns how many of each kind were compared."""
    counted: dict[str, int] = {}
    with db.read() as session:
        for kind, pairs in (
            ("auditor", _auditors(session)),
            ("setting", _settings(session)),
            ("child", _children(session)),
            ("plan", _plans(session)),
            ("moderation_sample", _samples(session)),
            ("action", _actions(session)),
            ("moderation", _moderations(session)),
            ("audit", _audits(session)),
        ):
            for stored, new, old in pairs:
                assert canonical_json(new) == canonical_json(old), kind
                assert content_hash(new) == stored, kind
                counted[kind] = counted.get(kind, 0) + 1
    return counted


Pair = Iterator[tuple[str, dict[str, Any], dict[str, Any]]]


def _both(name: str, stored: str, *args: Any, **kwargs: Any) -> tuple[str, Any, Any]:
    new = getattr(record_documents, name)(*args, **kwargs)
    return stored, new, getattr(legacy, name)(*args, **kwargs)


def _auditors(session: Session) -> Pair:
    for row in session.scalars(select(Auditor)):
        yield _both("auditor_document", row.content_hash, row.uuid, row.name, row.agency, row.role)


def _settings(session: Session) -> Pair:
    for row in session.scalars(select(Setting)):
        yield _both(
            "setting_document",
            row.content_hash,
            row.uuid,
            row.name,
            row.urn,
            setting_type=row.setting_type,
            phase=row.phase,
            locality=row.locality,
        )


def _setting_uuids(session: Session) -> dict[int | None, str | None]:
    return {None: None, **dict(session.execute(select(Setting.id, Setting.uuid)).all())}


def _children(session: Session) -> Pair:
    settings = _setting_uuids(session)
    for row in session.scalars(select(Child)):
        yield _both(
            "child_document",
            row.content_hash,
            row.uuid,
            row.reference,
            year_group=row.year_group,
            primary_need=row.primary_need,
            locality=row.locality,
            setting_uuid=settings[row.setting_id],
        )


def _plans(session: Session) -> Pair:
    settings = _setting_uuids(session)
    children = dict(session.execute(select(Child.id, Child.uuid)).all())
    for row in session.scalars(select(Plan)):
        yield _both(
            "plan_document",
            row.content_hash,
            row.uuid,
            children[row.child_id],
            row.stage,
            row.issue_date,
            settings[row.setting_id],
        )


def _samples(session: Session) -> Pair:
    for row in session.scalars(select(ModerationSample)):
        yield _both(
            "sample_document",
            row.content_hash,
            row.uuid,
            row.name,
            percentage=row.percentage,
            period_from=row.period_from,
            period_to=row.period_to,
            strata=row.strata,
            seed=row.seed,
        )


def _actions(session: Session) -> Pair:
    audits_ = dict(session.execute(select(Audit.id, Audit.uuid)).all())
    blocks = dict(session.execute(select(AuditBlock.id, AuditBlock.uuid)).all())
    for row in session.scalars(select(Action)):
        yield _both(
            "action_document",
            row.content_hash,
            row.uuid,
            audits_[row.audit_id],
            question_id=row.question_id,
            block_uuid=blocks.get(row.block_id) if row.block_id else None,
            finding=row.finding,
            action=row.action,
            owner_agency=row.owner_agency,
            owner=row.owner,
            due_date=row.due_date,
            status=row.status,
            re_audit_date=row.re_audit_date,
            completed_on=row.completed_on,
        )


def _moderations(session: Session) -> Pair:
    audits_ = dict(session.execute(select(Audit.id, Audit.uuid)).all())
    samples = dict(session.execute(select(ModerationSample.id, ModerationSample.uuid)).all())
    markers = dict(session.execute(select(Auditor.id, Auditor.uuid)).all())
    block = aliased(AuditBlock)
    for row in session.scalars(select(Moderation)):
        ratings = session.execute(
            select(
                ModerationRating.question_id,
                block.uuid,
                ModerationRating.rating,
                ModerationRating.comment,
            )
            .outerjoin(block, block.id == ModerationRating.block_id)
            .where(ModerationRating.moderation_id == row.id)
        ).all()
        grades = session.execute(
            select(
                ModerationGrade.scope,
                ModerationGrade.first_grade,
                ModerationGrade.second_grade,
                ModerationGrade.agreed_grade,
            ).where(ModerationGrade.moderation_id == row.id)
        ).all()
        yield _both(
            "moderation_document",
            row.content_hash,
            row.uuid,
            audits_[row.audit_id],
            sample_uuid=samples.get(row.sample_id),
            audit_revision=row.audit_revision,
            audit_hash=row.audit_hash,
            second_marker_uuid=markers.get(row.second_marker_id),
            assigned_by=row.assigned_by,
            status=row.status,
            second_overall_grade=row.second_overall_grade,
            agreed_grade=row.agreed_grade,
            notes=row.notes,
            ratings=[tuple(rating) for rating in ratings],
            grades=[tuple(grade) for grade in grades],
        )


def _audits(session: Session) -> Pair:
    """The parts of each audit as the services gather them (``audit_state.document_for``)."""
    for audit in session.scalars(select(Audit)):
        loaded = audit_state.load_audit(session, audit.uuid)
        child = session.get(Child, audit.child_id) if audit.child_id else None
        setting = session.get(Setting, audit.setting_id) if audit.setting_id else None
        plan = session.get(Plan, audit.plan_id) if audit.plan_id else None
        header = audit_state.audit_header(
            audit,
            template=(loaded.version.template_id, loaded.version.version, loaded.version.sha256),
            child_reference=child.reference if child else None,
            setting_uuid=setting.uuid if setting else None,
            issue_date=plan.issue_date if plan else None,
        )
        team = [
            {"auditor_uuid": uuid, "agency": agency, "position": position}
            for uuid, agency, position in session.execute(
                select(Auditor.uuid, AuditAuditor.agency, AuditAuditor.position)
                .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
                .where(AuditAuditor.audit_id == audit.id)
            )
        ]
        uuid_of = {row.id: row.uuid for row in loaded.block_rows.values()}
        references = dict(session.execute(select(Child.id, Child.reference)).all())
        blocks = [
            {
                "uuid": row.uuid,
                "section_id": row.section_id,
                "parent_uuid": uuid_of.get(row.parent_id) if row.parent_id else None,
                "label": row.label,
                "position": row.position,
                "child_reference": references.get(row.child_id) if row.child_id else None,
                "year_group": row.year_group,
            }
            for row in loaded.block_rows.values()
        ]
        answers = [
            {
                "question_id": question,
                "block_uuid": block,
                "rating": row.rating,
                "comment": row.comment,
                "evidence": row.evidence,
                "board_highlight": row.board_highlight,
            }
            for (question, block), row in loaded.answer_rows.items()
        ]
        new = audit_document.audit_document(header, team, blocks, answers)
        yield audit.content_hash, new, legacy.audit_document(header, team, blocks, answers)


# -- on demo data, and on what the services make ---------------------------------------------
def test_demo_documents_are_byte_for_byte_what_the_old_builders_made(tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "demo.sqlite")
    try:
        generate_demo(db, DemoOptions(150, seed=5, as_of=date(2026, 11, 20)))
        counted = compare_every_record(db)
    finally:
        db.close()
    assert set(counted) == {
        "auditor", "setting", "child", "plan", "moderation_sample", "action", "moderation",
        "audit",
    }  # fmt: skip
    assert counted["audit"] == 150


def test_service_documents_are_byte_for_byte_what_the_old_builders_made(auditor: Laptop) -> None:
    ctx = auditor.ctx
    plan_audit = completed_audit(auditor, "CE-10001", points=2)
    audit_lifecycle.override_grade(ctx, plan_audit.uuid, Grade.GOOD, "Panel judged it good.")
    setting = add_setting(
        ctx,
        name="Crewe Green Primary",
        urn="123456",
        setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY,
        locality="Crewe",
    )
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    child = audit_blocks.add_block(
        ctx,
        visit.uuid,
        "child",
        sampled_child=audit_blocks.SampledChild("CE-20001", 10, PrimaryNeed.SEMH),
    ).block
    audit_blocks.add_block(ctx, visit.uuid, "child.provision", parent_block_id=child.id)
    answer_everything(ctx, audits.get_audit(ctx, visit.uuid), points=4)
    audit_lifecycle.complete_audit(ctx, visit.uuid)
    action = add_action(
        ctx,
        plan_audit.uuid,
        ActionInput("Outcomes vague", "Rewrite them", Agency.HEALTH, "DCO", date(2027, 1, 1)),
    )
    update_action(ctx, action.uuid, status=ActionStatus.DONE)
    sample = moderation.draw_sample(ctx, percentage=100, seed=limits.LAST_SEED)
    marker = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    marker_ctx = ServiceContext(
        ctx.db, Actor(marker.name, marker.agency, marker.role, marker.uuid), clock=ctx.clock
    )
    row = next(r for r in sample.drawn if r.audit_uuid == plan_audit.uuid)
    moderation.assign_second_marker(ctx, row.uuid, marker.uuid)
    detail = audits.get_audit(ctx, plan_audit.uuid)
    for slot in detail.index.slots(detail.blocks, detail.context):
        if slot.applies and slot.question.is_rated:
            rating = option_with_points(detail, slot, 3)
            moderation.record_second_rating(
                marker_ctx, row.uuid, slot.question.id, None, rating=rating, comment="Seen."
            )
    moderation.submit_second_marking(marker_ctx, row.uuid)
    moderation.agree(ctx, row.uuid, {moderation.OVERALL: Grade.GOOD}, "Agreed at panel.")

    counted = compare_every_record(auditor.db)
    assert counted["audit"] == 2
    assert counted["moderation"] == 2
    assert counted["action"] == 1
