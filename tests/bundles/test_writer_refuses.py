"""A record the bundle format refuses is never sent: the writer checks every member against
the reader's own models, and says plainly that AuditDesk could not write the bundle because
of a fault in AuditDesk, naming the record; the details go to the log; no file is left and
nothing is recorded as sent.

The services refuse such values, so each is written here straight into SQLite (as a fault,
an older version or another program might have).
"""

from __future__ import annotations

import logging
import random
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain import limits
from auditdesk.domain.bundle_format import BundleLimits, TemplateMember
from auditdesk.domain.reference import Agency
from auditdesk.errors import BundleNotWritten
from auditdesk.services import moderation
from auditdesk.services.audits._actions import ActionInput, add_action
from auditdesk.services.bundles._outgoing import MemberCheck
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import Laptop, completed_audit, files_in

Change = Callable[[sqlite3.Connection], None]


def sql(statement: str, *values: object) -> Change:
    def change(connection: sqlite3.Connection) -> None:
        connection.execute(statement, values)

    return change


TOO_LONG_NAME = "N" * (limits.PERSON_NAME + 1)


@pytest.mark.logs_errors
@pytest.mark.parametrize(
    ("change", "record", "detail"),
    [
        (
            sql("UPDATE moderation_samples SET seed = ?", 2**31),
            "the moderation sample 'Spring moderation'",
            "seed: Input should be less than or equal to 2147483647",
        ),
        (
            sql(
                "INSERT INTO change_trail (at, actor, device, audit_uuid, record_type, "
                "record_uuid, field) SELECT at, actor, device, audit_uuid, record_type, "
                "record_uuid, ? FROM change_trail LIMIT 1",
                "f" * (limits.TRAIL_FIELD + 1),
            ),
            "the change history of audit AD-",
            "field: String should have at most 1000 characters",
        ),
    ],
    ids=["sample seed", "trail entry"],
)
def test_a_record_the_format_refuses_is_never_sent(
    auditor: Laptop,
    caplog: pytest.LogCaptureFixture,
    change: Change,
    record: str,
    detail: str,
) -> None:
    audit = completed_audit(auditor, "CE-10001")
    add_action(
        auditor.ctx,
        audit.uuid,
        ActionInput("Finding", "Do it", Agency.HEALTH, "Owner", date(2027, 1, 1)),
    )
    moderation.draw_sample(auditor.ctx, percentage=100, seed=1, name="Spring moderation")
    with closing(sqlite3.connect(auditor.path)) as connection, connection:
        change(connection)
    before = auditor.dump()

    with pytest.raises(BundleNotWritten) as refused:
        auditor.send_audits(audit.uuid, name="faulty")

    message = str(refused.value)
    assert message.startswith(
        "AuditDesk could not write faulty.auditdesk because of a fault in AuditDesk: "
    ), message
    assert record in message
    assert "does not match the bundle format, so no AuditDesk could import it." in message
    assert "Nothing was sent and no file was written." in message
    assert "The details are in AuditDesk's log (" in message
    assert detail not in message  # the person is spared pydantic's words; support gets them
    assert list(files_in(auditor.outbox)) == []  # not the bundle, nor a half-written one
    assert auditor.dump() == before  # nothing sealed, nothing recorded as sent
    (logged,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "could not write the bundle faulty.auditdesk" in logged.getMessage()
    assert detail in logged.getMessage()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            sql("UPDATE auditors SET name = ?", TOO_LONG_NAME),
            "the auditor's name is 121 characters long, and AuditDesk now keeps at most 120",
        ),
        (
            sql("UPDATE answers SET comment = ?", "c" * (limits.ANSWER_TEXT + 1)),
            "is 20,001 characters long, and AuditDesk now keeps at most 20,000",
        ),
        (
            sql("UPDATE actions SET owner = ?", TOO_LONG_NAME),
            "who owns the action is 121 characters long, and AuditDesk now keeps at most 120",
        ),
    ],
    ids=["auditor name", "answer comment", "action owner"],
)
def test_text_saved_before_the_limits_is_named_for_the_person_to_shorten(
    auditor: Laptop, caplog: pytest.LogCaptureFixture, change: Change, said: str
) -> None:
    """Not a fault of AuditDesk's: text an older version saved, longer than a bundle now
    carries. The person is told what to shorten; nothing is written."""
    audit = completed_audit(auditor, "CE-10001")
    add_action(
        auditor.ctx,
        audit.uuid,
        ActionInput("Finding", "Do it", Agency.HEALTH, "Owner", date(2027, 1, 1)),
    )
    with closing(sqlite3.connect(auditor.path)) as connection, connection:
        change(connection)
    before = auditor.dump()

    with pytest.raises(BundleNotWritten) as refused:
        auditor.send_audits(audit.uuid, name="older")

    message = str(refused.value)
    assert "was saved by an older version of AuditDesk with more text than it now keeps" in message
    assert said in message
    assert message.endswith(
        "to fit, save, then try again. Nothing was sent and no file was written."
    ), message
    assert len(message) < 1_000  # however many answers hold too much
    assert "fault" not in message
    assert list(files_in(auditor.outbox)) == []
    assert auditor.dump() == before
    assert [r.levelno for r in caplog.records if r.levelno >= logging.WARNING] == [logging.WARNING]


