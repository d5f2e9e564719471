"""Nothing acknowledged is lost when the process is killed (SIGKILL, no clean-up)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import get_profile
from auditdesk.services.kernel._workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def test_every_acknowledged_answer_survives_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite"
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.services.answer_writer", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert worker.stdout is not None
    audit_uuid = worker.stdout.readline().split()[1]
    acknowledged: dict[str, str] = {}
    # Kill it mid-stream, past the first round so answers are being overwritten.
    while "round 2" not in acknowledged.values():
        line = worker.stdout.readline()
        assert line, "the writer stopped on its own"
        _, question_id, comment = line.rstrip("\n").split(" ", 2)
        acknowledged[question_id] = comment
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    # Lines printed after our last read were acknowledged too; read what is left.
    for line in worker.stdout.read().splitlines():
        _, question_id, comment = line.split(" ", 2)
        acknowledged[question_id] = comment
    worker.stdout.close()

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = open_workspace(path)
    try:
        actor = get_profile(db)
        assert actor is not None
        detail = audits.get_audit(ServiceContext(db, actor), audit_uuid)
        for question_id, comment in acknowledged.items():
            answer = detail.answers[(question_id, None)]
            # The stored round is the acknowledged one, or a later one whose
            # acknowledgement the kill cut off; never an earlier one.
            stored_round = int(answer.comment.split()[1])
            assert stored_round >= int(comment.split()[1]), question_id
            assert answer.rating == "good"
    finally:
        db.close()
