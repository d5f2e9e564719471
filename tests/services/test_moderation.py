"""Moderation end to end: draw a stratified sample, mark blind, reconcile, agree."""

from __future__ import annotations

import pytest

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, Role
from auditdesk.errors import CompletionRefused, InvalidInput, NotAllowed
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.services.reports._agreement import agreement_report
from tests.conftest import FIXED_NOW, plan_subject
from tests.services.helpers import answer_everything, option_with_points


def _completed(
    ctx: ServiceContext, reference: str, points: int, template: str = "ehcp-quality"
) -> AuditDetail:
    detail = audits.create_audit(ctx, template_id=template, subject=plan_subject(reference))
    answer_everything(ctx, detail, points=points)
    return audit_lifecycle.complete_audit(ctx, detail.uuid)


def _second_marker(ctx: ServiceContext) -> ServiceContext:
    person = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    return ServiceContext(
        ctx.db, Actor(person.name, person.agency, person.role, person.uuid), clock=lambda: FIXED_NOW
    )


def test_a_sample_is_stratified_by_template_and_grade(
    ctx: ServiceContext, lead_ctx: ServiceContext
) -> None:
    for number in range(6):
        _completed(ctx, f"CE-3000{number}", points=3 if number < 4 else 2)
    sample = moderation.draw_sample(lead_ctx, percentage=10, seed=4)
    strata = {
        (template, grade): (eligible, drawn) for template, grade, eligible, drawn in sample.strata
    }
    assert strata == {
        ("ehcp-quality", "good"): (4, 1),
        ("ehcp-quality", "requires_improvement"): (2, 1),
    }
    assert sample.eligible == 6
    assert len(sample.drawn) == 2
    assert {row.first_grade for row in sample.drawn} == {Grade.GOOD, Grade.REQUIRES_IMPROVEMENT}
    again = moderation.draw_sample(lead_ctx, percentage=100, seed=4)
    drawn_before = {row.audit_uuid for row in sample.drawn}
    assert drawn_before.isdisjoint({row.audit_uuid for row in again.drawn})
    with pytest.raises(InvalidInput, match="No completed audits"):
        moderation.draw_sample(lead_ctx, percentage=10)


def test_blind_second_marking_then_reconciliation_and_agreement(
    ctx: ServiceContext, lead_ctx: ServiceContext
) -> None:
    first = _completed(ctx, "CE-40001", points=3)
    sample = moderation.draw_sample(lead_ctx, percentage=100, seed=1)
    row = sample.drawn[0]
    second_ctx = _second_marker(ctx)
    with pytest.raises(InvalidInput, match=f"worked on audit {first.reference}, so cannot"):
        moderation.assign_second_marker(lead_ctx, row.uuid, ctx.actor.auditor_uuid)
    assigned = moderation.assign_second_marker(lead_ctx, row.uuid, second_ctx.actor.auditor_uuid)
    assert assigned.second_marker == "Morgan Health"

    blind = moderation.blind_view(second_ctx, row.uuid)
    assert blind.ratings == {}  # nothing of the first marker's is shown
    assert not hasattr(blind, "answers")
    with pytest.raises(NotAllowed, match="hidden"):
        moderation.reconciliation(lead_ctx, row.uuid)

    slots = [
        s
        for s in first.index.slots(first.blocks, first.context)
        if s.applies and s.question.is_rated
    ]
    with pytest.raises(CompletionRefused):
        moderation.submit_second_marking(second_ctx, row.uuid)
    for number, slot in enumerate(slots):
        # The second marker is one grade harsher on every third question.
        points = 2 if number % 3 == 0 else 3
        moderation.record_second_rating(
            second_ctx,
            row.uuid,
            slot.question.id,
            None,
            rating=option_with_points(first, slot, points),
        )
    result = moderation.submit_second_marking(second_ctx, row.uuid)
    differing = [line for line in result.lines if line.differs]
    assert len(differing) == len(range(0, len(slots), 3))
    overall = next(g for g in result.grades if g.scope == "overall")
    assert overall.first is Grade.GOOD
    with pytest.raises(NotAllowed):
        moderation.record_second_rating(
            second_ctx, row.uuid, slots[0].question.id, None, rating="good"
        )

    agreed = moderation.agree(
        lead_ctx, row.uuid, {"overall": Grade.REQUIRES_IMPROVEMENT}, "Panel view."
    )
    assert agreed.status == "agreed"
    detail = audits.get_audit(ctx, first.uuid)
    assert detail.status is AuditStatus.MODERATED
    assert detail.final_grade is Grade.REQUIRES_IMPROVEMENT

    report = agreement_report(lead_ctx)
    assert report.moderations == 1
    assert report.ratings.pairs == len(slots)
    assert report.ratings.exact == len(slots) - len(differing)
    assert report.ratings.kappa is not None
    assert report.ratings.kappa < 1
    assert report.overall_grades.pairs == 1
    assert {line.key for line in report.questions} >= {slots[0].question.id}
    assert all(line.agreement.pairs > 0 for line in report.sections)


