"""Blind second marking says which plan to read (the child's reference, year group, need,
setting and the plan's date), starts with the keyboard on the first question, and its keys
work: 1-4 rate (and the rating is saved), Alt+1 and Alt+2 move between the sections and
the questions, Ctrl+PgDown the next part, Ctrl+Return submits (or says what is left, in
the words of second marking), Ctrl+W closes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import year_group_label
from auditdesk.domain.wording import date_text
from auditdesk.services import moderation
from auditdesk.services.kernel._people import list_auditors
from auditdesk.ui.editor.editor_dialogs import MissingDialog
from auditdesk.ui.editor.question_widget import QuestionWidget
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier


def test_second_marking_names_the_plan_and_works_by_keyboard(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    path = copy_of(demo_file, tmp_path)
    window = open_window(path)
    ctx = window.session.ctx
    sample = moderation.draw_sample(ctx, percentage=5, seed=1)
    me = next(a for a in list_auditors(window.session.ctx) if a.name == ctx.actor.name)
    row = next(r for r in moderation.list_moderations(ctx) if r.uuid in
               {d.uuid for d in sample.drawn} and r.template_title.startswith("EHCP"))  # fmt: skip
    moderation.assign_second_marker(ctx, row.uuid, me.uuid)
    plan = _plan_of(path, row.audit_reference)

    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view._select({row.uuid})
    press_alt(qtbot, "m", view.table)  # Second mark…
    blind = dialogs.latest(BlindMarkingWindow)
    qtbot.waitUntil(blind.isActiveWindow)

    # Which plan to read, in the words a caseworker searches the case record by.
    told = blind.plan.text()
    for fact in (
        plan["child"],
        year_group_label(plan["year_group"]),
        plan["need"],
        plan["setting"],
        plan["issued"],
        row.audit_reference,
    ):
        assert fact in told, f"{fact!r} is not in {told!r}"
    assert row.audit_reference in blind.windowTitle()

    # The keyboard starts on the first question's rating, ready to rate.
    first = _question_of(QApplication.focusWidget())
    assert first is not None, f"the keyboard is on {QApplication.focusWidget()!r}"
    assert first is next(iter(blind.page.questions.values()))
    assert first.rating is None  # nothing of the first marker's shows
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert first.rating is not None
    rated = (first.slot.key, first.rating)
    assert moderation.blind_view(ctx, row.uuid).ratings[rated[0]] == rated[1]  # saved at once

    press_alt(qtbot, "1", QApplication.focusWidget())  # the sections list
    assert QApplication.focusWidget() is blind.navigator
    part = blind.navigator.currentItem()
    qtbot.keyClick(blind.navigator, Qt.Key.Key_PageDown, CTRL)  # the next part
    assert blind.navigator.currentItem() is not part
    press_alt(qtbot, "2", QApplication.focusWidget())  # its first question
    assert _question_of(QApplication.focusWidget()) is next(iter(blind.page.questions.values()))

    # Submitting with questions left: said in second marking's words, with where they are.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert "before your second marking can be submitted" in blind.message.message
    assert "audit can be completed" not in blind.message.message
    missing = dialogs.latest(MissingDialog)
    assert missing.windowTitle() == "Not ready to submit"
    missing.reject()

    qtbot.keyClick(blind, Qt.Key.Key_W, CTRL)
    assert not blind.isVisible()
    assert moderation.blind_view(ctx, row.uuid).ratings[rated[0]] == rated[1]


def _plan_of(path: Path, audit_reference: str) -> dict[str, object]:
    """The plan an audit is of, as the case record holds it."""
    from auditdesk.domain.reference import PrimaryNeed

    with sqlite3.connect(path) as connection:
        child, year, need, setting, issued = connection.execute(
            "SELECT c.reference, a.year_group, a.primary_need, s.name, p.issue_date "
            "FROM audits a JOIN children c ON c.id = a.child_id JOIN plans p ON p.id = a.plan_id "
            "JOIN settings s ON s.id = p.setting_id WHERE a.reference = ?",
            (audit_reference,),
        ).fetchone()
    return {
        "child": child,
        "year_group": year,
        "need": PrimaryNeed(need).label,
        "setting": setting,
        "issued": date_text(date.fromisoformat(str(issued))),
    }


def _question_of(widget: object) -> QuestionWidget | None:
    current = widget
    while current is not None and not isinstance(current, QuestionWidget):
        current = current.parentWidget()  # type: ignore[attr-defined]
    if isinstance(current, QuestionWidget) and isinstance(widget, QRadioButton):
        return current
    return None
