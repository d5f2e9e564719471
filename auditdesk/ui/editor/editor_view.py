"""The audit editor's window as it is laid out: the sections list, the questions, the
grades and actions beside them, the undo history, the toolbar and the menus, each named
for screen readers. It shows what it is given; what happens when the person acts is wired
by :mod:`auditdesk.ui.editor.editor_controller` and the acts beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.wording import date_text
from auditdesk.services.kernel import AuditDetail
from auditdesk.ui.accessibility import named
from auditdesk.ui.crowded import ScrollsWhenCrowded
from auditdesk.ui.editor.commands import AnswerKey
from auditdesk.ui.editor.grade_panel import GradePanel, points_per_rating
from auditdesk.ui.editor.navigator import SectionNavigator
from auditdesk.ui.editor.section_page import SectionPage
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.panes import Pane, SharedWidth
from auditdesk.ui.view_actions import ViewActions


class EditorView(StaysOnScreen, QMainWindow):  # on a laptop: what its screen holds
    saved = Signal()  # everything shown is in the database
    changed = Signal(str)  # audit uuid: the list should refresh
    closed = Signal(str)

    def __init__(self, view_actions: ViewActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Deleted by Qt on the GUI thread once closed, never left to a garbage collection.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view_actions = view_actions
        self._build_layout()
        self._build_actions()

    # -- layout ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.message = MessageBar()
        self.navigator = SectionNavigator()
        self.page = SectionPage()
        self.grades = GradePanel()
        self.actions_list = QLabel()
        self.actions_list.setWordWrap(True)
        named(self.actions_list, "Actions", "Actions recorded on this audit")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.grades, 1)
        side_layout.addWidget(self.actions_list)
        # The questions keep nearly half the width at any text size; the grades scroll
        # when 200% text makes them taller than the window.
        self.splitter = SharedWidth(
            [
                Pane(self.navigator, 32, 0.22),
                Pane(self.page),
                Pane(ScrollsWhenCrowded(side), 42, 0.32),
            ]
        )
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(body)
        self.save_state = named(
            QLabel("All changes saved"),
            "Save state",
            "Whether every change shown is saved in the database",
        )
        self.statusBar().addPermanentWidget(self.save_state)
        self._build_history()

    def _build_history(self) -> None:
        self.history = QDockWidget("Undo history", self)
        self.history.setObjectName("undoHistory")
        view = named(
            QUndoView(),
            "Undo history",
            "Every change to this audit that can be undone; choose one to go back to it",
        )
        view.setEmptyLabel("The audit as it was opened")
        # Each change read whole, over as many lines as it needs in the narrow dock.
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setUniformItemSizes(False)
        view.setResizeMode(QUndoView.ResizeMode.Adjust)
        self.history_view = view
        self.history.setWidget(view)
        self.history.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self.history.hide()

    def _build_actions(self) -> None:
        """The commands, on the toolbar and in the menus; the controller and the acts
        connect what each does."""
        bar = QToolBar("Audit")
        bar.setObjectName("auditToolbar")
        named(bar, "Audit tools", "Undo, redo, complete, reopen, override, trail and close")
        self.addToolBar(bar)
        act = self._action
        self.undo_action = act("&Undo", None, "Takes back the last change to this audit")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = act("&Redo", None, "Puts back a change undone")
        # On the toolbar just "Undo" and "Redo", whatever the change: a button as long as
        # its change would push Complete and Close off the bar. The change is in the menu,
        # the tooltip and the undo history.
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        # The platform's redo keys (Ctrl+Shift+Z on some desktops) and Ctrl+Y everywhere,
        # each once: a key bound twice is ambiguous and then does nothing.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcuts(
            list(dict.fromkeys([*redo_keys, QKeySequence("Ctrl+Y")], None))
        )
        self.complete_action = act(
            "&Complete", "Ctrl+Return", "Checks the audit is finished and completes it"
        )
        self.reopen_action = act(
            "Re&open…", None, "Returns a completed audit to draft, with a reason"
        )
        self.override_action = act(
            "&Override grade…", None, "Records a different overall grade with a reason"
        )
        self.trail_action = act("Change &trail", "Ctrl+H", "Shows who changed what, when and why")
        self.next_action = act("&Next part", "Ctrl+PgDown", "Moves to the next part of the audit")
        self.previous_action = act(
            "&Previous part", "Ctrl+PgUp", "Moves to the previous part of the audit"
        )
        self.sections_action = act(
            "&Sections list", "Alt+1", "Moves the keyboard to the list of sections"
        )
        self.sections_action.triggered.connect(self.navigator.setFocus)
        self.questions_action = act(
            "&Questions", "Alt+2", "Moves the keyboard to the first question of this part"
        )
        self.questions_action.triggered.connect(self.page.focus_first)
        self.report_action = act(
            "Audit &report (PDF)…",
            "Ctrl+P",
            "Writes this audit's report as a PDF for the caseworker or setting",
        )
        self.close_action = act("Clos&e", "Ctrl+W", "Closes this audit")
        self.close_action.triggered.connect(self.close)
        self.history_action = self.history.toggleViewAction()
        self.history_action.setText("Undo &history")
        # Not Ctrl+Shift+Z: that is Redo on several desktops.
        self.history_action.setShortcut(QKeySequence("Ctrl+Alt+Z"))
        self.history_action.setToolTip("Shows every change you can undo, newest last")
        self._menus()
        self._fill(bar)

    def _fill(self, bar: QToolBar) -> None:
        for action in (
            self.undo_action,
            self.redo_action,
            self.complete_action,
            self.reopen_action,
            self.override_action,
            self.trail_action,
            self.report_action,
            self.close_action,
        ):
            bar.addAction(action)
        for button in bar.findChildren(QWidget):
            if button.accessibleName() == "" and hasattr(button, "defaultAction"):
                action = button.defaultAction()
                if action is not None:
                    named(button, action.text().replace("&", ""), action.toolTip())

    def _menus(self) -> None:
        bar = self.menuBar()
        audit = bar.addMenu("&Audit")
        for action in (self.complete_action, self.reopen_action, self.override_action,
                       self.trail_action, self.report_action):  # fmt: skip
            audit.addAction(action)
        audit.addSeparator()
        audit.addAction(self.close_action)
        edit = bar.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action, self.history_action):
            edit.addAction(action)
        view = bar.addMenu("&View")
        self.view_actions.fill(view, self)
        view.addSeparator()
        for action in (self.sections_action, self.questions_action, self.next_action,
                       self.previous_action):  # fmt: skip
            view.addAction(action)

    def _action(self, text: str, shortcut: str | None, description: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(description)
        action.setStatusTip(description)
        self.addAction(action)
        return action

    # -- showing ------------------------------------------------------------------------------
    def show_title(self, detail: AuditDetail) -> None:
        subject = detail.child_reference or (detail.setting.name if detail.setting else "")
        self.setWindowTitle(f"{detail.reference} — {detail.template.title} — {subject}")
        named(
            self, f"Audit {detail.reference}", f"Editing the {detail.template.title} of {subject}"
        )

    def show_status(self, detail: AuditDetail) -> None:
        editable = detail.is_editable
        self.complete_action.setEnabled(editable)
        self.reopen_action.setEnabled(not editable)
        if editable:
            self.message.hide()
        else:
            self.message.show_info(
                f"This audit is {detail.status.label.lower()}, so its answers are locked. "
                "Use Reopen to change them (you will be asked why)."
            )

    def show_grades(self, grading: Any, detail: AuditDetail) -> None:
        self.grades.show_grades(
            grading,
            suggested=detail.suggested_grade,
            override=detail.override_grade,
            final=detail.final_grade,
            override_reason=detail.override_reason,
            points=points_per_rating(detail.index),
        )

    def show_actions(self, detail: AuditDetail) -> None:
        if not detail.actions:
            self.actions_list.setText("No actions yet. Use “Add action…” on any question.")
            return
        lines = [
            f"• {a.action} — {a.owner_agency.label}: {a.owner}, due {date_text(a.due_date)}"
            f" ({'overdue' if a.overdue else a.status.label.lower()})"
            for a in detail.actions
        ]
        self.actions_list.setText("Actions:\n" + "\n".join(lines))

    def show_undo_state(self, stack: QUndoStack, typing: str | None) -> None:
        """``typing``: typing not yet saved, described; it is the newest change, so Undo
        takes it back (it is saved onto the history first) and nothing is redone past it."""
        can_undo = typing is not None or stack.canUndo()
        can_redo = typing is None and stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo_text = typing if typing is not None else stack.undoText()
        redo_text = stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if can_undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if can_redo else "&Redo")
        self.undo_action.setToolTip(f"Undo {undo_text} (Ctrl+Z)" if can_undo else "Nothing to undo")
        self.redo_action.setToolTip(f"Redo {redo_text} (Ctrl+Y)" if can_redo else "Nothing to redo")

    # -- where the keyboard is ------------------------------------------------------------------
    def keyboard_place(self) -> AnswerKey | None:
        """The question the keyboard is in (this window's, even while a dialog is open)."""
        focused = self.focusWidget()
        for key, question in self.page.questions.items():
            if focused is not None and question.isAncestorOf(focused):
                return key
        return None

    def put_keyboard_back(self, place: AnswerKey | None) -> None:
        """Back on that question (its comment, once the answers are locked), or, if the
        keyboard is nowhere now, on the sections list: never on nothing."""
        if place is not None and place in self.page.questions:
            self.page.focus_question(place)
            return
        focused = self.focusWidget()
        if focused is None or not focused.isVisible() or not focused.isEnabled():
            self.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
