"""The log support reads (``logs/auditdesk.log`` in the AuditDesk folder): AuditDesk's own
account of each run, a native crash of the real window (killed here with SIGSEGV, as a
crash inside Qt would kill it) brought into the log at the next start and said once, and
no library chatter."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditdesk.services.kernel._workspace import open_workspace
from tests.small_disks import fill, small_disk
from tests.test_cli import give_profile, run_process

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _log(home: Path) -> str:
    path = home / "logs" / "auditdesk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _start_window(home: Path, database: Path) -> subprocess.Popen[str]:
    from auditdesk.domain.reference import Agency, Role
    from auditdesk.ui.preferences import Preferences

    Preferences(home / "preferences.ini").remember_profile(
        "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION
    )
    env = {**os.environ, "AUDITDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONFAULTHANDLER", None)  # AuditDesk turns it on itself, into its own file
    return subprocess.Popen(
        [sys.executable, "-m", "auditdesk", "--db", str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(home: Path, words: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while words not in _log(home):
        assert process.poll() is None, f"the window ended early: {process.communicate()}"
        assert time.monotonic() < deadline, f"never logged {words!r}: {_log(home)}"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_native_crash_of_the_window_is_in_the_log_and_said_at_the_next_start(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = tmp_path / "audits.sqlite"
    window = _start_window(home, database)
    _wait_for(home, "window open on", window)
    window.send_signal(signal.SIGSEGV)  # what a crash inside Qt or a C library does
    window.communicate(timeout=60)
    assert window.returncode == -signal.SIGSEGV

    # Python's own trace of the crash was written, though no Python code could run.
    crash_file = home / "logs" / "native-crash.log"
    assert "Segmentation fault" in crash_file.read_text(encoding="utf-8")

    # The next window says so, in the window (most people never see a terminal).
    again = _start_window(home, database)
    _wait_for(home, "told in the window: AuditDesk stopped unexpectedly", again)
    again.terminate()
    again.communicate(timeout=60)
    log = _log(home)
    assert "the previous run of AuditDesk stopped in a native crash" in log
    assert "Segmentation fault" in log
    assert "app.py" in log  # where it was: the window's event loop
    # Said once: the next start has nothing to report, and the crash file does not grow.
    for _ in range(3):
        later = run_process(home, "db", "check", "--db", database)
        assert "stopped unexpectedly" not in later.stderr
    assert crash_file.read_text(encoding="utf-8").count("--- AuditDesk") == 1


@pytest.mark.slow
def test_a_crash_seen_first_by_a_command_is_said_in_the_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = tmp_path / "audits.sqlite"
    window = _start_window(home, database)
    _wait_for(home, "window open on", window)
    window.send_signal(signal.SIGSEGV)
    window.communicate(timeout=60)
    first = run_process(home, "db", "check", "--db", database)
    assert "stopped unexpectedly the last time it ran" in first.stderr
    assert str(home / "logs" / "auditdesk.log") in first.stderr
    assert "stopped unexpectedly" not in run_process(home, "db", "check", "--db", database).stderr


def test_the_log_tells_what_was_done_without_library_chatter(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    give_profile(home)  # an export says who made it
    database = tmp_path / "demo.sqlite"
    assert run_process(home, "demo", "--db", database, "--audits", "20").returncode == 0
    out = tmp_path / "board.xlsx"
    assert run_process(home, "export", "board", "--db", database, "--xlsx", out).returncode == 0
    log = _log(home)
    assert "started: auditdesk demo" in log
    assert "created the database schema" in log
    assert "made 20 demo audits" in log
    assert f"exported {out}" in log
    # Alembic, SQLAlchemy, openpyxl and the like stay out unless they warn.
    chatter = [line for line in log.splitlines() if " INFO " in line and " auditdesk" not in line]
    assert chatter == []
    assert "Context impl" not in log
    assert "Will assume" not in log


def test_a_full_disk_under_the_data_folder_is_said_once_not_as_tracebacks(
    tmp_path: Path,
) -> None:
    """The log cannot be written: one line says so, the work goes on, and no Python
    "Logging error" traceback reaches the terminal (one came per line logged)."""
    database = tmp_path / "audits.sqlite"
    open_workspace(database).close()
    with small_disk(tmp_path / "full", 256) as disk:
        home = disk / "home"
        home.mkdir()
        give_profile(home, "Sam Practice")
        (home / "logs").mkdir()
        fill(disk, 0)
        result = run_process(
            home, "export", "board", "--db", database, "--xlsx", tmp_path / "B.xlsx"
        )
    assert result.returncode == 0, result.stderr
    assert "Logging error" not in result.stderr
    assert result.stderr.count("cannot be written") == 1, result.stderr
    assert (tmp_path / "B.xlsx").exists()
