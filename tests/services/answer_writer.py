"""Run as a separate process by test_killed_process: records answers one by one and
prints "saved <question id>" only after each service call has returned (the moment the
window would show "Saved"), until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._workspace import open_workspace


def main(path: Path) -> None:
    db = open_workspace(path)
    ctx = ServiceContext(
        db, save_profile(db, "Kim Writer", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    )
    detail = audits.create_audit(
        ctx,
        template_id="ehcp-quality",
        subject=audits.ChildPlanSubject(
            "CE-77001", 10, PrimaryNeed.ASD, PlanStage.NEW_PLAN, "Crewe"
        ),
    )
    print(f"audit {detail.uuid}", flush=True)
    rated = [
        slot.question.id
        for slot in detail.index.slots(detail.blocks, detail.context)
        if slot.applies and slot.question.is_rated and slot.question.scale == "ofsted"
    ]
    round_number = 0
    while True:  # until killed
        round_number += 1
        for question_id in rated:
            comment = f"round {round_number}"
            audits.record_answer(ctx, detail.uuid, question_id, rating="good", comment=comment)
            print(f"saved {question_id} {comment}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
