"""Lists a lead works down: at the usual window size every column of the audit list is in
view and its values read whole (the grade above all); after drawing a sample the new
audits are selected and in view; several selected audits get their second marker at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from auditdesk.services import moderation
from auditdesk.services.kernel._people import list_auditors
from auditdesk.ui.audit_list.audit_table_model import COLUMNS
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of, make_demo
from tests.ui.readable import column_cut_off, unreadable_cells
from tests.ui.scripted_dialogs import ScriptedDialogs

USUAL_WIDTH = 1280
LONG_NAMES = ("Setting", "Template")  # these may be cut short ("…"); every other must not


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("columns") / "demo.sqlite", 120, seed=8)


def test_every_column_of_the_audit_list_is_in_view_at_the_usual_size(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_file: Path, tmp_path: Path
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    qtbot.waitExposed(window)
    assert window.width() == USUAL_WIDTH
    table = window.audit_list.table
    headings = [heading for heading, _key, _show in COLUMNS]
    grades = {table.model().index(r, headings.index("Grade")).data() for r in range(60)}
    assert any(grade.endswith("(so far)") for grade in grades), "drafts' grades are shown"

    problems = [cut for column in range(len(COLUMNS)) if (cut := column_cut_off(table, column))]
    header = table.horizontalHeader()
    for column, heading in enumerate(headings):
        if header.sectionSize(column) < header.sectionSizeHint(column):
            problems.append(f"the heading {heading!r} is cut short")
    short_values = [c for c, heading in enumerate(headings) if heading not in LONG_NAMES]
    problems += unreadable_cells(table, short_values, most_rows=60)
    assert problems == [], "\n".join(problems)


def test_a_new_sample_is_selected_and_in_view(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    ctx = window.session.ctx
    # An earlier round: half the completed audits drawn and with their second markers.
    # The lead second-marks: they worked on none of the demo's audits.
    marker = next(a for a in list_auditors(window.session.ctx) if a.name == ctx.actor.name)
    moderation.draw_sample(ctx, percentage=50, seed=3)
    for row in moderation.list_moderations(ctx):
        if row.status == "drawn":
            moderation.assign_second_marker(ctx, row.uuid, marker.uuid)
    before = {row.uuid for row in moderation.list_moderations(ctx)}
    view = window.moderation_view
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(view)
    table = view.table
    assert table.row_count() > 30, "enough rows that the list scrolls"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the last
    assert table.current_row() == table.row_count() - 1
    assert table.verticalScrollBar().value() > 0

    view.percentage.setValue(100)
    press_alt(qtbot, "d", table)  # Draw sample

    drawn = {r.uuid for r in moderation.list_moderations(ctx)} - before
    assert drawn, "the rest of the completed audits were drawn"
    selected = {table.key(index.row()) for index in table.selectionModel().selectedRows()}
    assert selected == drawn
    current = table.key(table.current_row())
    assert current in drawn
    shown = table.viewport().rect()
    first = table.visualRect(table.cell(table.current_row(), 0))
    assert shown.contains(first), "the first new audit is in view"
    assert "assign their second marker next" in window.message.message


def test_several_selected_audits_get_their_second_marker_at_once(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    ctx = window.session.ctx
    view = window.moderation_view
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(view)
    view.percentage.setValue(40)
    qtbot.mouseClick(view.draw, Qt.MouseButton.LeftButton)
    drawn_rows = [row for row in range(view.table.row_count()) if "needs a second marker"
                  in view.table.text(row, 4)]  # fmt: skip
    assert len(drawn_rows) >= 3
    table = view.table
    # Click the first, Shift+click the third: three audits.
    first, third = drawn_rows[0], drawn_rows[2]
    table.selectionModel().setCurrentIndex(
        table.cell(first), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        table.visualRect(table.cell(third, 1)).center(),
    )
    chosen = {table.key(r.row())
              for r in table.selectionModel().selectedRows()}  # fmt: skip
    assert len(chosen) == 3

    marker = next(a for a in list_auditors(window.session.ctx) if a.name == ctx.actor.name)
    press_alt(qtbot, "k", table)  # Assign second marker
    chooser = dialogs.latest(AssignMarkerDialog)
    assert "these 3 audits" in chooser.intro.text()
    qtbot.keyClicks(chooser.choices, marker.name)  # typing the name chooses it
    qtbot.keyClick(chooser.choices, Qt.Key.Key_Return)

    stored = {row.uuid: row for row in moderation.list_moderations(ctx)}
    assert {stored[uuid].second_marker for uuid in chosen} == {marker.name}
    assert {stored[uuid].status for uuid in chosen} == {"assigned"}
    others = [row for uuid, row in stored.items() if uuid not in chosen and row.status == "drawn"]
    assert all(row.second_marker is None for row in others)
    assert f"{marker.name} will second-mark 3 audits" in window.message.message
    still = {table.key(r.row())
             for r in table.selectionModel().selectedRows()}  # fmt: skip
    assert still == chosen  # they stay selected, now with their marker
