"""Nothing the window showed as saved is lost when its process is killed outright."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_killed_window_loses_nothing_it_showed_as_saved(tmp_path: Path) -> None:
    path = tmp_path / "window.sqlite"
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor_writer", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "AUDITDESK_HOME": str(tmp_path)},
    )
    assert worker.stdout is not None
    line = worker.stdout.readline()
    assert line.startswith("audit "), line
    audit_uuid = line.split()[1]
    events: list[tuple[str, str, str]] = []  # (clicked|saved, question, rating)
    while sum(1 for kind, *_ in events if kind == "saved") < 12:
        line = worker.stdout.readline()
        assert line, "the window stopped on its own"
        kind, question_id, rating = line.split()
        events.append((kind, question_id, rating))
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    for line in worker.stdout.read().splitlines():  # printed just before the kill
        kind, question_id, rating = line.split()
        events.append((kind, question_id, rating))
    worker.stdout.close()

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(
            connection.execute(
                "SELECT question_id, rating FROM answers "
                "JOIN audits ON audits.id = answers.audit_id WHERE audits.uuid = ?",
                (audit_uuid,),
            ).fetchall()
        )
    # A question holds the rating last shown as saved, or one clicked after that (saved,
    # but killed before the window could say so); never anything older.
    acknowledged = {q: i for i, (kind, q, _r) in enumerate(events) if kind == "saved"}
    assert len(acknowledged) >= 2
    for question_id, index in acknowledged.items():
        allowed = {events[index][2]} | {
            r for kind, q, r in events[index + 1 :] if kind == "clicked" and q == question_id
        }
        assert stored.get(question_id) in allowed, (question_id, stored.get(question_id), allowed)
