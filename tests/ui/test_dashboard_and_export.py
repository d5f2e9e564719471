"""The dashboard shows the Board figures for the list's filter; File > Export writes the
workbook and the pack; long work can be cancelled from its progress dialog."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import Grade
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.long_work import run_with_progress
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.task_runner import Cancelled, TaskControl, TaskRunner
from tests.ui.a11y import unnamed_controls
from tests.ui.demo_files import make_demo
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.test_what_people_read import TITLE_BAR_BUTTONS, _title_metrics


def _demo(path: Path) -> Path:
    return make_demo(path, 400, seed=6)  # made once per run, copied for each test


def test_the_dashboard_follows_the_filters(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    path = _demo(tmp_path / "demo.sqlite")
    window = open_window(path)
    window.show()
    window.tabs.setCurrentWidget(window.dashboard)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: "audits ·" in dashboard.headline.text(), timeout=5000)
    with sqlite3.connect(path) as connection:
        counted = connection.execute(
            "SELECT count(*) FROM audits WHERE status IN ('completed', 'moderated', 'signed_off')"
        ).fetchone()[0]
    assert dashboard.headline.text().startswith(f"{counted:,} audits")
    assert "Outstanding" in dashboard.grades.accessibleDescription()
    assert unnamed_controls(window) == []

    bar = window.audit_list.filters
    bar.grade.setCurrentIndex(bar.grade.findData(Grade.INADEQUATE))
    qtbot.waitUntil(lambda: "0% good or better" in dashboard.headline.text(), timeout=5000)
    with sqlite3.connect(path) as connection:
        inadequate = connection.execute(
            "SELECT count(*) FROM audits WHERE final_grade = 'inadequate' "
            "AND status IN ('completed', 'moderated', 'signed_off')"
        ).fetchone()[0]
    shown = dashboard.headline.text().split(" audits")[0]
    assert shown == (f"{inadequate:,}" if inadequate >= 5 else "<5")


def test_export_for_the_board_from_the_window(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    window = open_window(_demo(tmp_path / "demo.sqlite"))
    xlsx, pdf = tmp_path / "out" / "board.xlsx", tmp_path / "out" / "board.pdf"
    xlsx.parent.mkdir()

    window.files.export_board()
    dialog = dialogs.latest(ExportDialog)
    assert unnamed_controls(dialog) == []
    dialog.period.setCurrentIndex(dialog.period.findText("2025/26"))
    # Both file choosers are the dialog's own "Choose…" buttons.
    dialogs.answer("save_file", xlsx)
    dialogs.answer("save_file", pdf)
    for button in dialog.findChildren(QPushButton):
        if button.text() == "Choose…":
            button.click()
    assert (dialog.xlsx.text(), dialog.pdf.text()) == (str(xlsx), str(pdf))
    dialog.open_after.setChecked(False)
    dialog.ok_button.click()
    assert "Exported" in window.message.message
    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    # A Board copy: figures only, no rows to count (the working copy is never pre-ticked).
    assert not dialog.working_copy.isChecked()
    assert {"About", "Summary", "By agency"} <= set(workbook.sheetnames)
    assert not {"Audits", "Answers", "Actions"} & set(workbook.sheetnames)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages[:3])
    assert "2025/26" in text
    assert not list(xlsx.parent.glob("*.tmp*"))


def test_long_work_can_be_cancelled_from_its_progress_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()  # real threads: the dialog must stay responsive
    outcome: list[object] = []

    def work(control: TaskControl) -> str:
        for step in range(10_000):
            if not control.progress(step, 10_000):
                raise Cancelled
            time.sleep(0.001)
        return "finished"

    run_with_progress(
        parent,
        runner.scope(parent),
        "Counting",
        work,
        on_done=outcome.append,
        on_error=outcome.append,
    )
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000
    )
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    assert dialog.accessibleName() == "Counting"
    dialog.findChild(QPushButton).click()  # the Cancel button
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled)
    runner.shutdown()


def test_the_progress_dialog_shows_its_title_whole_and_names_its_cancel_button(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()
    outcome: list[object] = []

    def work(control: TaskControl) -> str:
        while control.progress(0, 1):
            time.sleep(0.005)
        raise Cancelled

    control = run_with_progress(
        parent,
        runner.scope(parent),
        "Exporting for the Board",
        work,
        on_done=outcome.append,
        on_error=outcome.append,
    )
    try:
        qtbot.waitUntil(
            lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)),
            timeout=5000,
        )
        dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
        # Wide enough for a title bar to show "Exporting for the Board", not "Export… Board".
        needed = _title_metrics().horizontalAdvance(dialog.windowTitle()) + TITLE_BAR_BUTTONS
        assert dialog.frameGeometry().width() >= needed
        cancel = dialog.findChild(QPushButton)
        assert (cancel.accessibleName(), cancel.text()) == ("Cancel", "&Cancel")
        assert "Stops exporting for the Board" in cancel.accessibleDescription()
        assert unnamed_controls(dialog) == []
        qtbot.keyClick(cancel, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
        assert isinstance(outcome[0], Cancelled)
    finally:
        control.cancel()  # the work stops even when a check above fails
        runner.shutdown()


def test_the_dashboard_says_each_thing_once_and_compares_only_what_it_can(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    window = open_window(_demo(tmp_path / "demo.sqlite"))
    window.show()
    window.tabs.setCurrentWidget(window.dashboard)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: "audits ·" in dashboard.headline.text(), timeout=5000)
    # With no period chosen, the figures run from the first audit to today: nothing came
    # before them to compare with, and the dashboard says so once, without listing a
    # comparison it does not make.
    scope, change = dashboard.scope.text(), dashboard.change.text()
    assert "Compared with" not in scope
    assert "There is no comparison with the previous period (" in change
    assert change.endswith("no audits in scope were graded then.")
    assert scope.count("Counts from 1 to 4") == 1
    assert "Small counts" not in scope

    # A term that does follow another: its comparison is listed, and made.
    bar = window.audit_list.filters
    bar.period.setCurrentIndex(bar.period.findText("Summer 2026"))
    qtbot.waitUntil(lambda: "Summer 2026" in dashboard.heading.text(), timeout=5000)
    qtbot.waitUntil(lambda: "audits ·" in dashboard.headline.text(), timeout=5000)
    scope, change = dashboard.scope.text(), dashboard.change.text()
    assert "Compared with: Spring 2026 (1 January 2026 to 31 March 2026)" in scope
    assert "In Spring 2026 it was" in change
    assert "no comparison" not in change.lower()
    assert scope.count("Counts from 1 to 4") == 1
