"""The services refuse, in plain words naming the field and its limit, anything a bundle
could not carry; and accept everything up to the limit. The limits are one set of numbers
(``auditdesk.domain.limits``) shared with the bundle format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from auditdesk.domain import limits
from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AnswerDocument,
    AuditHeader,
    AuditorDocument,
    BlockDocument,
    ChildDocument,
    ModerationDocument,
    SampleDocument,
    SettingDocument,
)
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import (
    EARLIEST_YEAR_GROUP,
    LATEST_YEAR_GROUP,
    Agency,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
)
from auditdesk.errors import InvalidInput
from auditdesk.services import moderation
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor, save_profile
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.services.kernel._subjects import add_setting
from tests.bundles.helpers import dump
from tests.conftest import FIXED_NOW, plan_subject
from tests.services.helpers import answer_everything, option_with_points


def over(limit: int) -> str:
    return "x" * (limit + 1)


def at(limit: int) -> str:
    return "é" * limit


def refused(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        call()
    assert str(caught.value) == message


def completed(ctx: ServiceContext, reference: str = "CE-10001") -> AuditDetail:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject(reference))
    answer_everything(ctx, detail)
    return audit_lifecycle.complete_audit(ctx, detail.uuid)


def a_setting(ctx: ServiceContext, name: str = "Crewe Green", locality: str = "Crewe") -> Any:
    return add_setting(
        ctx,
        name=name,
        urn=None,
        setting_type=SettingType.SPECIAL,
        phase=SettingPhase.ALL_THROUGH,
        locality=locality,
    )


def test_people(ctx: ServiceContext) -> None:
    refused(
        lambda: save_profile(ctx.db, over(120), Agency.HEALTH, Role.QUALITY_LEAD),
        "Your name is too long (120 characters at most).",
    )
    refused(
        lambda: add_auditor(ctx, over(120), Agency.HEALTH, Role.QUALITY_LEAD),
        "The auditor's name is too long (120 characters at most).",
    )
    assert add_auditor(ctx, at(120), Agency.HEALTH, Role.QUALITY_LEAD).name == at(120)


def test_settings_and_children(ctx: ServiceContext) -> None:
    refused(
        lambda: a_setting(ctx, name=over(200)),
        "The setting's name is too long (200 characters at most).",
    )
    refused(
        lambda: a_setting(ctx, locality=over(80)),
        "The locality is too long (80 characters at most).",
    )
    assert a_setting(ctx, name=at(200), locality=at(80)).name == at(200)
    refused(
        lambda: audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(locality=over(80))
        ),
        "The child's locality is too long (80 characters at most).",
    )
    refused(
        lambda: audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(year_group=15)
        ),
        "Year group 15 is not one AuditDesk knows: choose one from Early years (under 3) "
        "to Post-19.",
    )


def test_the_audit_team(ctx: ServiceContext) -> None:
    team = [
        audits.TeamMemberInput(f"Auditor {number}", Agency.EDUCATION)
        for number in range(limits.TEAM_SIZE + 1)
    ]
    refused(
        lambda: audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(), team=team
        ),
        "An audit team has at most 50 people; this one lists 51.",
    )
    detail = audits.create_audit(
        ctx, template_id="ehcp-quality", subject=plan_subject(), team=team[:-1]
    )
    assert len(detail.team) == limits.TEAM_SIZE


def test_answers_and_reasons(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    question = next(iter(detail.index.questions))
    for field in ("comment", "evidence"):
        refused(
            lambda field=field: audits.record_answer(
                ctx, detail.uuid, question, **{field: over(limits.ANSWER_TEXT)}
            ),
            f"The {field} is too long (20,000 characters at most).",
        )
    audits.record_answer(ctx, detail.uuid, question, comment=at(limits.ANSWER_TEXT))
    done = completed(ctx, "CE-10002")
    refused(
        lambda: audit_lifecycle.reopen_audit(ctx, done.uuid, over(limits.REASON)),
        "The reason for reopening the audit is too long (20,000 characters at most).",
    )
    refused(
        lambda: audit_lifecycle.override_grade(ctx, done.uuid, Grade.GOOD, over(limits.REASON)),
        "The reason for overriding the grade is too long (20,000 characters at most).",
    )
    audit_lifecycle.override_grade(ctx, done.uuid, Grade.GOOD, at(limits.REASON))


def test_blocks(ctx: ServiceContext) -> None:
    setting = a_setting(ctx)
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    child = audit_blocks.SampledChild("CE-20001", 5, PrimaryNeed.ASD)
    block = audit_blocks.add_block(ctx, visit.uuid, "child", sampled_child=child).block
    refused(
        lambda: audit_blocks.add_block(
            ctx, visit.uuid, "child.provision", parent_block_id=block.id, label=over(200)
        ),
        "A name for the provision line is too long (200 characters at most).",
    )
    line = audit_blocks.add_block(
        ctx, visit.uuid, "child.provision", parent_block_id=block.id, label=at(200)
    ).block
    refused(
        lambda: audit_blocks.rename_block(ctx, visit.uuid, line.id, over(200)),
        "A name is too long (200 characters at most).",
    )
    refused(
        lambda: audit_blocks.add_block(
            ctx, visit.uuid, "child.provision", parent_block_id=block.id, block_id="not/a/uuid"
        ),
        "That block cannot be put back: its identity is not one AuditDesk made.",
    )


def test_actions(ctx: ServiceContext) -> None:
    detail = completed(ctx)

    def action(**changes: Any) -> ActionInput:
        fields = {
            "finding": "Outcomes vague",
            "action": "Rewrite them",
            "owner_agency": Agency.HEALTH,
            "owner": "DCO",
            "due_date": date(2027, 1, 1),
        }
        return ActionInput(**(fields | changes))

    for field, words, limit in (
        ("finding", "The finding", limits.ACTION_TEXT),
        ("action", "What must be done", limits.ACTION_TEXT),
        ("owner", "Who owns the action", limits.PERSON_NAME),
    ):
        refused(
            lambda field=field, limit=limit: actions.add_action(
                ctx, detail.uuid, action(**{field: over(limit)})
            ),
            f"{words} is too long ({limit:,} characters at most).",
        )
    refused(
        lambda: actions.add_action(ctx, detail.uuid, action(block_id="no-such-block")),
        "That finding's block is no longer in this audit; refresh and retry.",
    )
    made = actions.add_action(ctx, detail.uuid, action(owner=at(120), action=at(4000)))
    refused(
        lambda: actions.update_action(ctx, made.uuid, owner=over(120)),
        "Who owns the action is too long (120 characters at most).",
    )
    refused(
        lambda: actions.update_action(ctx, made.uuid, action=over(4000)),
        "What must be done is too long (4,000 characters at most).",
    )


def test_moderation(ctx: ServiceContext, lead_ctx: ServiceContext) -> None:
    detail = completed(ctx)
    refused(
        lambda: moderation.draw_sample(lead_ctx, percentage=100, name=over(limits.SAMPLE_NAME)),
        "The sample's name is too long (200 characters at most).",
    )
    sample = moderation.draw_sample(lead_ctx, percentage=100, name=at(limits.SAMPLE_NAME))
    assert sample.name == at(limits.SAMPLE_NAME)
    person = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    marker = ServiceContext(
        ctx.db, Actor(person.name, person.agency, person.role, person.uuid), clock=lambda: FIXED_NOW
    )
    row = sample.drawn[0]
    moderation.assign_second_marker(lead_ctx, row.uuid, person.uuid)
    rated = [
        slot
        for slot in detail.index.slots(detail.blocks, detail.context)
        if slot.applies and slot.question.is_rated
    ]
    refused(
        lambda: moderation.record_second_rating(
            marker, row.uuid, rated[0].question.id, None, rating=None, comment=over(20_000)
        ),
        "The second marker's comment is too long (20,000 characters at most).",
    )
    for slot in rated:
        rating = option_with_points(detail, slot, 3)
        moderation.record_second_rating(
            marker, row.uuid, slot.question.id, None, rating=rating, comment=at(20_000)
        )
    moderation.submit_second_marking(marker, row.uuid)
    overall = {moderation.OVERALL: Grade.GOOD}
    refused(
        lambda: moderation.agree(lead_ctx, row.uuid, overall, over(20_000)),
        "The agreement note is too long (20,000 characters at most).",
    )
    assert moderation.agree(lead_ctx, row.uuid, overall, at(20_000)).notes == at(20_000)


# -- one set of numbers ---------------------------------------------------------------------
def max_length(model: Any, field: str) -> int:
    """The longest text the bundle format takes in ``field`` (a value or ``None``)."""
    schema = model.model_json_schema()["properties"][field]
    (length,) = {
        choice["maxLength"] for choice in schema.get("anyOf", [schema]) if "maxLength" in choice
    }
    return int(length)


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (AuditorDocument, "name", limits.PERSON_NAME),
        (SettingDocument, "name", limits.SETTING_NAME),
        (SettingDocument, "locality", limits.LOCALITY),
        (ChildDocument, "locality", limits.LOCALITY),
        (BlockDocument, "label", limits.BLOCK_LABEL),
        (AnswerDocument, "comment", limits.ANSWER_TEXT),
        (AnswerDocument, "evidence", limits.ANSWER_TEXT),
        (AuditHeader, "override_reason", limits.REASON),
        (ActionDocument, "finding", limits.ACTION_TEXT),
        (ActionDocument, "action", limits.ACTION_TEXT),
        (ActionDocument, "owner", limits.PERSON_NAME),
        (SampleDocument, "name", limits.SAMPLE_NAME),
        (ModerationDocument, "notes", limits.MODERATION_NOTES),
        (ModerationDocument, "assigned_by", limits.PERSON_NAME),
    ],
)
def test_the_bundle_format_carries_what_the_services_accept(
    model: Any, field: str, limit: int
) -> None:
    assert max_length(model, field) == limit


def test_the_year_groups_the_services_allow_all_travel() -> None:
    assert limits.LOWEST_YEAR_GROUP <= EARLIEST_YEAR_GROUP <= LATEST_YEAR_GROUP
    assert LATEST_YEAR_GROUP <= limits.HIGHEST_YEAR_GROUP


# -- days: one range for every day a person gives, the range a bundle carries -------------------
OUTSIDE = (date(1, 1, 1), date(1999, 12, 31), date(2100, 1, 1), date(9999, 12, 31))


def _refused_for_its_day(attempt: Callable[[], Any], dump_before: list[str], db_path: Any) -> None:
    with pytest.raises(InvalidInput, match=f"from {limits.DAY_RANGE}"):
        attempt()
    assert dump(db_path) == dump_before


@pytest.mark.parametrize("day", OUTSIDE)
def test_days_outside_the_range_are_refused_everywhere_a_person_gives_one(
    ctx: ServiceContext, lead_ctx: ServiceContext, db_path: Any, day: date
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    before = dump(db_path)
    action = ActionInput(
        finding="Health advice is out of date.",
        action="Ask for new advice",
        owner_agency=Agency.HEALTH,
        owner="Designated clinical officer",
        due_date=date(2026, 10, 1),
    )
    attempts: list[Callable[[], Any]] = [
        lambda: actions.add_action(ctx, detail.uuid, replace(action, due_date=day)),
        lambda: actions.add_action(
            ctx, detail.uuid, replace(action, due_date=date(2000, 1, 1), re_audit_date=day)
        ),
        lambda: moderation.draw_sample(lead_ctx, percentage=10, period_from=day),
        lambda: moderation.draw_sample(lead_ctx, percentage=10, period_to=day),
        lambda: audits.create_audit(
            ctx,
            template_id="ehcp-quality",
            subject=replace(plan_subject("CE-10002"), plan_issue_date=day),
        ),
    ]
    if day < ctx.today():
        attempts.append(
            lambda: audits.create_audit(
                ctx, template_id="ehcp-quality", subject=plan_subject("CE-10003"), audit_date=day
            )
        )
    for attempt in attempts:
        _refused_for_its_day(attempt, before, db_path)


def test_the_first_and_last_days_of_the_range_are_accepted(ctx: ServiceContext) -> None:
    detail = audits.create_audit(
        ctx,
        template_id="ehcp-quality",
        subject=replace(plan_subject(), plan_issue_date=limits.EARLIEST_DAY),
        audit_date=limits.EARLIEST_DAY,
    )
    added = actions.add_action(
        ctx,
        detail.uuid,
        ActionInput(
            finding="Outcomes are not measurable.",
            action="Rewrite the outcomes",
            owner_agency=Agency.EDUCATION,
            owner="SEN officer",
            due_date=limits.EARLIEST_DAY,
            re_audit_date=limits.LATEST_DAY,
        ),
    )
    assert added.re_audit_date == limits.LATEST_DAY
