"""A setting quality visit: sampled children, provision lines inside each, delivery grades."""

from __future__ import annotations

import pytest

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus, PrimaryNeed, SettingPhase, SettingType
from auditdesk.errors import CompletionRefused, InvalidInput
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AuditDetail
from tests.services.helpers import answer_everything


def _visit(ctx: ServiceContext) -> AuditDetail:
    setting = subjects.add_setting(
        ctx,
        name="Oakfield Primary School",
        urn="912345",
        setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY,
        locality="Crewe",
    )
    return audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )


def _child_sections(detail: AuditDetail) -> tuple[str, str]:
    sampled = next(
        s for s in detail.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    lines = next(
        s
        for s in detail.index.template.all_sections()
        if s.repeat and detail.index.repeating_parent(s.id) == sampled.id
    )
    return sampled.id, lines.id


def test_a_visit_samples_children_with_provision_lines_inside(ctx: ServiceContext) -> None:
    visit = _visit(ctx)
    child_section, line_section = _child_sections(visit)
    child = audit_blocks.add_block(
        ctx, visit.uuid, child_section, sampled_child=SampledChild("CE-20001", 4, PrimaryNeed.SLCN)
    ).block
    assert child.label == "CE-20001"
    assert child.year_group == 4
    first = audit_blocks.add_block(ctx, visit.uuid, line_section, parent_block_id=child.id).block
    second = audit_blocks.add_block(ctx, visit.uuid, line_section, parent_block_id=child.id).block
    assert (first.parent_id, second.parent_id) == (child.id, child.id)
    assert [first.label, second.label] == ["Provision line 1", "Provision line 2"]
    renamed = audit_blocks.rename_block(
        ctx, visit.uuid, first.id, "Speech and language therapy, 30 min weekly"
    )
    assert renamed.block.label == "Speech and language therapy, 30 min weekly"
    with pytest.raises(InvalidInput, match="already sampled"):
        audit_blocks.add_block(
            ctx,
            visit.uuid,
            child_section,
            sampled_child=SampledChild("CE-20001", 4, PrimaryNeed.SLCN),
        )
    with pytest.raises(InvalidInput, match="Choose where"):
        audit_blocks.add_block(ctx, visit.uuid, line_section)


def test_delivery_of_each_provision_line_drives_the_grade(ctx: ServiceContext) -> None:
    visit = _visit(ctx)
    child_section, line_section = _child_sections(visit)
    child = audit_blocks.add_block(
        ctx, visit.uuid, child_section, sampled_child=SampledChild("CE-20001", 10, PrimaryNeed.ASD)
    ).block
    for _ in range(2):
        audit_blocks.add_block(ctx, visit.uuid, line_section, parent_block_id=child.id)
    detail = audits.get_audit(ctx, visit.uuid)
    answer_everything(ctx, detail, points=3)
    assert audits.get_audit(ctx, visit.uuid).suggested_grade is Grade.GOOD
    line = next(b for b in detail.blocks if b.section_id == line_section)
    change = audits.record_answer(
        ctx,
        visit.uuid,
        "child.provision_delivered",
        line.id,
        rating="not_delivered",
        comment="No therapy sessions logged this term.",
    )
    assert change.grades.suggested_grade is Grade.REQUIRES_IMPROVEMENT
    assert any("Not delivered" in reason for reason in change.grades.grading.overall_reasons)
    assert audit_lifecycle.complete_audit(ctx, visit.uuid).status is AuditStatus.COMPLETED


def test_pfa_in_a_visit_follows_the_sampled_childs_year_group(ctx: ServiceContext) -> None:
    visit = _visit(ctx)
    child_section, _ = _child_sections(visit)
    young = audit_blocks.add_block(
        ctx, visit.uuid, child_section, sampled_child=SampledChild("CE-20001", 5, PrimaryNeed.ASD)
    ).block
    older = audit_blocks.add_block(
        ctx, visit.uuid, child_section, sampled_child=SampledChild("CE-20002", 10, PrimaryNeed.ASD)
    ).block
    detail = audits.get_audit(ctx, visit.uuid)
    pfa = [
        slot
        for slot in detail.index.slots(detail.blocks, detail.context)
        if "pfa" in slot.question.id and slot.block is not None
    ]
    applies = {(slot.block.id if slot.block else None, slot.applies) for slot in pfa}
    assert (young.id, False) in applies
    assert (older.id, True) in applies
    assert (young.id, True) not in applies


def test_a_visit_without_children_or_lines_cannot_complete(ctx: ServiceContext) -> None:
    visit = _visit(ctx)
    with pytest.raises(CompletionRefused) as refused:
        audit_lifecycle.complete_audit(ctx, visit.uuid)
    prompts = [item.question_prompt for item in refused.value.missing]
    assert any(prompt.startswith("Add at least 1 sampled child") for prompt in prompts)


def test_removing_a_child_removes_its_lines_and_answers(ctx: ServiceContext) -> None:
    visit = _visit(ctx)
    child_section, line_section = _child_sections(visit)
    child = audit_blocks.add_block(
        ctx, visit.uuid, child_section, sampled_child=SampledChild("CE-20001", 3, PrimaryNeed.HI)
    ).block
    line = audit_blocks.add_block(ctx, visit.uuid, line_section, parent_block_id=child.id).block
    audits.record_answer(ctx, visit.uuid, "child.provision_delivered", line.id, rating="delivered")
    audit_blocks.remove_block(ctx, visit.uuid, child.id)
    detail = audits.get_audit(ctx, visit.uuid)
    assert detail.blocks == ()
    assert detail.answers == {}
    trail = audit_lifecycle.audit_trail(ctx, visit.uuid)
    assert any(e.field.endswith("removed") and "1 answers" in (e.old_value or "") for e in trail)
