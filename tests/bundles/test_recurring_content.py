"""Content that returns to an earlier state: a revision is its content *and* its place in
the record's lineage, so whatever order the bundles arrive in, the lead ends where the
auditor is (the exchange model found an action open -> in progress -> in progress -> open
ending at "in progress" when its bundles were imported newest first)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.domain.reference import ActionStatus, Agency, Role
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.bundles import ItemStatus, record_history
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.store.models import Action
from tests.bundles.exchange_model import laptop_from
from tests.bundles.helpers import Laptop, dump, install_quick_check, open_laptop
from tests.conftest import plan_subject

OPEN, IN_PROGRESS = ActionStatus.OPEN, ActionStatus.IN_PROGRESS


def _sent_statuses(auditor: Laptop, steps: list[list[ActionStatus]]) -> tuple[str, list[Path]]:
    """An action sent once as added, then once after each step's status changes."""
    install_quick_check(auditor)
    audit = audits.create_audit(
        auditor.ctx, template_id="quick-check", subject=plan_subject("CE-20003")
    )
    action = actions.add_action(
        auditor.ctx,
        audit.uuid,
        ActionInput("Outcomes too vague.", "Rewrite them", Agency.EDUCATION, "Plan writer",
                    date(2027, 1, 8)),
    )  # fmt: skip
    sent = [auditor.send_audits(audit.uuid, name="added")]
    for number, statuses in enumerate(steps):
        for status in statuses:
            actions.update_action(auditor.ctx, action.uuid, status=status)
        sent.append(auditor.send_audits(audit.uuid, name=f"step-{number}"))
    return action.uuid, sent


def _head(laptop: Laptop, action_uuid: str) -> tuple[str, ActionStatus]:
    (found,) = (
        a for a in actions.list_actions(laptop.ctx, actions.ActionFilter()).items
        if a.uuid == action_uuid
    )  # fmt: skip
    with laptop.db.read() as session:
        stored = session.scalar(select(Action.content_hash).where(Action.uuid == action_uuid))
    assert stored is not None
    return stored, found.status


@pytest.mark.parametrize(
    "steps",
    [
        # The exchange model's example: in progress (twice), then back to open.
        [[IN_PROGRESS, IN_PROGRESS], [OPEN]],
        # Round the loop twice: open, in progress, open, in progress.
        [[IN_PROGRESS], [OPEN], [IN_PROGRESS]],
    ],
    ids=["there-and-back", "round-twice"],
)
def test_any_order_of_arrival_ends_at_the_auditors_latest(
    tmp_path: Path, steps: list[list[ActionStatus]]
) -> None:
    auditor = open_laptop(tmp_path / "auditor", "Asha Auditor")
    try:
        action_uuid, sent = _sent_statuses(auditor, steps)
        latest = _head(auditor, action_uuid)
    finally:
        auditor.close()
    blank = tmp_path / "blank.sqlite"
    open_workspace(blank).close()  # migrated once, copied for each order (much quicker)
    for number, order in enumerate(itertools.permutations(range(len(sent)))):
        folder = tmp_path / f"lead-{number}"
        folder.mkdir()
        lead = laptop_from(blank, folder, "Quinn Lead", Role.QUALITY_LEAD)
        try:
            for index in order:
                result = lead.receive(sent[index])
                assert not result.preview.conflicts, order
            assert _head(lead, action_uuid) == latest, order
            # Every bundle again, in the same order, changes nothing now.
            before = dump(lead.path)
            for index in order:
                again = lead.receive(sent[index])
                assert {i.status for i in again.preview.items} == {ItemStatus.UNCHANGED}
            assert dump(lead.path) == before, order
        finally:
            lead.close()


def test_the_same_content_arriving_later_in_its_lineage_is_remembered(tmp_path: Path) -> None:
    """Open (sent), in progress (sent), open again (sent): the lead that has the first and
    then gets the third holds the same content, but now as the later revision, so the
    second arriving last is older, not an update."""
    auditor = open_laptop(tmp_path / "auditor", "Asha Auditor")
    lead = open_laptop(tmp_path / "lead", "Quinn Lead", role=Role.QUALITY_LEAD)
    try:
        action_uuid, (first, second, third) = _sent_statuses(auditor, [[IN_PROGRESS], [OPEN]])
        lead.receive(first)
        (same,) = lead.receive(third).preview.of(ItemStatus.UNCHANGED, "action")
        assert same.description.endswith(
            "Asha Auditor came back to it later (revision 3); importing records that, so "
            "older revisions arriving afterwards change nothing."
        )
        assert [(e.revision, e.origin) for e in record_history(lead.ctx, action_uuid)] == [
            (1, "received"),
            (3, "received"),
        ]
        late = lead.receive(second)
        assert late.preview.of(ItemStatus.UNCHANGED, "action")
        assert _head(lead, action_uuid) == _head(auditor, action_uuid)
        assert _head(lead, action_uuid)[1] is OPEN
    finally:
        auditor.close()
        lead.close()
