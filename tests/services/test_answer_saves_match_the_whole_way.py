"""Saving one answer takes a short way (only what changed is checked, graded and hashed);
after every save, what is stored must be exactly what the whole way works out from the
audit as the database holds it: the content hash bundles compare, the suggested grade and
the section grades the Board's figures read."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.audit_document import audit_content_hash
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.reference import PrimaryNeed, SettingPhase, SettingType
from auditdesk.domain.template_index import Slot
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _content as kept
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._section_grades import section_grade_rows
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AuditDetail, GradeUpdate
from auditdesk.store.models import Answer, AuditSectionGrade
from tests.conftest import plan_subject


def _visit_with_children(ctx: ServiceContext) -> AuditDetail:
    """A setting visit: two sampled children (one under Year 9, where questions drop out),
    each with provision lines nested inside."""
    setting = subjects.add_setting(
        ctx, name="Oakfield Primary School", urn="912345", setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    sampled = next(
        s for s in visit.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    lines = next(
        s for s in visit.index.template.all_sections()
        if s.repeat and visit.index.repeating_parent(s.id) == sampled.id
    )  # fmt: skip
    for reference, year in (("CE-20001", 4), ("CE-20002", 11)):
        sampled_child = audit_blocks.SampledChild(reference, year, PrimaryNeed.ASD)
        child = audit_blocks.add_block(
            ctx, visit.uuid, sampled.id, sampled_child=sampled_child
        ).block
        for _ in range(2):
            audit_blocks.add_block(ctx, visit.uuid, lines.id, parent_block_id=child.id)
    return audits.get_audit(ctx, visit.uuid)


def _check_against_the_whole_way(ctx: ServiceContext, uuid: str, returned: GradeUpdate) -> None:
    with ctx.db.read() as session:
        loaded = audit_state.load_audit(session, uuid)
        audit = loaded.audit
        grading = audit_state.grade_of(loaded)
        whole_hash = audit_content_hash(audit_state.document_for(session, loaded))
        stored_grades = sorted(
            session.execute(
                select(
                    AuditSectionGrade.section_id,
                    AuditSectionGrade.grade,
                    AuditSectionGrade.average,
                    AuditSectionGrade.rated,
                ).where(AuditSectionGrade.audit_id == audit.id)
            ).all()
        )
    assert audit.content_hash == whole_hash
    assert audit.suggested_grade == (grading.overall.value if grading.overall else None)
    assert returned.grading == grading
    wanted = sorted(
        (r["section_id"], r["grade"], r["average"], r["rated"])
        for r in section_grade_rows(audit.id, grading)
    )
    assert stored_grades == wanted


Edit = tuple[Slot, dict[str, object]]


def _edits(detail: AuditDetail, rng: random.Random, count: int) -> list[Edit]:
    slots = [s for s in detail.index.slots(list(detail.blocks), detail.context) if s.applies]
    edits: list[Edit] = []
    for _ in range(count):
        slot = rng.choice(slots)
        scale = detail.index.scale_for(slot.question)
        roll = rng.random()
        if scale is not None and roll < 0.6:
            codes = [o.code for o in scale.options] + [NOT_APPLICABLE] * scale.allow_na
            edits.append((slot, {"rating": rng.choice([*codes, None])}))
        elif roll < 0.85:
            edits.append((slot, {"comment": rng.choice(["", "Seen.", "Weekly sessions, logged."])}))
        else:
            edits.append((slot, {"evidence": rng.choice(["", "Provision map", "Logs"])}))
    return edits


def test_every_answer_saved_in_a_visit_stores_what_the_whole_way_works_out(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = _visit_with_children(ctx)
    whole_way = _count_whole_way(monkeypatch)
    for number, (slot, change) in enumerate(_edits(visit, random.Random(11), 120)):
        if number == 60:
            kept.forget_all()  # as after a restart: the whole way once, then short again
        block = slot.block.id if slot.block else None
        saved = audits.record_answer(ctx, visit.uuid, slot.question.id, block, **change)  # type: ignore[arg-type]
        _check_against_the_whole_way(ctx, visit.uuid, saved.grades)
    # Every save but the one after forgetting went the short way (adding the blocks kept
    # the content for the first), and each stored what the whole way works out.
    assert len(whole_way) == 1


def test_a_row_changed_some_other_way_sends_the_next_save_the_whole_way(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    first, second = [s for s in detail.index.slots([], detail.context) if s.applies][:2]
    audits.record_answer(ctx, detail.uuid, first.question.id, None, comment="Seen.")
    whole_way = _count_whole_way(monkeypatch)
    with ctx.db.write() as session:  # as a bundle import or an older AuditDesk might
        row = session.scalar(select(Answer).where(Answer.question_id == first.question.id))
        assert row is not None
        row.comment = "Changed elsewhere."
    saved = audits.record_answer(ctx, detail.uuid, second.question.id, None, comment="Also.")
    assert len(whole_way) == 1
    _check_against_the_whole_way(ctx, detail.uuid, saved.grades)


def _count_whole_way(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time a save takes the whole way (it still runs, as it is)."""
    taken: list[str] = []
    whole = audit_state.after_edit

    def counted(
        session: Session, ctx: ServiceContext, loaded: audit_state.LoadedAudit
    ) -> GradeUpdate:
        taken.append(loaded.audit.uuid)
        return whole(session, ctx, loaded)

    monkeypatch.setattr(audit_state, "after_edit", counted)
    return taken


def test_a_plan_audit_answered_whole_then_changed_matches_the_whole_way(
    ctx: ServiceContext,
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    rng = random.Random(5)
    for slot, change in _edits(detail, rng, 150):
        saved = audits.record_answer(ctx, detail.uuid, slot.question.id, None, **change)  # type: ignore[arg-type]
        _check_against_the_whole_way(ctx, detail.uuid, saved.grades)


def test_a_refused_save_leaves_the_kept_content_right(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    rated = next(s for s in detail.index.slots([], detail.context) if s.question.is_rated)
    audits.record_answer(ctx, detail.uuid, rated.question.id, None, comment="First look.")
    with pytest.raises(InvalidInput, match="not a rating"):
        audits.record_answer(ctx, detail.uuid, rated.question.id, None, rating="not-a-rating")
    saved = audits.record_answer(ctx, detail.uuid, rated.question.id, None, evidence="The plan")
    _check_against_the_whole_way(ctx, detail.uuid, saved.grades)
