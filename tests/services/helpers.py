"""Filling audits in tests the way a practice champion would: every applicable question
rated and every written answer written.

``answer_everything`` records them in one unit of work (tests/services/bulk_answers.py),
which leaves the database as ``answer_everything_one_by_one`` does, calling the service
once per question (checked by tests/services/test_bulk_answers.py)."""

from __future__ import annotations

from auditdesk.domain.template_index import Slot
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AuditDetail
from tests.conftest import plan_subject
from tests.services.bulk_answers import Given, record_answers


def option_with_points(detail: AuditDetail, slot: Slot, points: int) -> str:
    scale = detail.index.scale_for(slot.question)
    assert scale is not None
    graded = [o for o in scale.options if o.points is not None]
    if not graded:
        return scale.options[0].code
    return min(graded, key=lambda o: abs((o.points or 0) - points)).code


def everything_answered(
    detail: AuditDetail, points: int = 3, comment: str = "Seen and checked."
) -> list[Given]:
    """Every applicable question rated at ``points`` (with ``comment`` below 3 points), and
    every written answer written (``comment``), in the order the audit shows them."""
    given = []
    for slot in detail.index.slots(detail.blocks, detail.context):
        if not slot.applies:
            continue
        block = slot.block.id if slot.block else None
        if slot.question.is_rated:
            rating = option_with_points(detail, slot, points)
            remark = comment if points < 3 else ""
            given.append(Given(slot.question.id, block, rating=rating, comment=remark))
        else:
            given.append(Given(slot.question.id, block, comment=comment))
    return given


def answer_everything(
    ctx: ServiceContext, detail: AuditDetail, points: int = 3, comment: str = "Seen and checked."
) -> None:
    """Rate every applicable question at ``points`` and write every written answer."""
    record_answers(ctx, detail.uuid, everything_answered(detail, points, comment))


def completed_audit(ctx: ServiceContext, points: int = 3) -> AuditDetail:
    """A new EHCP quality audit of a plan, every question answered at ``points``, completed
    (what tests of moderation, actions and reopening start from)."""
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(ctx, detail, points=points)
    return audit_lifecycle.complete_audit(ctx, detail.uuid)


def answer_everything_one_by_one(
    ctx: ServiceContext, detail: AuditDetail, points: int = 3, comment: str = "Seen and checked."
) -> None:
    """The same answers, each saved by the service as the editor saves it."""
    for given in everything_answered(detail, points, comment):
        if given.rating is None:
            audits.record_answer(
                ctx, detail.uuid, given.question_id, given.block_id, comment=given.comment or ""
            )
        else:
            audits.record_answer(
                ctx,
                detail.uuid,
                given.question_id,
                given.block_id,
                rating=given.rating,
                comment=given.comment or "",
            )
