"""A plan audit from creation to sign-off, through the services, on a real database file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus, PlanStage
from auditdesk.errors import CompletionRefused, InvalidInput, NotAllowed
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.models import Answer, Audit, ChangeTrail
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything


def test_a_new_audit_is_a_draft_against_the_latest_template_version(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    assert detail.status is AuditStatus.DRAFT
    assert detail.template.template_id == "ehcp-quality"
    assert detail.template.version == 1
    assert detail.reference.startswith("AD-")
    assert detail.child_reference == "CE-10001"
    assert detail.team[0].auditor.name == "Sam Practice"
    assert detail.suggested_grade is None
    assert detail.content_hash  # hashed from the first moment


def test_answers_regrade_live_and_are_saved_with_the_trail(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    change = audits.record_answer(ctx, detail.uuid, "e.outcomes_smart", rating="good")
    assert change.before is None
    assert change.after.rating == "good"
    assert change.grades.suggested_grade is Grade.GOOD
    change = audits.record_answer(
        ctx, detail.uuid, "e.outcomes_smart", rating="inadequate", comment="Services, not outcomes."
    )
    assert change.before is not None
    assert change.before.rating == "good"
    assert change.grades.suggested_grade is Grade.INADEQUATE
    with ctx.db.read() as session:
        stored = session.scalars(
            select(Answer).where(Answer.question_id == "e.outcomes_smart")
        ).one()
        assert (stored.rating, stored.comment) == ("inadequate", "Services, not outcomes.")
        fields = session.scalars(
            select(ChangeTrail.field).where(ChangeTrail.audit_uuid == detail.uuid)
        ).all()
    assert "e.outcomes_smart: rating" in fields
    assert "e.outcomes_smart: comment" in fields


def test_the_content_hash_follows_content_only(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    first = audits.record_answer(ctx, detail.uuid, "a.child_voice", rating="good")
    hash_good = audits.get_audit(ctx, detail.uuid).content_hash
    audits.record_answer(ctx, detail.uuid, "a.child_voice", rating="outstanding")
    assert audits.get_audit(ctx, detail.uuid).content_hash != hash_good
    audits.record_answer(ctx, detail.uuid, "a.child_voice", rating="good")
    assert audits.get_audit(ctx, detail.uuid).content_hash == hash_good
    assert first.after.rating == "good"


def test_bad_ratings_and_questions_are_refused_plainly(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    with pytest.raises(InvalidInput, match="not a rating for this question"):
        audits.record_answer(ctx, detail.uuid, "e.outcomes_smart", rating="brilliant")
    with pytest.raises(InvalidInput, match="is not in EHCP"):
        audits.record_answer(ctx, detail.uuid, "no.such.question", rating="good")
    with pytest.raises(InvalidInput, match="answered in writing"):
        audits.record_answer(ctx, detail.uuid, "overall.working_well", rating="good")


def test_pfa_questions_do_not_apply_before_year_9(ctx: ServiceContext) -> None:
    young = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject(year_group=5))
    with pytest.raises(NotAllowed, match="Year 9"):
        audits.record_answer(ctx, young.uuid, "pfa.employment_thread", rating="good")
    older = audits.create_audit(
        ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002", year_group=10)
    )
    change = audits.record_answer(ctx, older.uuid, "pfa.employment_thread", rating="good")
    assert change.after.rating == "good"


def test_completion_is_refused_with_what_is_missing_and_where(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    audits.record_answer(ctx, detail.uuid, "e.outcomes_smart", rating="inadequate")
    with pytest.raises(CompletionRefused) as refused:
        audit_lifecycle.complete_audit(ctx, detail.uuid)
    missing = refused.value.missing
    by_question = {item.question_id: item for item in missing}
    assert "say why in a comment" in by_question["e.outcomes_smart"].problem
    assert by_question["a.child_voice"].problem == "not rated yet"
    assert by_question["a.child_voice"].section_title
    assert "cannot be completed yet" in str(refused.value)
    assert audits.get_audit(ctx, detail.uuid).status is AuditStatus.DRAFT


def test_complete_reopen_override_and_sign_off(
    ctx: ServiceContext, lead_ctx: ServiceContext
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(ctx, detail, points=3)
    done = audit_lifecycle.complete_audit(ctx, detail.uuid)
    assert done.status is AuditStatus.COMPLETED
    assert done.final_grade is Grade.GOOD
    with pytest.raises(NotAllowed, match="locked"):
        audits.record_answer(ctx, detail.uuid, "a.child_voice", rating="inadequate")
    with pytest.raises(InvalidInput, match="reason"):
        audit_lifecycle.reopen_audit(ctx, detail.uuid, "")
    with pytest.raises(InvalidInput, match="reason"):
        audit_lifecycle.override_grade(ctx, detail.uuid, Grade.OUTSTANDING, "nah")
    overridden = audit_lifecycle.override_grade(
        ctx, detail.uuid, Grade.OUTSTANDING, "Exceptional co-production seen at the meeting."
    )
    assert overridden.suggested_grade is Grade.GOOD
    assert overridden.final_grade is Grade.OUTSTANDING
    assert overridden.override_reason == "Exceptional co-production seen at the meeting."
    signed = audit_lifecycle.sign_off(lead_ctx, detail.uuid)
    assert signed.status is AuditStatus.SIGNED_OFF
    assert signed.signed_off_by == "Quinn Lead"
    with pytest.raises(NotAllowed):
        audit_lifecycle.override_grade(ctx, detail.uuid, Grade.GOOD, "Changing my mind again now.")
    reopened = audit_lifecycle.reopen_audit(
        ctx, detail.uuid, "Family raised new information about health needs."
    )
    assert reopened.status is AuditStatus.DRAFT
    assert reopened.signed_off_at is None
    trail = audit_lifecycle.audit_trail(ctx, detail.uuid)
    reasons = [entry.reason for entry in trail if entry.reason]
    assert "Family raised new information about health needs." in reasons
    assert "Exceptional co-production seen at the meeting." in reasons
    statuses = [(e.old_value, e.new_value) for e in trail if e.field == "status"]
    assert statuses == [
        ("Draft", "Completed"),
        ("Completed", "Signed off"),
        ("Signed off", "Draft"),
    ]


def test_annual_review_audit_needs_a_plan_at_review(ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput, match="annual review"):
        audits.create_audit(ctx, template_id="annual-review", subject=plan_subject())
    detail = audits.create_audit(
        ctx,
        template_id="annual-review",
        subject=plan_subject(stage=PlanStage.ANNUAL_REVIEW),
    )
    assert detail.plan_stage is PlanStage.ANNUAL_REVIEW


def test_a_childs_name_is_refused_as_a_reference(ctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput, match="pseudonymous"):
        audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("Jane Smith"))
    with ctx.db.read() as session:
        assert session.scalar(select(Audit.id)) is None


def test_unknown_template_and_future_dates_are_refused(ctx: ServiceContext) -> None:
    from datetime import date

    with pytest.raises(Exception, match="no template 'nope'"):
        audits.create_audit(ctx, template_id="nope", subject=plan_subject())
    with pytest.raises(InvalidInput, match="future"):
        audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(), audit_date=date(2030, 1, 1)
        )
