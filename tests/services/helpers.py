"""Filling audits in tests the way a practice champion would, question by question."""

from __future__ import annotations

from auditdesk.domain.template_index import Slot
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AuditDetail


def option_with_points(detail: AuditDetail, slot: Slot, points: int) -> str:
    scale = detail.index.scale_for(slot.question)
    assert scale is not None
    graded = [o for o in scale.options if o.points is not None]
    if not graded:
        return scale.options[0].code
    return min(graded, key=lambda o: abs((o.points or 0) - points)).code


def answer_everything(
    ctx: ServiceContext, detail: AuditDetail, points: int = 3, comment: str = "Seen and checked."
) -> None:
    """Rate every applicable question at ``points`` and write every written answer."""
    for slot in detail.index.slots(detail.blocks, detail.context):
        if not slot.applies:
            continue
        block = slot.block.id if slot.block else None
        if slot.question.is_rated:
            audits.record_answer(
                ctx,
                detail.uuid,
                slot.question.id,
                block,
                rating=option_with_points(detail, slot, points),
                comment=comment if points < 3 else "",
            )
        else:
            audits.record_answer(ctx, detail.uuid, slot.question.id, block, comment=comment)
