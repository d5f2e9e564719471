"""The first window: it opens a real database and lists its audits with status and grade."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from auditdesk.services.demo.generator import DemoOptions, generate_demo
from auditdesk.services.workspace import open_workspace
from auditdesk.ui.audit_table_model import COLUMNS, PAGE_SIZE
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.task_runner import TaskRunner


def test_the_window_lists_audits_with_status_and_grade(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "demo.sqlite")
    generate_demo(db, DemoOptions(450, seed=5, as_of=date(2026, 11, 20)))
    window = MainWindow(db, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    model = window.audit_model
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Status" in headings
    assert "Grade" in headings
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE  # one page; the rest arrive as you scroll
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    status_column = [c[0] for c in COLUMNS].index("Status")
    statuses = {model.index(r, status_column).data() for r in range(model.rowCount())}
    assert statuses <= {"Draft", "Completed", "Moderated", "Signed off"}
    assert len(statuses) > 1
    assert "demo.sqlite" in window.windowTitle()
    window.close()
    db.close()
