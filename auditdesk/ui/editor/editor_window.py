"""The audit editor window: the view (:mod:`~auditdesk.ui.editor.editor_view`) with what
makes it work put together: the controller that saves answers and keeps the undo history
(:mod:`~auditdesk.ui.editor.editor_controller`), structural edits
(:mod:`~auditdesk.ui.editor.block_edits`) and the acts on the whole audit
(:mod:`~auditdesk.ui.editor.audit_acts`). Every change is saved as it is made; there is
no Save button."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from auditdesk.services.kernel import AnswerRecord, AuditDetail, ServiceContext
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.editor.audit_acts import AuditActs
from auditdesk.ui.editor.block_edits import BlockEdits
from auditdesk.ui.editor.commands import AnswerKey
from auditdesk.ui.editor.editor_controller import EditorController
from auditdesk.ui.editor.editor_view import EditorView
from auditdesk.ui.editor.pages import Page, PageKey
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.view_actions import ViewActions


class AuditEditorWindow(EditorView):
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
        super().__init__(view_actions, parent)
        self.session = session
        self.preferences = preferences
        self.dialogs = dialogs
        self.tasks = session.runner.scope(self)
        self.controller = EditorController(self, session.ctx, self.tasks, detail)
        self.blocks = BlockEdits(self.controller, dialogs)
        self.acts = AuditActs(self.controller, dialogs)
        geometry = preferences.geometry("editor")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)

    # -- what the controller holds, as the window's (tests and benchmarks read these) -------
    @property
    def ctx(self) -> ServiceContext:
        return self.controller.ctx

    @property
    def detail(self) -> AuditDetail:
        return self.controller.detail

    @property
    def answers(self) -> dict[AnswerKey, AnswerRecord]:
        """What the person sees, saved or on its way to the database."""
        return self.controller.answers

    @property
    def undo_stack(self) -> QUndoStack:
        return self.controller.undo_stack

    @property
    def pages(self) -> list[Page]:
        return self.controller.pages

    @property
    def current_page(self) -> PageKey | None:
        return self.controller.current

    def go_to(self, key: PageKey, question: AnswerKey | None = None) -> None:
        """Show a page (and a question on it) and move the keyboard there."""
        self.controller.go_to(key, question)

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) part of the audit."""
        self.controller.step(direction)

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Typing still waiting goes into the write lane now; queued writes finish there
        # after the window has gone (their results, meant for it, are dropped).
        self.page.flush()
        self.preferences.set_geometry("editor", self.saveGeometry())
        self.tasks.close()
        self.closed.emit(self.detail.uuid)
        super().closeEvent(event)
