"""The Actions tab's table: each action's words, read by a screen reader as shown, and an
overdue one standing out in words, colour and weight; columns sized from the rows in view
and a sample, not from every one of thousands."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency
from auditdesk.services.audits import _actions as actions
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.text_table import SAMPLED_ROWS, WIDEST_COLUMN_CHARACTERS
from tests.services.helpers import completed_audit


def _action(what: str, due: date) -> actions.ActionInput:
    return actions.ActionInput(
        finding="Outcomes are vague",
        action=what,
        owner_agency=Agency.EDUCATION,
        owner="Pat Planner",
        due_date=due,
    )


def test_actions_read_as_shown_and_overdue_ones_stand_out(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    actions.add_action(ctx, detail.uuid, _action("Rewrite the outcomes", date(2020, 1, 6)))
    actions.add_action(ctx, detail.uuid, _action("Add the child's views", date(2099, 1, 5)))
    view = window.actions_view
    window.tabs.setCurrentWidget(view)
    view.reload()
    model = view.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    rows = {model.index(row, 1).data(): row for row in range(model.rowCount())}
    late, later = rows["Rewrite the outcomes"], rows["Add the child's views"]
    for row in (late, later):
        cells = [model.index(row, column) for column in range(model.columnCount())]
        assert cells[0].data() == detail.reference
        assert [c.data(Qt.ItemDataRole.AccessibleTextRole) for c in cells] == [
            c.data() for c in cells
        ]
        assert cells[0].data(Qt.ItemDataRole.UserRole).due_date in (
            date(2020, 1, 6),
            date(2099, 1, 5),
        )
    assert model.index(late, 5).data().startswith("OVERDUE (")
    assert not model.index(later, 5).data().startswith("OVERDUE")
    font = model.index(late, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    assert isinstance(model.index(late, 3).data(Qt.ItemDataRole.BackgroundRole), QBrush)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole):
        assert model.index(later, 0).data(role) is None
    assert view.table.horizontalHeader().resizeContentsPrecision() == SAMPLED_ROWS


def test_a_long_action_leaves_room_for_the_due_date_and_is_read_whole(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    """One long action does not push the due date and status off a laptop screen: its
    column takes the room the others leave, and the whole action is in its tooltip and
    what a screen reader says. Columns that fit their words stop at a width set in
    characters, so they grow with the text size."""
    window = open_window(None)
    window.resize(1366, 768)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    long_action = "Chase outstanding health advice through the designated clinical officer " * 3
    actions.add_action(ctx, detail.uuid, _action(long_action.strip(), date(2020, 1, 6)))
    view = window.actions_view
    window.tabs.setCurrentWidget(view)
    view.reload()
    table = view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    header = table.horizontalHeader()
    widest = table.fontMetrics().averageCharWidth() * WIDEST_COLUMN_CHARACTERS
    assert header.sectionSize(1) < table.fontMetrics().horizontalAdvance(long_action)
    cell = table.model().index(0, 1)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == long_action.strip()
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == long_action.strip()
    # Every column whole within the table's width: nothing to scroll sideways to.
    for column in range(table.model().columnCount()):
        assert header.sectionPosition(column) + header.sectionSize(column) <= (
            table.viewport().width()
        )
    assert header.maximumSectionSize() == widest

    gc.collect()  # the text size changes long after the table was made
    larger = QFont(table.font())
    larger.setPointSizeF(larger.pointSizeF() * 2)
    table.setFont(larger)  # as View > Larger text does, through the application's font
    assert header.maximumSectionSize() == table.fontMetrics().averageCharWidth() * (
        WIDEST_COLUMN_CHARACTERS
    )
    assert header.maximumSectionSize() > widest
