"""The message a person meets when the database is open elsewhere reads as a sentence:
who has it open, on which computer, and since when (written the one way dates are)."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from auditdesk.errors import DatabaseLocked
from auditdesk.store.lock import DatabaseLock, LockHolder
from tests.one_date_format import dates_written_otherwise


def test_a_held_database_says_who_has_it_open_where_and_since_when(tmp_path: Path) -> None:
    path = tmp_path / "t1.sqlite"
    with DatabaseLock(path, "Priya Shah"), pytest.raises(DatabaseLocked) as refused:
        DatabaseLock(path, "Sam Practice").acquire()
    message = str(refused.value)
    host = re.escape(socket.gethostname())
    assert re.match(
        rf"t1\.sqlite is open by Priya Shah on the computer {host} since "
        r"\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\. Only one AuditDesk can change a "
        r"database at a time: close it there first, or open a different database\.$",
        message,
    ), message
    assert dates_written_otherwise([message]) == []


def test_when_the_time_cannot_be_read_the_rest_is_still_said() -> None:
    assert LockHolder("Priya Shah", "vm", 42, "not a time").describe() == (
        "Priya Shah on the computer vm"
    )
    assert LockHolder("Priya Shah", "vm", 42, "2026-12-07T09:05:00").describe() == (
        "Priya Shah on the computer vm since 7 December 2026 at 09:05"
    )


def test_a_holder_who_left_no_details_is_another_auditdesk_window(tmp_path: Path) -> None:
    path = tmp_path / "t1.sqlite"
    holder = DatabaseLock(path, "Priya Shah")
    holder.acquire()
    try:
        (tmp_path / "t1.sqlite.lock").write_text("")  # its details lost, its OS lock held
        with pytest.raises(DatabaseLocked, match=r"^t1\.sqlite is open in another AuditDesk "):
            DatabaseLock(path, "Sam Practice").acquire()
    finally:
        holder.release()
