"""Audits travel between two real database files and arrive whole: content, grades, team,
blocks, actions, moderation, trail, templates the receiver lacked, and provenance."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import ActionStatus, Agency, AuditStatus, PrimaryNeed
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.bundles import (
    ChangedSince,
    ImportCancelled,
    ItemStatus,
    UnsentCompleted,
    audits_to_send,
    import_bundle,
    preview_bundle,
    sent_bundles,
)
from auditdesk.services.bundles._documents import load_audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.store.models import Audit, RecordProvenance
from tests.bundles.helpers import (
    Laptop,
    completed_audit,
    install_quick_check,
    table_rows,
)
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything


def same_content(sent: AuditDetail, received: AuditDetail) -> None:
    assert received.content_hash == sent.content_hash
    assert received.reference == sent.reference
    assert received.status is sent.status
    assert received.answers.keys() == sent.answers.keys()
    for key, answer in sent.answers.items():
        got = received.answers[key]
        assert (got.rating, got.comment, got.evidence, got.updated_by) == (
            answer.rating,
            answer.comment,
            answer.evidence,
            answer.updated_by,
        )
    assert received.grading == sent.grading
    assert (received.suggested_grade, received.final_grade) == (
        sent.suggested_grade,
        sent.final_grade,
    )
    assert [m.auditor.uuid for m in received.team] == [m.auditor.uuid for m in sent.team]
    assert sorted(received.blocks, key=lambda b: b.id) == sorted(sent.blocks, key=lambda b: b.id)
    assert [a.uuid for a in received.actions] == [a.uuid for a in sent.actions]


def test_a_plan_audit_arrives_whole_with_its_actions_and_trail(
    auditor: Laptop, lead: Laptop
) -> None:
    detail = completed_audit(auditor, "CE-10001", points=2)
    actions.add_action(
        auditor.ctx,
        detail.uuid,
        ActionInput(
            "Outcomes describe services.",
            "Rewrite Section E with SMART outcomes",
            Agency.EDUCATION,
            "Plan writer",
            date(2026, 12, 15),
            question_id="e.outcomes_smart",
        ),
    )
    draft = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002")
    )
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="good")
    bundle = auditor.send_audits(detail.uuid, draft.uuid, name="two")

    preview = preview_bundle(lead.ctx, bundle)
    assert {item.status for item in preview.items} == {ItemStatus.NEW}
    assert len(preview.of(ItemStatus.NEW, "audit")) == 2
    result = lead.receive(bundle)
    assert result.imported
    assert result.backup is not None
    assert result.backup.exists()

    for uuid in (detail.uuid, draft.uuid):
        same_content(audits.get_audit(auditor.ctx, uuid), audits.get_audit(lead.ctx, uuid))
    received = audits.get_audit(lead.ctx, detail.uuid)
    assert received.actions[0].action == "Rewrite Section E with SMART outcomes"
    assert received.final_grade is Grade.REQUIRES_IMPROVEMENT
    trail = audit_lifecycle.audit_trail(lead, detail.uuid)
    fields = [entry.field for entry in trail]
    assert "created" in fields
    assert "status" in fields  # Draft -> Completed, made on the auditor's laptop
    assert "action added" in fields
    assert any(e.field == "imported" and "Sam Practice" in (e.new_value or "") for e in trail)
    assert {e.device for e in trail} >= {auditor.db.device_id, lead.db.device_id}


def test_every_imported_record_has_provenance(auditor: Laptop, lead: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    bundle = auditor.send_audits(detail.uuid, name="one")
    lead.receive(bundle)
    with lead.db.read() as session:
        stored = {
            (row.record_type, row.record_uuid): row
            for row in session.scalars(select(RecordProvenance))
        }
        lead_audit = session.scalars(select(Audit)).one()
    assert ("audit", detail.uuid) in stored
    for (_kind, _uuid), row in stored.items():
        assert row.author == "Sam Practice"
        assert row.device == auditor.db.device_id
        assert row.outcome == "new"
    # The audit keeps its own author and device: who made it, and where.
    assert (lead_audit.author, lead_audit.device) == ("Sam Practice", auditor.db.device_id)
    kinds = {kind for kind, _ in stored}
    assert kinds == {"audit", "auditor", "child", "plan"}


def test_a_setting_visit_with_sampled_children_and_nested_lines(
    auditor: Laptop, lead: Laptop
) -> None:
    setting = subjects.add_setting(
        auditor.ctx,
        name="Oakfield Primary School",
        urn="912345",
        setting_type=subjects.SettingType.MAINSTREAM,
        phase=subjects.SettingPhase.PRIMARY,
        locality="Crewe",
    )
    visit = audits.create_audit(
        auditor.ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    sections = [s for s in visit.index.template.all_sections() if s.repeat]
    child_section = next(s for s in sections if s.repeat and s.repeat.sampled_child)
    line_section = next(
        s for s in sections if visit.index.repeating_parent(s.id) == child_section.id
    )
    child = audit_blocks.add_block(
        auditor.ctx,
        visit.uuid,
        child_section.id,
        sampled_child=SampledChild("CE-20001", 10, PrimaryNeed.SLCN),
    ).block
    for _ in range(2):
        audit_blocks.add_block(auditor.ctx, visit.uuid, line_section.id, parent_block_id=child.id)
    answer_everything(auditor.ctx, audits.get_audit(auditor.ctx, visit.uuid), points=3)
    audit_lifecycle.complete_audit(auditor.ctx, visit.uuid)
    bundle = auditor.send(UnsentCompleted(), "visit")
    lead.receive(bundle)
    sent = audits.get_audit(auditor.ctx, visit.uuid)
    received = audits.get_audit(lead.ctx, visit.uuid)
    same_content(sent, received)
    assert received.setting is not None
    assert received.setting.name == "Oakfield Primary School"
    assert {b.parent_id for b in received.blocks if b.section_id == line_section.id} == {child.id}


def test_a_template_the_receiver_lacks_travels_with_the_audit(
    auditor: Laptop, lead: Laptop
) -> None:
    install_quick_check(auditor)
    detail = audits.create_audit(
        auditor.ctx, template_id="quick-check", subject=plan_subject("CE-10003")
    )
    for question in ("q.outcomes", "q.provision"):
        audits.record_answer(auditor.ctx, detail.uuid, question, rating="good")
    bundle = auditor.send_audits(detail.uuid, name="quick")
    preview = preview_bundle(lead.ctx, bundle)
    assert preview.templates_to_install == ("Quick plan check (version 1)",)
    lead.receive(bundle)
    received = audits.get_audit(lead.ctx, detail.uuid)
    assert received.template.key == "quick-check@1"
    assert received.suggested_grade is Grade.GOOD
    rows = table_rows(
        lead.path, "SELECT sha256 FROM template_versions WHERE template_id = 'quick-check'"
    )
    assert rows == [(detail.template.sha256,)]


def test_sending_takes_what_is_unsent_and_records_what_went(auditor: Laptop, lead: Laptop) -> None:
    first = completed_audit(auditor, "CE-10001")
    second = completed_audit(auditor, "CE-10002")
    audits.create_audit(auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10004"))
    waiting = audits_to_send(auditor.ctx, UnsentCompleted())
    assert {c.uuid for c in waiting} == {first.uuid, second.uuid}  # drafts wait
    assert all(c.last_sent_at is None for c in waiting)
    bundle = auditor.send(UnsentCompleted(), "monday")
    assert bundle.exists()
    assert not [n for n in auditor.outbox.iterdir() if n.name.endswith(".partial")]
    assert audits_to_send(auditor.ctx, UnsentCompleted()) == ()
    with pytest.raises(InvalidInput, match="nothing to send"):
        auditor.send(UnsentCompleted(), "again")
    history = sent_bundles(auditor.ctx)
    assert [(h.file_name, h.audits) for h in history] == [("monday.auditdesk", 2)]
    # An action changed after sending puts its audit back in the queue.
    action = actions.add_action(
        auditor.ctx,
        first.uuid,
        ActionInput("Finding", "Do the thing", Agency.HEALTH, "DCO", date(2027, 1, 1)),
    )
    assert [c.uuid for c in audits_to_send(auditor.ctx, UnsentCompleted())] == [first.uuid]
    later = auditor.send(UnsentCompleted(), "tuesday")
    lead.receive(bundle)
    lead.receive(later)
    assert [a.uuid for a in audits.get_audit(lead.ctx, first.uuid).actions] == [action.uuid]
    since = audits_to_send(auditor.ctx, ChangedSince(date(2026, 1, 1)))
    assert {c.uuid for c in since} == {first.uuid, second.uuid}
    assert all(c.last_sent_at is not None for c in since)


def test_documents_built_in_bulk_hash_as_the_services_hash(auditor: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    action = actions.add_action(
        auditor.ctx,
        detail.uuid,
        ActionInput("Finding", "Do it", Agency.EDUCATION, "Owner", date(2027, 1, 1)),
    )
    actions.update_action(auditor.ctx, action.uuid, status=ActionStatus.IN_PROGRESS)
    with auditor.db.read() as session:
        (loaded,) = load_audits(session, [session.scalars(select(Audit.id)).one()])
    assert loaded.record.hash == loaded.record.stored_hash
    assert [(a.hash, a.stored_hash) for a in loaded.actions] == [
        (loaded.actions[0].stored_hash, loaded.actions[0].stored_hash)
    ]
    assert audits.get_audit(auditor.ctx, detail.uuid).status is AuditStatus.COMPLETED


def test_stopping_an_import_part_way_leaves_nothing_behind(auditor: Laptop, lead: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    bundle = auditor.send_audits(detail.uuid, name="one")
    before = lead.dump()
    files = sorted(entry.name for entry in lead.path.parent.iterdir())
    stages: list[str] = []

    def stop_at_audits(stage: str) -> bool:
        stages.append(stage)
        return stage != "Adding audits"

    with pytest.raises(ImportCancelled, match="nothing was changed"):
        import_bundle(lead.ctx, bundle, progress=stop_at_audits)
    assert stages[0] == "Backing up the database"
    assert stages[-1] == "Adding audits"
    assert lead.dump() == before
    assert sorted(entry.name for entry in lead.path.parent.iterdir()) == files
