"""Text an older AuditDesk saved before the limits (``auditdesk.domain.limits``), longer
than is kept now: editing the record says, in plain words, which field, how long it may be
and to shorten it (not a crash and a bug report), logs it for support, and changes nothing;
once shortened, the record saves and travels again."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain import limits
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.errors import StoredTextTooLong, UserError
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.kernel._context import ServiceContext
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything


def saved_by_an_older_version(path: Path, statement: str, *values: object) -> list[str]:
    """Write a row straight into the file, as an older AuditDesk did; the database after."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(statement, values)
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def warnings_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_an_action_owner_longer_than_is_kept_now(
    ctx: ServiceContext, caplog: pytest.LogCaptureFixture
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    made = actions.add_action(
        ctx,
        detail.uuid,
        ActionInput("Outcomes vague.", "Rewrite them", Agency.EDUCATION, "Plan writer",
                    date(2027, 1, 8)),
    )  # fmt: skip
    owner = "O" * (limits.PERSON_NAME + 30)
    before = saved_by_an_older_version(
        ctx.db.path, "UPDATE actions SET owner = ? WHERE uuid = ?", owner, made.uuid
    )

    with pytest.raises(StoredTextTooLong) as refused:
        actions.update_action(ctx, made.uuid, status=ActionStatus.DONE)

    assert isinstance(refused.value, UserError)  # the window's message bar, not a crash
    assert str(refused.value) == (
        "The action 'Rewrite them' was saved by an older version of AuditDesk with more "
        "text than it now keeps: who owns the action is 150 characters long, and AuditDesk "
        "now keeps at most 120. Shorten it to fit, save, then try again."
    )
    assert refused.value.fields == (("who owns the action", 150, 120),)
    assert dump(ctx.db.path) == before
    (logged,) = warnings_logged(caplog)
    assert f"the action {made.uuid} holds text saved before the current limits" in logged
    assert "owner: String should have at most 120 characters" in logged

    # Shortened, as the message asks: the change goes in.
    done = actions.update_action(ctx, made.uuid, status=ActionStatus.DONE, owner="Plan writer")
    assert (done.status, done.owner) == (ActionStatus.DONE, "Plan writer")


def test_an_override_reason_longer_than_is_kept_now(
    ctx: ServiceContext, caplog: pytest.LogCaptureFixture
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(ctx, detail)
    audit_lifecycle.override_grade(ctx, detail.uuid, Grade.GOOD, "Seen at panel.")
    before = saved_by_an_older_version(
        ctx.db.path,
        "UPDATE audits SET override_reason = ? WHERE uuid = ?",
        "r" * (limits.REASON + 1),
        detail.uuid,
    )
    question = next(
        s.question.id for s in detail.index.slots(detail.blocks, detail.context) if s.applies
    )

    with pytest.raises(StoredTextTooLong) as refused:
        audits.record_answer(ctx, detail.uuid, question, comment="Checked with the family.")

    message = str(refused.value)
    assert message.startswith(f"The audit {detail.reference} was saved by an older version")
    assert (
        "the reason for overriding the grade is 20,001 characters long, and AuditDesk now "
        "keeps at most 20,000. Shorten it to fit, save, then try again." in message
    )
    assert dump(ctx.db.path) == before
    assert len(warnings_logged(caplog)) == 1

    audit_lifecycle.override_grade(ctx, detail.uuid, Grade.GOOD, "Seen at panel again.")
    audits.record_answer(ctx, detail.uuid, question, comment="Checked with the family.")
    assert audits.get_audit(ctx, detail.uuid).override_reason == "Seen at panel again."


def test_two_overlong_comments_are_both_named_with_their_questions(
    ctx: ServiceContext,
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    applies = [
        s.question.id for s in detail.index.slots(detail.blocks, detail.context) if s.applies
    ]
    first, second, third = applies[:3]
    for question in (first, second):
        audits.record_answer(ctx, detail.uuid, question, comment="Short.")
    saved_by_an_older_version(
        ctx.db.path, "UPDATE answers SET comment = ?", "c" * (limits.ANSWER_TEXT + 5)
    )
    with pytest.raises(StoredTextTooLong) as refused:
        audits.record_answer(ctx, detail.uuid, third, comment="Fine.")
    assert {field for field, _, _ in refused.value.fields} == {
        f"a comment (question {first})",
        f"a comment (question {second})",
    }
    assert "Shorten them to fit, save, then try again." in str(refused.value)


def test_a_message_names_a_few_overlong_fields_and_counts_the_rest(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(ctx, detail)
    answers = audits.get_audit(ctx, detail.uuid).answers
    answered = len(answers)
    saved_by_an_older_version(
        ctx.db.path, "UPDATE answers SET evidence = ?", "e" * (limits.ANSWER_TEXT + 1)
    )
    with pytest.raises(StoredTextTooLong) as refused:
        audits.record_answer(ctx, detail.uuid, next(iter(answers))[0], comment="New.")
    assert len(refused.value.fields) == answered
    message = str(refused.value)
    assert message.count("the evidence (question ") == 3
    assert f"; and {answered - 3:,} more like these. Shorten them to fit" in message