def test_agreement_requires_an_overall_grade(ctx: ServiceContext, lead_ctx: ServiceContext) -> None:
    _completed(ctx, "CE-50001", points=3)
    row = moderation.draw_sample(lead_ctx, percentage=100, seed=2).drawn[0]
    with pytest.raises(NotAllowed):
        moderation.agree(lead_ctx, row.uuid, {"overall": Grade.GOOD}, "")
    with pytest.raises(InvalidInput, match="overall"):
        moderation.agree(lead_ctx, row.uuid, {}, "")


def test_one_marker_for_several_audits_is_all_or_nothing(
    ctx: ServiceContext, lead_ctx: ServiceContext
) -> None:
    morgan_ctx = _second_marker(ctx)
    sams = [_completed(ctx, f"CE-6000{n}", points=3) for n in range(2)]
    morgans = [_completed(morgan_ctx, f"CE-6100{n}", points=3) for n in range(2)]
    drawn = moderation.draw_sample(lead_ctx, percentage=100, seed=7).drawn
    by_audit = {row.audit_uuid: row for row in drawn}
    everything = [by_audit[detail.uuid].uuid for detail in [*sams, *morgans]]
    trail_before = _trail_count(ctx)

    # Who could mark them: everyone, each with the chosen audits they worked on.
    choices = {c.name: c for c in moderation.second_marker_choices(lead_ctx, everything)}
    assert choices["Sam Practice"].worked_on == tuple(sorted(d.reference for d in sams))
    assert choices["Morgan Health"].worked_on == tuple(sorted(d.reference for d in morgans))
    assert choices["Quinn Lead"].can_mark_all

    # Sam worked on two of the four: nothing is assigned, and both are named.
    with pytest.raises(InvalidInput) as refused:
        moderation.assign_second_marker_to(lead_ctx, everything, ctx.actor.auditor_uuid)
    message = str(refused.value)
    assert message.startswith("Nothing was assigned.")
    first, second = sorted(detail.reference for detail in sams)
    assert f"worked on audits {first} and {second}, so cannot second-mark them" in message
    assert all(detail.reference not in message for detail in morgans)
    assert {row.status for row in moderation.list_moderations(lead_ctx)} == {"drawn"}
    assert _trail_count(ctx) == trail_before  # not a single audit half-changed

    # One of them submitted meanwhile: also named, also nothing assigned.
    submitted = by_audit[morgans[0].uuid].uuid
    moderation.assign_second_marker(lead_ctx, submitted, ctx.actor.auditor_uuid)
    _mark_everything(ctx, morgans[0], submitted)
    with pytest.raises(InvalidInput) as refused:
        moderation.assign_second_marker_to(lead_ctx, everything, lead_ctx.actor.auditor_uuid)
    assert f"Second marking of audit {morgans[0].reference} is already submitted" in str(
        refused.value
    )
    assert {row.second_marker for row in moderation.list_moderations(lead_ctx)} == {
        None,
        "Sam Practice",
    }

    # Someone independent of every one: all assigned, in one go.
    rest = [uuid for uuid in everything if uuid != submitted]
    rows = moderation.assign_second_marker_to(lead_ctx, rest, lead_ctx.actor.auditor_uuid)
    assert [row.uuid for row in rows] == rest
    assert {row.second_marker for row in rows} == {"Quinn Lead"}
    assert {row.status for row in rows} == {"assigned"}


def _trail_count(ctx: ServiceContext) -> int:
    import sqlite3

    with sqlite3.connect(ctx.db.path) as connection:
        return int(connection.execute("SELECT count(*) FROM change_trail").fetchone()[0])


def _mark_everything(ctx: ServiceContext, detail: AuditDetail, moderation_uuid: str) -> None:
    for slot in detail.index.slots(detail.blocks, detail.context):
        if slot.applies and slot.question.is_rated:
            block = slot.block.id if slot.block else None
            rating = option_with_points(detail, slot, 3)
            moderation.record_second_rating(
                ctx, moderation_uuid, slot.question.id, block, rating=rating
            )
    moderation.submit_second_marking(ctx, moderation_uuid)
