"""Every file chooser in the window, driven through the dialog seam: each one chosen (the
file is used) and each one cancelled (nothing happens, nothing is written), by the menu key
a person would press. And the real chooser, shown on the open database's folder, never
lets go of the database's locks (which lost edits the window had called saved)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import _editing as audits
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.file_choosers import FileChooser
from auditdesk.ui.main_window import MainWindow
from tests.conftest import plan_subject
from tests.test_cli import give_profile
from tests.ui.conftest import Threaded
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Open = Callable[[Path | None], MainWindow]


def _choose_button(dialog: object) -> QPushButton:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…"]  # type: ignore[attr-defined]
    assert buttons
    return buttons[0]


def _press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A menu key, as pressed on the window in front (shortcuts work in the active one)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- File > Open database and File > New database ---------------------------------------------
def test_open_database_opens_the_file_chosen(
    qtbot: QtBot, controller: AppController, open_window: Open, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:  # fmt: skip
    other = tmp_path / "other.sqlite"
    assert controller.open(other)
    assert controller.window is not None
    window = open_window(tmp_path / "first.sqlite")
    dialogs.answer("open_file", other)
    _press(qtbot, window, Qt.Key.Key_O, CTRL)
    assert controller.window is not None
    assert controller.window.session.db.path == other
    assert dialogs.asked[-1].title == "Open an AuditDesk database"


def test_open_database_refuses_a_file_that_is_not_one_and_keeps_the_open_one(
    qtbot: QtBot, controller: AppController, open_window: Open, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = open_window(tmp_path / "mine.sqlite")
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list: milk, bread\n" * 40)
    before = notes.read_bytes()
    dialogs.answer("open_file", notes)
    _press(qtbot, window, Qt.Key.Key_O, CTRL)
    warned = [a for a in dialogs.asked if a.kind == "warn"]
    assert warned
    assert "notes.sqlite" in warned[-1].title
    assert "AuditDesk" in warned[-1].text  # says what it is not, in words
    assert controller.window is window  # what was open stays open
    assert notes.read_bytes() == before  # and the chosen file is untouched


def test_open_database_cancelled_changes_nothing(
    qtbot: QtBot, controller: AppController, open_window: Open, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = open_window(tmp_path / "mine.sqlite")
    before = _files(tmp_path)
    dialogs.answer("open_file", None)
    _press(qtbot, window, Qt.Key.Key_O, CTRL)
    assert controller.window is window
    assert _files(tmp_path) == before


def test_new_database_creates_and_opens_it(
    qtbot: QtBot, controller: AppController, open_window: Open, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = open_window(tmp_path / "mine.sqlite")
    audits.create_audit(window.session.ctx, template_id="ehcp-quality", subject=plan_subject())
    fresh = tmp_path / "new term.sqlite"
    dialogs.answer("save_file", fresh)
    _press(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert controller.window is not None
    assert controller.window.session.db.path == fresh
    assert controller.window.audit_model.total == 0  # a new, empty database


def test_new_database_will_not_reuse_a_file_with_something_in_it(
    qtbot: QtBot, controller: AppController, open_window: Open, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = open_window(tmp_path / "mine.sqlite")
    taken = tmp_path / "taken.sqlite"
    taken.write_bytes(b"something else entirely")
    dialogs.answer("save_file", taken)
    _press(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert controller.window is window
    assert "taken.sqlite already exists" in window.message.message
    assert taken.read_bytes() == b"something else entirely"
    before = _files(tmp_path)
    dialogs.answer("save_file", None)  # and cancelling creates nothing
    _press(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert controller.window is window
    assert _files(tmp_path) == before


# -- bundles ----------------------------------------------------------------------------------
def test_send_chooser_fills_the_file_and_cancel_keeps_it(
    qtbot: QtBot, open_window: Open, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "mine.sqlite")
    _press(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = dialogs.latest(SendDialog)
    before = dialog.target.text()
    dialogs.answer("save_file", None)
    _choose_button(dialog).click()
    assert dialog.target.text() == before  # cancelled: the name stays as it was
    chosen = tmp_path / "for the lead.auditdesk"
    dialogs.answer("save_file", chosen)
    _choose_button(dialog).click()
    assert dialog.target.text() == str(chosen)
    dialog.reject()
    assert not chosen.exists()


def test_import_chooser_cancelled_reads_nothing(
    qtbot: QtBot, open_window: Open, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "mine.sqlite")
    dialogs.answer("open_file", None)
    _press(qtbot, window, Qt.Key.Key_I, CTRL)
    assert not [d for d in dialogs.open_dialogs() if isinstance(d, ImportPreviewDialog)]
    assert dialogs.asked[-1].title == "Import a bundle"


def test_import_chooser_with_a_file_that_is_not_a_bundle(
    qtbot: QtBot, open_window: Open, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "mine.sqlite")
    photo = tmp_path / "photo.auditdesk"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    dialogs.answer("open_file", photo)
    _press(qtbot, window, Qt.Key.Key_I, CTRL)
    assert "photo.auditdesk cannot be imported" in window.message.message
    assert "not an AuditDesk bundle" in window.message.message


# -- exports ----------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["xlsx", "pdf"])
def test_export_choosers_fill_their_own_box_and_cancel_keeps_it(
    qtbot: QtBot, open_window: Open, dialogs: ScriptedDialogs, tmp_path: Path, which: str
) -> None:
    window = open_window(tmp_path / "mine.sqlite")
    _press(qtbot, window, Qt.Key.Key_E, CTRL)
    dialog = dialogs.latest(ExportDialog)
    box, other = (dialog.xlsx, dialog.pdf) if which == "xlsx" else (dialog.pdf, dialog.xlsx)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…"]
    button = buttons[0] if which == "xlsx" else buttons[1]
    before, other_before = box.text(), other.text()
    dialogs.answer("save_file", None)
    button.click()
    assert box.text() == before
    chosen = tmp_path / f"Board November.{which}"
    dialogs.answer("save_file", chosen)
    button.click()
    assert box.text() == str(chosen)
    assert other.text() == other_before
    dialog.reject()


def test_audit_report_chooser_writes_there_and_cancel_writes_nothing(
    qtbot: QtBot, open_window: Open, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "mine.sqlite")
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    window.open_audit(detail.uuid)
    editor: AuditEditorWindow = window.editors[detail.uuid]
    out = tmp_path / "reports"
    out.mkdir()
    dialogs.answer("save_file", None)
    _press(qtbot, editor, Qt.Key.Key_P, CTRL)
    assert _files(out) == []
    report = out / f"Audit {detail.reference}.pdf"
    dialogs.answer("save_file", report)
    _press(qtbot, editor, Qt.Key.Key_P, CTRL)
    assert _files(out) == [report.name]
    assert report.read_bytes().startswith(b"%PDF")
    assert str(report) in editor.message.message
    editor.close()


# -- a chooser never lets go of the open database's locks -------------------------------------
def _locks_held(path: Path) -> int:
    """SQLite's locks this process holds on the database and its write-ahead files."""
    inodes = {
        file.stat().st_ino
        for file in (path, path.with_name(path.name + "-shm"), path.with_name(path.name + "-wal"))
        if file.exists()
    }
    held = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if f" {os.getpid()} " in f" {line} " and int(fields[5].split(":")[2]) in inodes:
            held += 1
    return held


