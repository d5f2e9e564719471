"""Anything the services accept travels: people, places and records at their limits
(names, agencies and roles, teams up to the largest, settings, URNs, child references, every
year group, need and plan stage, any issue and audit date, reasons for reopening and
overriding, actions with the extreme dates and longest texts, a moderation sample marked
blind, agreed and signed off) are sent, and a fresh laptop imports them without a word of
complaint and ends up with exactly the same documents. Every shipped template answered to
the limits: test_anything_accepted_travels.py; the filling in: tests/bundles/travelling.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, TemplateKind
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._records import AuditDetail
from tests.bundles import extremes
from tests.bundles.travelling import (
    a_setting,
    act_on,
    answer_all,
    examples,
    moderate,
    on_team,
    plan_subject,
    send_and_receive,
    team_of,
)


@pytest.mark.slow
@examples(12)
@given(data=st.data())
def test_people_places_reasons_actions_and_moderation_at_the_limits_travel(
    laptops: Any, data: st.DataObject
) -> None:
    name = data.draw(extremes.person_names, label="sender")
    sender, receiver = laptops(name, data.draw(st.sampled_from(Agency), label="agency"))
    setting = a_setting(data, sender)
    made: list[AuditDetail] = []
    people: set[tuple[str, Agency]] = set()
    for _ in range(2):
        team = team_of(data)
        people |= on_team(sender, team)
        detail = audits.create_audit(
            sender,
            template_id="quick-check",
            subject=plan_subject(data, TemplateKind.EHCP_AUDIT, setting.uuid),
            team=team,
            audit_date=data.draw(extremes.audit_days, label="audit date"),
        )
        made.append(answer_all(data, sender, detail.uuid))
    first, second = made
    audit_lifecycle.reopen_audit(sender, first.uuid, data.draw(extremes.reasons(), label="why"))
    grade = data.draw(st.sampled_from(Grade), label="override")
    audit_lifecycle.override_grade(sender, first.uuid, grade, data.draw(extremes.reasons()))
    audit_lifecycle.complete_audit(sender, first.uuid)
    act_on(data, sender, first)
    act_on(data, sender, second)
    moderate(data, sender, people)
    send_and_receive(sender, receiver, made, sender.db.path.parent)
