"""A demo audit's actions: each arises from one of its findings, with that finding's
action text, owning agency and role, and a due date; owners are roles at the setting or
invented people in council and health posts (demo data never names a real person).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from auditdesk.domain.record_documents import action_document, document_hash
from auditdesk.services.demo._phrasebook import names_and_places as phrases
from auditdesk.services.demo._phrasebook.kit import Finding
from auditdesk.services.demo._rows import Ids, Row
from auditdesk.services.demo._summaries import Noted
from auditdesk.store.models import Action

# Roles held at the setting: the owner is the post there, not a named person.
SETTING_ROLES = frozenset(
    {"SENCO", "Headteacher", "SEND governor", "Careers adviser", "Attendance officer"}
)
# Posts a council usually has one of; other roles are shared by a few people.
SINGLE_POSTS = frozenset(
    {
        "Designated clinical officer",
        "Designated social care officer",
        "Principal educational psychologist",
        "Parent Carer Forum lead",
        "SEN team manager",
        "Children-with-disabilities team manager",
        "Sensory support team manager",
        "Post-16 SEN officer",
        "Personal budgets officer",
    }
)
OWNER_MAX = 120  # the owner column's length


@dataclass(frozen=True)
class PlannedAction:
    noted: Noted
    finding: Finding
    owner: str
    due: date


class Roster:
    """Invented names for council and health posts, the same people all through the demo."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._names: dict[str, list[str]] = {}

    def owner(self, role: str, setting_name: str) -> str:
        if role in SETTING_ROLES:
            return f"{role}, {setting_name}"[:OWNER_MAX]
        names = self._names.get(role)
        if names is None:
            count = 1 if role in SINGLE_POSTS else 3
            names = self._names[role] = [self._name() for _ in range(count)]
        return f"{self.rng.choice(names)} ({role})"

    def _name(self) -> str:
        return f"{self.rng.choice(phrases.FIRST_NAMES)} {self.rng.choice(phrases.SURNAMES)}"


def plan_actions(
    rng: random.Random, roster: Roster, findings: Sequence[Noted], day: date, setting_name: str
) -> list[PlannedAction]:
    """One to three actions from the most serious findings (``findings`` as
    :func:`summaries.weakest_first` orders them), each action once."""
    planned: list[PlannedAction] = []
    seen: set[str] = set()
    wanted = rng.randint(1, 3)
    for item in findings:
        finding = item.finding
        if finding is None or finding.action in seen:
            continue
        seen.add(finding.action)
        due = day + timedelta(weeks=rng.randint(4, 12))
        planned.append(PlannedAction(item, finding, roster.owner(finding.owner, setting_name), due))
        if len(planned) == wanted:
            break
    return planned


def action_rows(
    rng: random.Random,
    ids: Ids,
    planned: Sequence[PlannedAction],
    *,
    audit: tuple[int, str],
    when: datetime,
    as_of: date,
) -> list[Row]:
    """The tracked actions, as the services would store them (``audit`` is id and uuid)."""
    rows: list[Row] = []
    for item in planned:
        due = item.due
        if due < as_of:
            status = "done" if rng.random() < 0.75 else rng.choice(("open", "in_progress"))
        else:
            status = rng.choice(("open", "open", "in_progress"))
        finding = item.finding
        row: Row = {
            "id": ids.next(Action),
            "audit_id": audit[0],
            "question_id": item.noted.question.id,
            "block_id": item.noted.block_id,
            "finding": finding.comment,
            "action": finding.action,
            "owner_agency": finding.agency.value,
            "owner": item.owner,
            "due_date": due,
            "status": status,
            "re_audit_date": due + timedelta(weeks=8),
            "completed_on": min(due, as_of) if status == "done" else None,
        } | ids.travelling(when)
        row["content_hash"] = document_hash(
            action_document(
                row["uuid"],
                audit[1],
                question_id=row["question_id"],
                block_uuid=item.noted.block_uuid,
                finding=row["finding"],
                action=row["action"],
                owner_agency=row["owner_agency"],
                owner=row["owner"],
                due_date=due,
                status=status,
                re_audit_date=row["re_audit_date"],
                completed_on=row["completed_on"],
            )
        )
        rows.append(row)
    return rows
