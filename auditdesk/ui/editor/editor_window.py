"""The audit editor window. Every change is saved as it is made, through the write lane;
the status bar says when everything shown is safely in the database. Undo and redo work
over those saved changes; there is no Save button.

The rule that keeps typing safe: what a question widget shows is the person's, and saving
never writes back into it. ``self.answers`` follows the widgets (it is what the person
sees); the database follows ``self.answers`` through the write lane, in order. Only undo
and redo change a widget, one field at a time, after any pending typing is saved.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.completion import AnswerState
from auditdesk.domain.reference import PrimaryNeed
from auditdesk.domain.wording import date_text
from auditdesk.errors import CompletionRefused
from auditdesk.services import audits
from auditdesk.services.audits import ActionInput, SampledChild, add_action
from auditdesk.services.kernel import AnswerRecord, AuditDetail, GradeUpdate
from auditdesk.services.reports import export_audit_report
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.crowded import ScrollsWhenCrowded
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import ActionDialog, OverrideDialog, ReasonDialog, SampledChildDialog
from auditdesk.ui.editor.change_words import change_words, where_words
from auditdesk.ui.editor.commands import AnswerCommand, AnswerKey, CallCommand
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.grade_panel import GradePanel, points_per_rating
from auditdesk.ui.editor.navigator import SectionNavigator
from auditdesk.ui.editor.pages import Page, PageKey, pages
from auditdesk.ui.editor.section_page import SectionPage
from auditdesk.ui.errors import error_handler
from auditdesk.ui.long_work import run_with_progress
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.panes import Pane, SharedWidth
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.view_actions import ViewActions


class AuditEditorWindow(StaysOnScreen, QMainWindow):  # on a laptop: what its screen holds
    saved = Signal()  # everything shown is in the database
    changed = Signal(str)  # audit uuid: the list should refresh
    closed = Signal(str)

    def __init__(
        self,
        session: AppSession,
        detail: AuditDetail,
        preferences: Preferences,
        *,
        dialogs: DialogService,
        view_actions: ViewActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Deleted by Qt on the GUI thread once closed, never left to a garbage collection.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.preferences = preferences
        self.dialogs = dialogs
        self.view_actions = view_actions
        self.tasks = session.runner.scope(self)
        self.ctx = session.ctx
        # Opened with the audit as the write lane left it (the opener reads it there), so
        # edits still queued from an editor just closed are in it.
        self.detail = detail
        self.answers: dict[AnswerKey, AnswerRecord] = dict(self.detail.answers)
        self.pending = 0
        self._unsaved: dict[AnswerKey, int] = {}  # answers with a write still queued
        self.undo_stack = QUndoStack(self)
        self._pages: list[Page] = []
        self._current: PageKey | None = None
        self._handle = error_handler(self._problem)
        self._completing_from: AnswerKey | None = None

        self._build_layout()
        self._build_actions()
        self.navigator.page_chosen.connect(self._show_page)
        self.page.edited.connect(self._edited)
        self.page.typing_started.connect(self._show_undo_state)
        self.page.left_box.connect(self._left_box)
        self.page.action_requested.connect(self._add_action)
        self.page.add_block_requested.connect(self._add_block)
        self.page.rename_block_requested.connect(self._rename_block)
        self.page.remove_block_requested.connect(self._remove_block)
        self.page.open_page_requested.connect(self.go_to)
        self.page.too_long.connect(
            lambda most: self.message.show_problem(
                f"A comment or evidence box holds at most {most:,} characters; "
                "what went past that was not kept."
            )
        )
        self.grades.override_requested.connect(self._override)
        self._refresh_everything()
        geometry = preferences.geometry("editor")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)

    # -- layout and state -------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = QToolBar("Audit")
        bar.setObjectName("auditToolbar")
        named(bar, "Audit tools", "Undo, redo, complete, reopen, override, trail and close")
        self.addToolBar(bar)
        # Undo and redo save any typing still waiting first, so it is on the history too.
        self.undo_action = self._action(
            "&Undo", None, self._undo, "Takes back the last change to this audit"
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", None, self._redo, "Puts back a change undone")
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
        # Bound methods, not lambdas: Qt drops them when the window goes.
        self.undo_stack.indexChanged.connect(self._show_undo_state)
        self.undo_stack.cleanChanged.connect(self._show_undo_state)
        self._show_undo_state()
        self.complete_action = self._action(
            "&Complete",
            "Ctrl+Return",
            self._complete,
            "Checks the audit is finished and completes it",
        )
        self.reopen_action = self._action(
            "Re&open…", None, self._reopen, "Returns a completed audit to draft, with a reason"
        )
        self.override_action = self._action(
            "&Override grade…",
            None,
            self._override,
            "Records a different overall grade with a reason",
        )
        self.trail_action = self._action(
            "Change &trail", "Ctrl+H", self._trail, "Shows who changed what, when and why"
        )
        self.next_action = self._action(
            "&Next part",
            "Ctrl+PgDown",
            lambda: self._step(1),
            "Moves to the next part of the audit",
        )
        self.previous_action = self._action(
            "&Previous part",
            "Ctrl+PgUp",
            lambda: self._step(-1),
            "Moves to the previous part of the audit",
        )
        self.sections_action = self._action(
            "&Sections list",
            "Alt+1",
            self.navigator.setFocus,
            "Moves the keyboard to the list of sections",
        )
        self.questions_action = self._action(
            "&Questions",
            "Alt+2",
            self.page.focus_first,
            "Moves the keyboard to the first question of this part",
        )
        self.report_action = self._action(
            "Audit &report (PDF)…",
            "Ctrl+P",
            self._report,
            "Writes this audit's report as a PDF for the caseworker or setting",
        )
        self.close_action = self._action("Clos&e", "Ctrl+W", self.close, "Closes this audit")
        self.history_action = self.history.toggleViewAction()
        self.history_action.setText("Undo &history")
        # Not Ctrl+Shift+Z: that is Redo on several desktops.
        self.history_action.setShortcut(QKeySequence("Ctrl+Alt+Z"))
        self.history_action.setToolTip("Shows every change you can undo, newest last")
        self._menus()
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

    def _show_undo_state(self, *_changed: object) -> None:
        # Typing not yet saved is the newest change: Undo takes it back (it is saved onto
        # the history first) and there is nothing to redo past it.
        typing = self.page.typing_in
        can_undo = typing is not None or self.undo_stack.canUndo()
        can_redo = typing is None and self.undo_stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo_text = self._describe_typing(*typing) if typing else self.undo_stack.undoText()
        redo_text = self.undo_stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if can_undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if can_redo else "&Redo")
        self.undo_action.setToolTip(f"Undo {undo_text} (Ctrl+Z)" if can_undo else "Nothing to undo")
        self.redo_action.setToolTip(f"Redo {redo_text} (Ctrl+Y)" if can_redo else "Nothing to redo")

    def _undo(self) -> None:
        self.page.flush()
        self.undo_stack.undo()

    def _redo(self) -> None:
        if self.page.typing:  # typing since the undo replaces what redo would put back
            self.page.flush()
            return
        self.undo_stack.redo()

    def _left_box(self, key: AnswerKey, field: str) -> None:
        """Typing there again is another change: one undo never takes two visits' words."""
        newest = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(newest, AnswerCommand) and (newest.key, newest.field) == (key, field):
            newest.close_typing()

    def _describe(self, key: AnswerKey, field: str, old: object, new: object) -> str:
        """A change as the undo history names it: "Section B, question 3 “Is …”: rating
        Good → Requires improvement"."""
        where = where_words(self.detail.index, self._pages, self.detail.blocks, key)
        return f"{where}: {change_words(self.detail.index, key, field, old, new)}"

    def _describe_typing(self, key: AnswerKey, field: str) -> str:
        """Typing not yet saved, from what is saved to what the box shows."""
        saved = self.answers.get(key)
        widget = self.page.questions.get(key)
        old = getattr(saved, field) if saved else ""
        return self._describe(key, field, old, widget.shown(field) if widget else old)

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
        splitter = SharedWidth(
            [
                Pane(self.navigator, 32, 0.22),
                Pane(self.page),
                Pane(ScrollsWhenCrowded(side), 42, 0.32),
            ]
        )
        self.splitter = splitter
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self.save_state = named(
            QLabel("All changes saved"),
            "Save state",
            "Whether every change shown is saved in the database",
        )
        self.statusBar().addPermanentWidget(self.save_state)
        self.history = QDockWidget("Undo history", self)
        self.history.setObjectName("undoHistory")
        view = named(
            QUndoView(self.undo_stack),
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

    def _action(self, text: str, shortcut: str | None, slot: Any, description: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(description)
        action.setStatusTip(description)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _refresh_everything(self) -> None:
        detail = self.detail
        subject = detail.child_reference or (detail.setting.name if detail.setting else "")
        self.setWindowTitle(f"{detail.reference} — {detail.template.title} — {subject}")
        named(
            self, f"Audit {detail.reference}", f"Editing the {detail.template.title} of {subject}"
        )
        self._pages = pages(detail.index, detail.blocks, detail.context)
        self.navigator.show_pages(self._pages, detail.index, self._states(), self._current)
        self._show_grades_from(detail.grading, detail)
        self._show_status()
        self._show_actions()

    def _states(self) -> dict[AnswerKey, AnswerState]:
        return {key: record.state for key, record in self.answers.items()}

    def _show_status(self) -> None:
        editable = self.detail.is_editable
        self.complete_action.setEnabled(editable)
        self.reopen_action.setEnabled(not editable)
        if editable:
            self.message.hide()
        else:
            self.message.show_info(
                f"This audit is {self.detail.status.label.lower()}, so its answers are locked. "
                "Use Reopen to change them (you will be asked why)."
            )

    def _show_grades_from(self, grading: Any, detail: AuditDetail) -> None:
        self.grades.show_grades(
            grading,
            suggested=detail.suggested_grade,
            override=detail.override_grade,
            final=detail.final_grade,
            override_reason=detail.override_reason,
            points=points_per_rating(detail.index),
        )

    def _show_actions(self) -> None:
        if not self.detail.actions:
            self.actions_list.setText("No actions yet. Use “Add action…” on any question.")
            return
        lines = [
            f"• {a.action} — {a.owner_agency.label}: {a.owner}, due {date_text(a.due_date)}"
            f" ({'overdue' if a.overdue else a.status.label.lower()})"
            for a in self.detail.actions
        ]
        self.actions_list.setText("Actions:\n" + "\n".join(lines))

    def _show_page(self, key: PageKey) -> None:
        page = next((p for p in self._pages if p.key == key), None)
        if page is None:
            return
        self._current = key
        self.page.show_page(
            page,
            self.detail.index,
            self.answers,
            self.detail.blocks,
            editable=self.detail.is_editable,
        )

    def go_to(self, key: PageKey, question: AnswerKey | None = None) -> None:
        """Show a page (and a question on it) and move the keyboard there."""
        self.navigator.choose(key)
        self._show_page(key)
        if question is not None:
            self.page.focus_question(question)
        else:
            self.page.focus_first()

    def _step(self, direction: int) -> None:
        keys = [p.key for p in self._pages]
        if not keys:
            return
        position = keys.index(self._current) if self._current in keys else 0
        self.go_to(keys[max(0, min(len(keys) - 1, position + direction))])

    # -- saving answers ---------------------------------------------------------------------
    def _edited(self, key: AnswerKey, field: str, value: object) -> None:
        current = self.answers.get(key)
        old = getattr(current, field) if current else (None if field == "rating" else "")
        if old == value:
            self._show_undo_state()  # typed and typed back: nothing to undo after all
            return
        describe = partial(self._describe, key, field)
        self.undo_stack.push(AnswerCommand(self._apply, key, field, old, value,
                                           describe=describe))  # fmt: skip

    def _apply(self, key: AnswerKey, field: str, value: object) -> None:
        """Record one field (from an edit, an undo or a redo) and save it.

        The widget is touched only when it shows something else, which is an undo or a
        redo: for an edit it already shows what the person typed or chose.
        """
        record = self.answers.get(key) or AnswerRecord(
            key[0], key[1], None, "", "", None, datetime.now().astimezone(), self.ctx.actor.name
        )
        record = replace(record, **{field: value})  # type: ignore[arg-type]
        self.answers[key] = record
        widget = self.page.questions.get(key)
        if widget is not None and widget.shown(field) != value:
            widget.show_field(field, value)
        self.navigator.update_progress(self._pages, self.detail.index, self._states())
        question, block = key
        self._write(
            lambda: audits.record_answer(
                self.ctx,
                self.detail.uuid,
                question,
                block,
                **{field: value},  # type: ignore[arg-type]
            ),
            lambda change: self._answer_saved(key, change.after, change.grades),
            key=key,
        )

    def _answer_saved(self, key: AnswerKey, stored: AnswerRecord, grades: GradeUpdate) -> None:
        """Saved: only the grades change on screen; the answer shown is already right."""
        shown = self.answers.get(key)
        if shown is not None:
            self.answers[key] = replace(shown, updated_at=stored.updated_at)
        graded_before = self.detail.final_grade
        self.detail = replace(
            self.detail,
            grading=grades.grading,
            suggested_grade=grades.suggested_grade,
            final_grade=grades.final_grade,
        )
        self._show_grades_from(grades.grading, self.detail)
        if grades.final_grade != graded_before:  # the audit list shows the grade so far
            self.changed.emit(self.detail.uuid)

    def _write(self, work: Any, done: Any, *, key: AnswerKey | None = None) -> None:
        self.pending += 1
        if key is not None:
            self._unsaved[key] = self._unsaved.get(key, 0) + 1
        self.save_state.setText("Saving…")

        def saved() -> None:
            self.pending -= 1
            if key is not None:
                left = self._unsaved.pop(key) - 1
                if left:
                    self._unsaved[key] = left

        def finished(result: Any) -> None:
            saved()
            done(result)
            self._settled()

        def failed(error: BaseException) -> None:
            saved()
            # Reloaded first: showing what is stored resets the message bar, which would
            # otherwise hide why the change was refused as soon as it was said.
            try:
                self._reload()
            finally:
                self._handle(error)
            self._settled()

        self.tasks.write(work, finished, failed)

    def _settled(self) -> None:
        if self.pending == 0:
            self.save_state.setText(f"All changes saved at {datetime.now():%H:%M:%S}")
            self.saved.emit()

    def _reload(self) -> None:
        """After a refused save or a change of structure: show what the database holds,
        except answers whose saving is still queued (what the person sees of those is
        newer than the database). Typing still waiting is queued first."""
        self.page.flush()
        self._take(audits.get_audit(self.ctx, self.detail.uuid))
        self._refresh_everything()
        if self._current:
            self._show_page(self._current)

    def _take(self, detail: AuditDetail) -> None:
        self.detail = detail
        answers = dict(detail.answers)
        for key in self._unsaved:
            if key in self.answers:
                answers[key] = self.answers[key]
        self.answers = answers

    def _problem(self, message: str) -> None:
        self.message.show_problem(message)

    # -- blocks ------------------------------------------------------------------------------
    def _add_block(self, section_id: str, parent_id: str | None) -> None:
        section = self.detail.index.sections[section_id]
        assert section.repeat is not None
        if not section.repeat.sampled_child:
            self._push_add_block(section_id, parent_id, None)
            return
        dialog = SampledChildDialog(self)

        def chosen() -> None:
            child = SampledChild(
                dialog.reference.text(),
                int(dialog.year.currentData()),
                required(dialog.need, PrimaryNeed),
            )
            self._push_add_block(section_id, parent_id, child)

        self.dialogs.ask(dialog, chosen)

    def _push_add_block(
        self, section_id: str, parent_id: str | None, child: SampledChild | None
    ) -> None:
        section = self.detail.index.sections[section_id]
        assert section.repeat is not None
        block_id = str(uuid.uuid4())
        uuid_ = self.detail.uuid
        what = f"add {section.repeat.unit}" + (f" {child.reference}" if child else "")
        self.undo_stack.push(
            CallCommand(
                what,
                lambda: self._structural(
                    lambda: audits.add_block(
                        self.ctx,
                        uuid_,
                        section_id,
                        parent_block_id=parent_id,
                        sampled_child=child,
                        block_id=block_id,
                    ),
                    PageKey(section_id, block_id),
                ),
                lambda: self._structural(
                    lambda: audits.remove_block(self.ctx, uuid_, block_id),
                    PageKey(section_id, parent_id, True),
                ),
            )
        )

    def _rename_block(self, block_id: str) -> None:
        block = next(b for b in self.detail.blocks if b.id == block_id)
        text = self.dialogs.text(self, f"Rename “{block.label}”", "New name:", block.label)
        if text is None or not text.strip() or text.strip() == block.label:
            return
        text = text.strip()
        uuid_, old, key = self.detail.uuid, block.label, PageKey(block.section_id, block_id)
        self.undo_stack.push(
            CallCommand(
                f"rename “{old}” to “{text}”",
                lambda: self._structural(
                    lambda: audits.rename_block(self.ctx, uuid_, block_id, text), key
                ),
                lambda: self._structural(
                    lambda: audits.rename_block(self.ctx, uuid_, block_id, old), key
                ),
            )
        )

    def _remove_block(self, block_id: str) -> None:
        block = next(b for b in self.detail.blocks if b.id == block_id)
        if not self.dialogs.confirm(
            self, "Remove", f"Remove “{block.label}” and its answers? (Undo puts it back.)"
        ):
            return
        uuid_ = self.detail.uuid
        removal: list[audits.Removal] = []
        back = PageKey(block.section_id, block.parent_id, True)

        def remove() -> audits.Removal:
            removal[:] = [audits.remove_block(self.ctx, uuid_, block_id)]
            return removal[0]

        self.undo_stack.push(
            CallCommand(
                f"remove “{block.label}”",
                lambda: self._structural(remove, back),
                lambda: self._structural(
                    lambda: audits.restore_blocks(self.ctx, uuid_, removal[0]),
                    PageKey(block.section_id, block_id),
                ),
            )
        )

    def _structural(self, work: Any, then_show: PageKey) -> None:
        self.page.flush()

        def done(_result: object) -> None:
            self._reload()
            self.go_to(then_show)

        self._write(work, done)

    # -- audit-level acts ---------------------------------------------------------------------
    def _complete(self) -> None:
        self.page.flush()
        # Locking the answers takes the keyboard off their buttons: note where it was.
        self._completing_from = self._keyboard_place()
        self.page.set_editable(False)  # nothing typed while completing can be lost

        def refused(error: BaseException) -> None:
            self.page.set_editable(self.detail.is_editable)
            self._put_keyboard_back(self._completing_from)
            self._completing_from = None
            if isinstance(error, CompletionRefused):
                self.message.show_problem(str(error).splitlines()[0])
                dialog = MissingDialog(error.missing, self)
                self.dialogs.ask(dialog, lambda: self._go_to_missing(dialog))
            else:
                self._handle(error)

        self.tasks.write(
            lambda: audits.complete_audit(self.ctx, self.detail.uuid),
            self._status_changed,
            refused,
        )

    def _go_to_missing(self, dialog: MissingDialog) -> None:
        item = dialog.chosen
        if item is None:
            return
        if item.question_id:
            self.go_to(PageKey(item.section_id, item.block_id), (item.question_id, item.block_id))
        else:
            self.go_to(PageKey(item.section_id, item.block_id, True))

    def _reopen(self) -> None:
        dialog = ReasonDialog(
            "Reopen the audit",
            "Reopening returns the audit to draft so it "
            "can be changed. Say why; the reason is kept.",
            "&Reopen",
            self,
        )

        def reopen() -> None:
            reason = dialog.text
            self._call(lambda: audits.reopen_audit(self.ctx, self.detail.uuid, reason))

        self.dialogs.ask(dialog, reopen)

    def _override(self) -> None:
        dialog = OverrideDialog(self.detail.suggested_grade, self.detail.override_grade, self)

        def override() -> None:
            grade, reason = dialog.chosen, dialog.text
            self._call(lambda: audits.override_grade(self.ctx, self.detail.uuid, grade, reason))

        self.dialogs.ask(dialog, override)

    def _add_action(self, key: AnswerKey) -> None:
        self.page.flush()
        question = self.detail.index.questions[key[0]]
        answer = self.answers.get(key)
        finding = question.prompt + (f" — {answer.comment}" if answer and answer.comment else "")
        dialog = ActionDialog(finding, self.ctx.today(), self)

        def add() -> None:
            finding, action, agency, owner, due, reaudit = dialog.values()
            details = ActionInput(finding, action, agency, owner, due, reaudit, key[0], key[1])
            self._write(
                lambda: add_action(self.ctx, self.detail.uuid, details),
                lambda record: self._action_added(record.action),
            )

        self.dialogs.ask(dialog, add)

    def _action_added(self, text: str) -> None:
        self.tasks.read(
            lambda: audits.get_audit(self.ctx, self.detail.uuid),
            lambda detail: self._actions_loaded(detail, text),
            self._handle,
        )

    def _actions_loaded(self, detail: AuditDetail, text: str) -> None:
        self.detail = replace(self.detail, actions=detail.actions)
        self._show_actions()
        self.message.show_info(f"Action added: {text}")

    def _report(self) -> None:
        self.page.flush()
        suggested = Path.home() / f"Audit {self.detail.reference}.pdf"
        chosen = self.dialogs.save_file(
            self, "Save the audit report", suggested, "PDF documents (*.pdf)"
        )
        if chosen is None:
            return
        uuid_ = self.detail.uuid
        run_with_progress(
            self,
            self.tasks,
            "Writing the audit report",
            lambda _control: export_audit_report(self.ctx, uuid_, chosen),
            on_done=lambda result: self.message.show_info(f"Report written to {result.files[0]}."),
            on_error=self._handle,
            writes=True,  # after every edit queued before it, so the report shows them
        )

    def _trail(self) -> None:
        self.page.flush()
        self.tasks.write(  # the write lane: the trail includes every edit made so far
            lambda: audits.audit_trail(self.session.ctx, self.detail.uuid),
            lambda entries: self.dialogs.ask(TrailDialog(entries, self)),
            self._handle,
        )

    def _call(self, work: Any) -> None:
        self.page.flush()
        self.tasks.write(work, self._status_changed, self._handle)

    def _status_changed(self, detail: AuditDetail) -> None:
        was_editable = self.detail.is_editable
        place = self._keyboard_place() or self._completing_from
        self._completing_from = None
        self.page.flush()
        self._take(detail)
        if was_editable != detail.is_editable:
            self.undo_stack.clear()  # a locked audit cannot be undone into
        self._refresh_everything()
        if self._current:
            self._show_page(self._current)
        self.statusBar().showMessage(f"Audit {detail.status.label.lower()}.", 8000)
        self._put_keyboard_back(place)  # the page was built afresh, without the keyboard
        self.changed.emit(detail.uuid)

    def _keyboard_place(self) -> AnswerKey | None:
        """The question the keyboard is in (this window's, even while a dialog is open)."""
        focused = self.focusWidget()
        for key, question in self.page.questions.items():
            if focused is not None and question.isAncestorOf(focused):
                return key
        return None

    def _put_keyboard_back(self, place: AnswerKey | None) -> None:
        """Back on that question (its comment, once the answers are locked), or, if the
        keyboard is nowhere now, on the sections list: never on nothing."""
        if place is not None and place in self.page.questions:
            self.page.focus_question(place)
            return
        focused = self.focusWidget()
        if focused is None or not focused.isVisible() or not focused.isEnabled():
            self.navigator.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Typing still waiting goes into the write lane now; queued writes finish there
        # after the window has gone (their results, meant for it, are dropped).
        self.page.flush()
        self.preferences.set_geometry("editor", self.saveGeometry())
        self.tasks.close()
        self.closed.emit(self.detail.uuid)
        super().closeEvent(event)
