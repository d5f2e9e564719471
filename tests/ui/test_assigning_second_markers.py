"""One second marker for many drawn audits, chosen by keyboard: only people independent of
every chosen audit are offered (those left out are named, with the audits they worked
on), nobody is chosen for the lead, and assigning is all or nothing; the table shows what
the database holds afterwards, whichever way it went."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.services import moderation
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import ChoiceDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.moderation_view import ModerationView
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of
from tests.ui.scripted_dialogs import ScriptedDialogs


def test_a_batch_gets_one_independent_marker_chosen_by_keyboard(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    path = copy_of(demo_file, tmp_path)
    window = open_window(path)
    view = _moderation_tab(qtbot, window)
    view.percentage.setValue(100)
    press_alt(qtbot, "d", view.table)  # Draw sample: the new audits come selected
    drawn = _selected(view)
    assert len(drawn) >= 20
    references = sorted(_reference(view, uuid) for uuid in drawn)

    press_alt(qtbot, "k", view.table)  # Assign second marker…
    chooser = dialogs.latest(AssignMarkerDialog)
    offered = [chooser.choices.item(row).text() for row in range(chooser.choices.count())]
    teams = _who_worked_on(path, references)
    assert teams, "some of the drawn audits' auditors are in the database"
    for name, theirs in teams.items():
        assert not any(text.startswith(f"{name} (") for text in offered), name
        assert name in chooser.not_offered.text()
        assert theirs[0] in chooser.not_offered.text()  # and which audit they worked on
    assert chooser.not_offered.isVisible()
    assert "Sam Practice (Education)" in offered  # the lead worked on none of them

    # The keyboard is in the list, where nobody is chosen for the lead, not even
    # highlighted: Enter at once asks for one.
    qtbot.waitUntil(chooser.isActiveWindow)
    assert QApplication.focusWidget() is chooser.choices
    assert chooser.chosen is None
    assert not chooser.choices.currentIndex().isValid()
    qtbot.keyClick(chooser.choices, Qt.Key.Key_Return)
    assert chooser.isVisible()
    assert "Choose who second-marks them." in chooser.shown_problems()
    assert QApplication.focusWidget() is chooser.choices
    assert _markers(path, references) == {None}

    # Down chooses the first offered; typing a name's first letters finds it.
    qtbot.keyClick(chooser.choices, Qt.Key.Key_Down)
    assert chooser.chosen == 0
    qtbot.keyClicks(chooser.choices, "Sam")
    assert chooser.person is not None
    assert chooser.person.name == "Sam Practice"
    assert chooser.shown_problems() == []
    qtbot.keyClick(chooser.choices, Qt.Key.Key_Return)
    assert not chooser.isVisible()

    assert _markers(path, references) == {"Sam Practice"}  # every one of them
    for row in range(view.table.row_count()):
        if view.table.text(row, 0) in references:
            assert view.table.text(row, 3) == "Sam Practice"
            assert view.table.text(row, 4) == "With the second marker"
    assert f"Sam Practice will second-mark {len(references)} audits." in window.message.message
    assert _selected(view) == drawn  # they stay selected, now with their marker


def test_a_refused_batch_changes_nothing_and_the_table_shows_so(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    path = copy_of(demo_file, tmp_path)
    window = open_window(path)
    ctx = window.session.ctx
    view = _moderation_tab(qtbot, window)
    view.percentage.setValue(100)
    press_alt(qtbot, "d", view.table)
    drawn = _selected(view)
    references = sorted(_reference(view, uuid) for uuid in drawn)
    press_alt(qtbot, "k", view.table)
    chooser = dialogs.latest(AssignMarkerDialog)
    qtbot.keyClicks(chooser.choices, "Sam")
    assert chooser.person is not None

    # Meanwhile (a bundle imported in another window, say) the lead joins two audits'
    # teams, and a third gets another second marker.
    joined = references[:2]
    _join_team(path, "Sam Practice", joined)
    other = next(uuid for uuid in drawn if _reference(view, uuid) == references[2])
    someone = next(c for c in moderation.second_marker_choices(ctx, [other]) if c.can_mark_all
                   and c.name != "Sam Practice")  # fmt: skip
    moderation.assign_second_marker(ctx, other, someone.uuid)

    qtbot.keyClick(chooser.choices, Qt.Key.Key_Return)
    said = window.message.message
    assert said.startswith("Nothing was assigned.")
    assert f"worked on audits {joined[0]} and {joined[1]}, so cannot second-mark them" in said
    stored = _markers_by_reference(path, references)
    assert stored[references[2]] == someone.name
    assert {marker for ref, marker in stored.items() if ref != references[2]} == {None}
    # The table says what the database holds: nothing half-applied, the change made
    # elsewhere shown, the batch still selected to try again.
    for row in range(view.table.row_count()):
        reference = view.table.text(row, 0)
        if reference in stored:
            assert view.table.text(row, 3) == (stored[reference] or "—")
    assert _selected(view) == drawn


# -- helpers -------------------------------------------------------------------------------
def _moderation_tab(qtbot: QtBot, window: MainWindow) -> ModerationView:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press_alt(qtbot, "3", window.audit_list.table, clicks=False)  # the Moderation tab
    view = window.moderation_view
    assert window.tabs.currentWidget() is view
    return view


def _selected(view: ModerationView) -> set[str]:
    table = view.table
    return {table.key(index.row()) for index in table.selectionModel().selectedRows()}


def _reference(view: ModerationView, moderation_uuid: str) -> str:
    return next(row.audit_reference for row in view.rows if row.uuid == moderation_uuid)


def _who_worked_on(path: Path, references: list[str]) -> dict[str, list[str]]:
    """Each auditor who worked on any of these audits, with those audits, as stored."""
    marks = ",".join("?" * len(references))
    found: dict[str, list[str]] = defaultdict(list)
    with sqlite3.connect(path) as connection:
        for name, reference in connection.execute(
            "SELECT p.name, a.reference FROM audit_auditors t JOIN audits a ON a.id = t.audit_id "
            f"JOIN auditors p ON p.id = t.auditor_id WHERE a.reference IN ({marks}) "
            "ORDER BY a.reference",
            references,
        ):
            found[name].append(reference)
    return dict(found)


def _markers_by_reference(path: Path, references: list[str]) -> dict[str, str | None]:
    marks = ",".join("?" * len(references))
    with sqlite3.connect(path) as connection:
        return dict(
            connection.execute(
                "SELECT a.reference, p.name FROM moderations m JOIN audits a ON a.id = m.audit_id "
                f"LEFT JOIN auditors p ON p.id = m.second_marker_id WHERE a.reference IN ({marks})",
                references,
            ).fetchall()
        )


def _markers(path: Path, references: list[str]) -> set[str | None]:
    return set(_markers_by_reference(path, references).values())


def _join_team(path: Path, name: str, references: list[str]) -> None:
    with sqlite3.connect(path) as connection:
        for reference in references:
            connection.execute(
                "INSERT INTO audit_auditors (audit_id, auditor_id, agency, position) "
                "SELECT a.id, p.id, p.agency, 9 FROM audits a, auditors p "
                "WHERE a.reference = ? AND p.name = ?",
                (reference, name),
            )


def test_the_blocking_chooser_starts_with_nothing_chosen(qtbot: QtBot) -> None:
    """The real chooser behind ``DialogService.choose``, run as the app runs it (blocking):
    Enter at once chooses nothing and the chooser stays; the arrows choose."""
    seen: dict[str, object] = {}

    def person() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, ChoiceDialog), dialog
            seen["chosen at first"] = dialog.chosen
            qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)
            seen["open after Enter"] = dialog.isVisible()
            seen["told"] = dialog.shown_problems()
            qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)  # the first
            qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)  # the second
            qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)
        finally:
            if dialog is not None and dialog.isVisible():  # never leave the test waiting
                dialog.close()

    QTimer.singleShot(0, person)
    chosen = DialogService().choose(None, "Choose", "Which one?", ["First", "Second", "Third"])
    assert seen == {
        "chosen at first": None,
        "open after Enter": True,
        "told": ["Choose one from the list."],
    }
    assert chosen == 1