@pytest.mark.logs_errors
def test_a_device_id_the_format_refuses_is_never_sent(auditor: Laptop) -> None:
    audit = completed_audit(auditor, "CE-10001")
    auditor.db.close()
    with closing(sqlite3.connect(auditor.path)) as connection, connection:
        connection.execute("UPDATE app_state SET value = ? WHERE key = 'device_id'", ("d" * 65,))
    auditor.db = open_workspace(auditor.path)
    auditor.ctx = ServiceContext(auditor.db, auditor.ctx.actor, clock=auditor.ctx.clock)
    with pytest.raises(BundleNotWritten, match="the device id of this laptop does not match"):
        auditor.send_audits(audit.uuid, name="faulty")
    assert list(files_in(auditor.outbox)) == []


# -- how each member is packed -------------------------------------------------------------
def test_a_member_a_reader_would_take_for_a_zip_bomb_is_stored_unpacked() -> None:
    check = MemberCheck(Path("out.auditdesk"))
    assert check.compression(b"a" * 1_000) == zipfile.ZIP_DEFLATED  # small: never a bomb
    assert check.compression(b"a" * 2_000_000) == zipfile.ZIP_STORED  # shrinks ~1,000 times
    varied = random.Random(1).randbytes(1_200_000)  # large, but barely shrinks
    assert check.compression(varied) == zipfile.ZIP_DEFLATED


def template_member(text: str) -> TemplateMember:
    return TemplateMember(
        format="auditdesk.bundle.template/1",
        template_id="big",
        version=1,
        sha256="0" * 64,
        definition={"text": text},
    )


def test_a_member_larger_than_a_reader_takes_is_never_written(
    caplog: pytest.LogCaptureFixture,
) -> None:
    check = MemberCheck(Path("out.auditdesk"), BundleLimits(max_member_bytes=1_000_000))
    with pytest.raises(BundleNotWritten) as refused:
        check.template(template_member("x" * 1_500_000), "Big template")
    assert str(refused.value) == (
        "AuditDesk cannot send the template 'Big template' version 1: it comes to 1.5 MB, "
        "more than the 1 MB one part of a bundle may hold. Nothing was sent and no file was "
        "written."
    )
    assert "did not write the bundle out.auditdesk" in caplog.text


def test_a_bundle_larger_than_a_reader_takes_is_never_written() -> None:
    check = MemberCheck(Path("out.auditdesk"), BundleLimits(max_total_bytes=2_000_000))
    check.template(template_member("x" * 900_000), "First")
    check.template(template_member("x" * 900_000), "Second")
    with pytest.raises(BundleNotWritten, match="more than the 2 MB a bundle may hold: send them"):
        check.template(template_member("x" * 900_000), "Third")
