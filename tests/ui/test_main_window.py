"""The main window opens a real database and lists its audits, a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.audit_list.audit_table_model import COLUMNS, PAGE_SIZE
from auditdesk.ui.main_menus import TAB_NAMES
from auditdesk.ui.main_tabs import ACTIONS, CONFLICTS, DASHBOARD, MODERATION
from auditdesk.ui.main_window import MainWindow
from tests.ui.demo_files import make_demo


def test_the_window_lists_audits_with_status_and_grade(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    db = open_workspace(path)
    generate_demo(db, DemoOptions(450, seed=5, as_of=date(2026, 11, 20)))
    db.close()
    window = open_window(path)
    model = window.audit_model
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Status" in headings
    assert "Grade" in headings
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE  # one page; the rest arrive as you scroll
    table = window.audit_list.table
    table.setFocus()
    while model.rowCount() < 450:  # scrolling to the end fetches page after page
        rows = model.rowCount()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows)
    assert model.rowCount() == 450
    status_column = [c[0] for c in COLUMNS].index("Status")
    grade_column = [c[0] for c in COLUMNS].index("Grade")
    statuses = {model.index(r, status_column).data() for r in range(model.rowCount())}
    assert statuses == {"Draft", "Completed", "Moderated", "Signed off"}
    drafts = [r for r in range(model.rowCount()) if model.index(r, status_column).data() == "Draft"]
    assert all(model.index(r, grade_column).data().endswith("(so far)") for r in drafts)
    assert "demo.sqlite" in window.windowTitle()
    assert window.audit_list.count.text() == "450 audits"


def test_the_list_in_the_order_it_shows_is_not_read_again(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    """Switching the table's sorting on asks the model for the order the table shows, as
    does setting its indicator: the model is in that order already, so neither reads the
    list again (at start-up, two more reads of the first page). Another order is read."""
    window = open_window(make_demo(tmp_path / "demo.sqlite", 12))
    model, table = window.audit_model, window.audit_list.table
    date_column = [c[1] for c in COLUMNS].index("audit_date")
    assert table.horizontalHeader().sortIndicatorSection() == date_column
    with qtbot.assertNotEmitted(model.loaded):
        table.setSortingEnabled(False)
        table.setSortingEnabled(True)
        table.sortByColumn(date_column, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.loaded):
        table.sortByColumn(date_column, Qt.SortOrder.AscendingOrder)
    dates = [model.row_at(r).audit_date for r in range(model.rowCount())]
    assert dates == sorted(dates)


def test_the_other_tabs_are_built_when_first_shown_or_asked_for(
    open_window: Callable[[Path | None], MainWindow],
) -> None:
    window = open_window(None)
    tabs = window.tabs
    later = (ACTIONS, MODERATION, CONFLICTS, DASHBOARD)
    assert [tabs.built(tab) for tab in later] == [None] * len(later)
    window.show_tab(MODERATION)  # Alt+3
    assert tabs.currentWidget() is window.moderation_view
    assert tabs.built(DASHBOARD) is None
    dashboard = window.dashboard  # asked for: built in its place, not shown
    assert tabs.indexOf(dashboard) == DASHBOARD
    assert tabs.currentIndex() == MODERATION
    assert [tabs.tabText(tab) for tab in range(tabs.count())] == list(TAB_NAMES)
