"""Filters on a large demo database, and opening databases that must be refused: held by
another process (and not held any more once that process is killed), damaged, newer."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus, Phase
from auditdesk.services.audits._listing import AuditFilter, count_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.app import AppController
from auditdesk.ui.main_window import MainWindow
from tests.ui.scripted_dialogs import ScriptedDialogs

LARGE = 5000


@pytest.fixture(scope="module")
def large_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.sqlite"
    db = open_workspace(path)
    generate_demo(db, DemoOptions(LARGE, seed=21, as_of=date(2026, 11, 20)))
    db.close()
    return path


@pytest.mark.slow
def test_filters_on_a_large_demo_database(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], large_demo: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "large.sqlite"
    shutil.copy(large_demo, copy)
    window = open_window(copy)
    bar, model = window.audit_list.filters, window.audit_model
    assert model.total == LARGE
    ctx = window.session.ctx

    bar.status.setCurrentIndex(bar.status.findData(AuditStatus.SIGNED_OFF))
    assert model.total == count_audits(ctx, AuditFilter(statuses=(AuditStatus.SIGNED_OFF,)))
    bar.grade.setCurrentIndex(bar.grade.findData(Grade.GOOD))
    both = AuditFilter(statuses=(AuditStatus.SIGNED_OFF,), grades=(Grade.GOOD,))
    assert model.total == count_audits(ctx, both) > 0
    bar.phase.setCurrentIndex(bar.phase.findData(Phase.KS2))
    assert model.total == count_audits(ctx, AuditFilter(
        statuses=(AuditStatus.SIGNED_OFF,), grades=(Grade.GOOD,), phases=(Phase.KS2,)))  # fmt: skip
    assert all(model.row_at(r).status is AuditStatus.SIGNED_OFF for r in range(model.rowCount()))
    bar.period.setCurrentIndex(1)  # this term
    period = bar.period.currentData()
    assert all(
        period.start <= model.row_at(r).audit_date <= period.end for r in range(model.rowCount())
    )
    bar.reset()
    assert model.total == LARGE
    qtbot.keyClicks(bar.search, "crewe")  # search waits for a pause in typing
    qtbot.waitUntil(lambda: model.current_filter.text == "crewe", timeout=3000)
    assert model.total == count_audits(ctx, AuditFilter(text="crewe"))
    # Scrolling pages the rest in: 5000 rows reachable without loading them up front.
    assert model.rowCount() <= 200
    while model.rowCount() < model.total:
        if model.canFetchMore():
            model.fetchMore()
        qtbot.wait(1)  # each page arrives on the next turn of the event loop
    assert model.rowCount() == model.total


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from auditdesk.store.lock import DatabaseLock
    lock = DatabaseLock(Path(sys.argv[1]), "Alex Other")
    lock.acquire()
    print("holding", flush=True)
    time.sleep(120)
    """
)


def test_a_database_held_elsewhere_is_refused_until_that_process_dies(
    qtbot: QtBot, controller: AppController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "shared.sqlite"
    open_workspace(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    assert not controller.open(path)
    messages = [asked.text for asked in dialogs.asked if asked.kind == "warn"]
    assert "is open by Alex Other on the computer " in messages[0]
    assert "Only one AuditDesk can change a database at a time" in messages[0]
    holder.send_signal(signal.SIGKILL)  # no clean-up: the lock file is left behind
    holder.wait(timeout=10)
    holder.stdout.close()
    assert (tmp_path / "shared.sqlite.lock").read_text()  # the stale holder is still written
    assert controller.open(path)  # ...but a killed holder no longer blocks
    assert controller.window is not None


@pytest.mark.parametrize("kind", ["damaged", "not auditdesk", "newer"])
def test_unusable_databases_get_a_clear_message_and_are_not_written(
    qtbot: QtBot, controller: AppController, dialogs: ScriptedDialogs, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.sqlite"
    if kind == "damaged":
        open_workspace(path).close()
        data = bytearray(path.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)  # overwrite the schema page
        path.write_bytes(bytes(data))
        expected = "damaged"
    elif kind == "not auditdesk":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE contacts (name TEXT)")
        expected = "made by another program"
    else:
        open_workspace(path).close()
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
        expected = "newer version of AuditDesk"
    before = path.read_bytes()
    assert not controller.open(path)
    messages = [asked.text for asked in dialogs.asked if asked.kind == "warn"]
    assert expected in messages[0]
    assert path.read_bytes() == before
