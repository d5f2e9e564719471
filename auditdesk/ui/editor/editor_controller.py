"""What the audit editor does as the person works: every change is saved as it is made,
through the write lane; the status bar says when everything shown is safely in the
database. Undo and redo work over those saved changes; there is no Save button.

The rule that keeps typing safe: what a question widget shows is the person's, and saving
never writes back into it. ``answers`` follows the widgets (it is what the person sees);
the database follows ``answers`` through the write lane, in order. Only undo and redo
change a widget, one field at a time, after any pending typing is saved.

Structural changes (blocks) and the audit-level acts (complete, reopen, override, actions,
report, trail) are in :mod:`~auditdesk.ui.editor.block_edits` and
:mod:`~auditdesk.ui.editor.audit_acts`; they save through :meth:`EditorController.write`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from auditdesk.domain.completion import AnswerState
from auditdesk.services import audits
from auditdesk.services.kernel import AnswerRecord, AuditDetail, GradeUpdate, ServiceContext
from auditdesk.ui.editor.change_words import change_words, where_words
from auditdesk.ui.editor.commands import AnswerCommand, AnswerKey
from auditdesk.ui.editor.editor_view import EditorView
from auditdesk.ui.editor.pages import Page, PageKey, pages
from auditdesk.ui.errors import error_handler
from auditdesk.ui.task_runner import TaskScope


class EditorController(QObject):
    def __init__(
        self, view: EditorView, ctx: ServiceContext, tasks: TaskScope, detail: AuditDetail
    ) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = ctx
        self.tasks = tasks
        # Opened with the audit as the write lane left it (the opener reads it there), so
        # edits still queued from an editor just closed are in it.
        self.detail = detail
        self.answers: dict[AnswerKey, AnswerRecord] = dict(detail.answers)
        self.pending = 0
        self._unsaved: dict[AnswerKey, int] = {}  # answers with a write still queued
        self.undo_stack = QUndoStack(view)
        view.history_view.setStack(self.undo_stack)
        self.pages: list[Page] = []
        self.current: PageKey | None = None
        self.handle_error = error_handler(view.message.show_problem)
        self._wire()
        self.refresh_everything()

    def _wire(self) -> None:
        view, page = self.view, self.view.page
        view.navigator.page_chosen.connect(self.show_page)
        page.edited.connect(self._edited)
        page.typing_started.connect(self.show_undo_state)
        page.left_box.connect(self._left_box)
        page.open_page_requested.connect(self.go_to)
        page.too_long.connect(
            lambda most: view.message.show_problem(
                f"A comment or evidence box holds at most {most:,} characters; "
                "what went past that was not kept."
            )
        )
        # Undo and redo save any typing still waiting first, so it is on the history too.
        view.undo_action.triggered.connect(self._undo)
        view.redo_action.triggered.connect(self._redo)
        view.next_action.triggered.connect(lambda: self.step(1))
        view.previous_action.triggered.connect(lambda: self.step(-1))
        # Bound methods, not lambdas: Qt drops them when the window goes.
        self.undo_stack.indexChanged.connect(self.show_undo_state)
        self.undo_stack.cleanChanged.connect(self.show_undo_state)
        self.show_undo_state()

    # -- showing ---------------------------------------------------------------------------
    def refresh_everything(self) -> None:
        detail = self.detail
        self.view.show_title(detail)
        self.pages = pages(detail.index, detail.blocks, detail.context)
        self.view.navigator.show_pages(self.pages, detail.index, self.states(), self.current)
        self.view.show_grades(detail.grading, detail)
        self.view.show_status(detail)
        self.view.show_actions(detail)

    def states(self) -> dict[AnswerKey, AnswerState]:
        return {key: record.state for key, record in self.answers.items()}

    def show_page(self, key: PageKey) -> None:
        page = next((p for p in self.pages if p.key == key), None)
        if page is None:
            return
        self.current = key
        self.view.page.show_page(
            page,
            self.detail.index,
            self.answers,
            self.detail.blocks,
            editable=self.detail.is_editable,
        )

    def go_to(self, key: PageKey, question: AnswerKey | None = None) -> None:
        """Show a page (and a question on it) and move the keyboard there."""
        self.view.navigator.choose(key, quietly=True)
        self.show_page(key)
        if question is not None:
            self.view.page.focus_question(question)
        else:
            self.view.page.focus_first()

    def step(self, direction: int) -> None:
        keys = [p.key for p in self.pages]
        if not keys:
            return
        position = keys.index(self.current) if self.current in keys else 0
        self.go_to(keys[max(0, min(len(keys) - 1, position + direction))])

    # -- undo --------------------------------------------------------------------------------
    def show_undo_state(self, *_changed: object) -> None:
        typing = self.view.page.typing_in
        self.view.show_undo_state(
            self.undo_stack, self._describe_typing(*typing) if typing else None
        )

    def _undo(self) -> None:
        self.view.page.flush()
        self.undo_stack.undo()

    def _redo(self) -> None:
        if self.view.page.typing:  # typing since the undo replaces what redo would put back
            self.view.page.flush()
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
        where = where_words(self.detail.index, self.pages, self.detail.blocks, key)
        return f"{where}: {change_words(self.detail.index, key, field, old, new)}"

    def _describe_typing(self, key: AnswerKey, field: str) -> str:
        """Typing not yet saved, from what is saved to what the box shows."""
        saved = self.answers.get(key)
        widget = self.view.page.questions.get(key)
        old = getattr(saved, field) if saved else ""
        return self._describe(key, field, old, widget.shown(field) if widget else old)

    # -- saving answers ---------------------------------------------------------------------
    def _edited(self, key: AnswerKey, field: str, value: object) -> None:
        current = self.answers.get(key)
        old = getattr(current, field) if current else (None if field == "rating" else "")
        if old == value:
            self.show_undo_state()  # typed and typed back: nothing to undo after all
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
        widget = self.view.page.questions.get(key)
        if widget is not None and widget.shown(field) != value:
            widget.show_field(field, value)
        self.view.navigator.update_progress(self.pages, self.detail.index, self.states())
        question, block = key
        ctx, audit_uuid = self.ctx, self.detail.uuid
        self.write(
            lambda: audits.record_answer(
                ctx,
                audit_uuid,
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
        self.view.show_grades(grades.grading, self.detail)
        if grades.final_grade != graded_before:  # the audit list shows the grade so far
            self.view.changed.emit(self.detail.uuid)

    def write(self, work: Any, done: Any, *, key: AnswerKey | None = None) -> None:
        """Save in the write lane, saying "Saving…" until everything shown is saved."""
        self.pending += 1
        if key is not None:
            self._unsaved[key] = self._unsaved.get(key, 0) + 1
        self.view.save_state.setText("Saving…")

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
            # Said once what the database holds is shown: showing it resets the message
            # bar, which would otherwise hide why the change was refused.
            self.reload(then=lambda: self.handle_error(error))
            self._settled()

        self.tasks.write(work, finished, failed)

    def _settled(self) -> None:
        if self.pending == 0:
            self.view.save_state.setText(f"All changes saved at {datetime.now():%H:%M:%S}")
            self.view.saved.emit()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """After a refused save or a change of structure: show what the database holds,
        except answers whose saving is still queued (what the person sees of those is
        newer than the database). Typing still waiting is queued first, and the audit is
        read in the write lane, after it."""
        self.view.page.flush()
        ctx, audit_uuid = self.ctx, self.detail.uuid

        def reloaded(detail: AuditDetail) -> None:
            self.take(detail)
            self.refresh_everything()
            if self.current:
                self.show_page(self.current)
            if then is not None:
                then()

        def unread(error: BaseException) -> None:
            self.handle_error(error)
            if then is not None:
                then()

        self.tasks.write(lambda: audits.get_audit(ctx, audit_uuid), reloaded, unread)

    def take(self, detail: AuditDetail) -> None:
        self.detail = detail
        answers = dict(detail.answers)
        for key in self._unsaved:
            if key in self.answers:
                answers[key] = self.answers[key]
        self.answers = answers