def _browse_and_close(qtbot: QtBot, parent: QWidget, start: Path, *, saving: bool) -> None:
    """The real chooser, shown on the database's folder until it has listed and typed every
    file there (as a person looking for a file would leave it), then cancelled."""
    filters = "AuditDesk databases (*.sqlite *.db);;All files (*)"
    chooser = FileChooser(parent, "Look", start, filters, saving=saving)
    chooser.show()
    qtbot.wait(1_500)
    chooser.reject()
    assert chooser.chosen is None
    chooser.deleteLater()
    qtbot.wait(200)


needs_proc_locks = pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="reads the kernel's lock table (Linux)"
)


@needs_proc_locks
@pytest.mark.parametrize("saving", [False, True], ids=["open", "save"])
def test_a_chooser_on_the_databases_folder_keeps_its_locks(
    qtbot: QtBot, threaded: Threaded, tmp_path: Path, saving: bool
) -> None:
    window = threaded.open(tmp_path / "audits.sqlite")
    threaded.settle()
    database = window.session.db.path
    held = _locks_held(database)
    assert held > 0  # the window's readers and writer hold their shared-memory locks
    _browse_and_close(qtbot, window, database if saving else database.parent, saving=saving)
    assert _locks_held(database) == held


@needs_proc_locks
@pytest.mark.slow
def test_edits_after_browsing_and_a_command_reach_the_file(
    qtbot: QtBot, threaded: Threaded, tmp_path: Path
) -> None:
    """The fault as a caseworker met it: look for a file in the database's folder, run a
    command on the same database in a terminal, go on editing. Every edit the window calls
    saved must be in the file, as another program reads it."""
    window = threaded.open(tmp_path / "audits.sqlite")
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    threaded.settle()
    database = window.session.db.path
    _browse_and_close(qtbot, window, database.parent, saving=False)
    env = {**os.environ, "AUDITDESK_HOME": str(tmp_path / "terminal")}
    give_profile(tmp_path / "terminal")  # an export says who made it
    report = tmp_path / "report.pdf"
    command = subprocess.run(
        [sys.executable, "-m", "auditdesk", "export", "audit", detail.reference,
         "--pdf", str(report), "--db", str(database)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert command.returncode == 0, command.stderr
    assert database.with_name(database.name + "-wal").exists()  # still the window's log
    question = next(s for s in detail.index.slots(detail.blocks, detail.context) if s.applies)
    audits.record_answer(ctx, detail.uuid, question.question.id, None, comment="EDIT-B")
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as other:
        seen = other.execute("SELECT count(*) FROM answers WHERE comment = 'EDIT-B'").fetchone()
    assert seen == (1,), "an edit the window saved is not in the database file"
