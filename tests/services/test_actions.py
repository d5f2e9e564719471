"""Actions close the loop: owner agency, due date, status, overdue."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionFilter, ActionInput
from auditdesk.services.kernel._context import ServiceContext
from tests.conftest import plan_subject


def test_actions_are_added_updated_and_found_by_agency_and_overdue(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    late = actions.add_action(
        ctx,
        detail.uuid,
        ActionInput(
            finding="Health advice is 18 months old.",
            action="Request updated advice from the community paediatrician",
            owner_agency=Agency.HEALTH,
            owner="Designated clinical officer",
            due_date=date(2026, 10, 1),
            re_audit_date=date(2027, 1, 15),
            question_id="ctx.advice_recent",
        ),
    )
    assert late.overdue
    assert late.status is ActionStatus.OPEN
    soon = actions.add_action(
        ctx,
        detail.uuid,
        ActionInput(
            "Outcomes not SMART.",
            "Rewrite Section E",
            Agency.EDUCATION,
            "Plan writer",
            date(2026, 12, 15),
        ),
    )
    assert not soon.overdue
    overdue = actions.list_actions(ctx, ActionFilter(overdue_only=True))
    assert [a.uuid for a in overdue.items] == [late.uuid]
    health = actions.list_actions(ctx, ActionFilter(owner_agencies=(Agency.HEALTH,)))
    assert health.total == 1
    done = actions.update_action(ctx, late.uuid, status=ActionStatus.DONE)
    assert done.completed_on == date(2026, 11, 20)
    assert not done.overdue
    assert actions.list_actions(ctx, ActionFilter(overdue_only=True)).total == 0
    trail = audit_lifecycle.audit_trail(ctx, detail.uuid)
    assert any(e.field == "action status" and e.new_value == "done" for e in trail)
    assert len(audits.get_audit(ctx, detail.uuid).actions) == 2


def test_an_action_needs_what_who_and_a_sensible_re_audit_date(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    with pytest.raises(InvalidInput, match="what must be done"):
        actions.add_action(
            ctx, detail.uuid, ActionInput("x", " ", Agency.HEALTH, "DCO", date(2027, 1, 1))
        )
    with pytest.raises(InvalidInput, match="re-audit"):
        actions.add_action(
            ctx,
            detail.uuid,
            ActionInput(
                "x", "y", Agency.HEALTH, "DCO", date(2027, 1, 1), re_audit_date=date(2026, 12, 1)
            ),
        )
