"""What the editor does to the audit as a whole: complete it (or say what is missing),
reopen it with a reason, override its grade, add an action from a question, write its
report and show its change trail. Each goes through the write lane, after every edit
queued before it, so what it works on is what the person sees."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from auditdesk.errors import CompletionRefused
from auditdesk.services import audits
from auditdesk.services.audits import ActionInput, add_action
from auditdesk.services.kernel import AuditDetail
from auditdesk.services.reports import export_audit_report
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.commands import AnswerKey
from auditdesk.ui.editor.editor_controller import EditorController
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.editor.pages import PageKey
from auditdesk.ui.editor.reason_dialog import ReasonDialog
from auditdesk.ui.long_work import run_with_progress


class AuditActs(QObject):
    def __init__(self, controller: EditorController, dialogs: DialogService) -> None:
        super().__init__(controller)
        self.controller = controller
        self.view = view = controller.view
        self.dialogs = dialogs
        self._completing_from: AnswerKey | None = None
        view.complete_action.triggered.connect(self.complete)
        view.reopen_action.triggered.connect(self.reopen)
        view.override_action.triggered.connect(self.override)
        view.trail_action.triggered.connect(self.trail)
        view.report_action.triggered.connect(self.report)
        view.grades.override_requested.connect(self.override)
        view.page.action_requested.connect(self.add_action)

    # -- completing and reopening -------------------------------------------------------------
    def complete(self) -> None:
        view, controller = self.view, self.controller
        view.page.flush()
        # Locking the answers takes the keyboard off their buttons: note where it was.
        self._completing_from = view.keyboard_place()
        view.page.set_editable(False)  # nothing typed while completing can be lost

        def refused(error: BaseException) -> None:
            view.page.set_editable(controller.detail.is_editable)
            view.put_keyboard_back(self._completing_from)
            self._completing_from = None
            if isinstance(error, CompletionRefused):
                view.message.show_problem(str(error).splitlines()[0])
                dialog = MissingDialog(error.missing, view)
                self.dialogs.ask(dialog, lambda: self._go_to_missing(dialog))
            else:
                controller.handle_error(error)

        ctx, audit_uuid = controller.ctx, controller.detail.uuid
        controller.tasks.write(
            lambda: audits.complete_audit(ctx, audit_uuid), self._status_changed, refused
        )

    def _go_to_missing(self, dialog: MissingDialog) -> None:
        item = dialog.chosen
        if item is None:
            return
        if item.question_id:
            self.controller.go_to(
                PageKey(item.section_id, item.block_id), (item.question_id, item.block_id)
            )
        else:
            self.controller.go_to(PageKey(item.section_id, item.block_id, True))

    def reopen(self) -> None:
        dialog = ReasonDialog(
            "Reopen the audit",
            "Reopening returns the audit to draft so it "
            "can be changed. Say why; the reason is kept.",
            "&Reopen",
            self.view,
        )
        ctx, audit_uuid = self.controller.ctx, self.controller.detail.uuid

        def reopen() -> None:
            reason = dialog.text
            self._call(lambda: audits.reopen_audit(ctx, audit_uuid, reason))

        self.dialogs.ask(dialog, reopen)

    def override(self) -> None:
        detail, ctx = self.controller.detail, self.controller.ctx
        dialog = OverrideDialog(detail.suggested_grade, detail.override_grade, self.view)

        def override() -> None:
            grade, reason = dialog.chosen, dialog.text
            self._call(lambda: audits.override_grade(ctx, detail.uuid, grade, reason))

        self.dialogs.ask(dialog, override)

    def _call(self, work: Any) -> None:
        self.view.page.flush()
        self.controller.tasks.write(work, self._status_changed, self.controller.handle_error)

    def _status_changed(self, detail: AuditDetail) -> None:
        view, controller = self.view, self.controller
        was_editable = controller.detail.is_editable
        place = view.keyboard_place() or self._completing_from
        self._completing_from = None
        view.page.flush()
        controller.take(detail)
        if was_editable != detail.is_editable:
            controller.undo_stack.clear()  # a locked audit cannot be undone into
        controller.refresh_everything()
        if controller.current:
            controller.show_page(controller.current)
        view.statusBar().showMessage(f"Audit {detail.status.label.lower()}.", 8000)
        view.put_keyboard_back(place)  # the page was built afresh, without the keyboard
        view.changed.emit(detail.uuid)

    # -- actions, the report and the trail ------------------------------------------------------
    def add_action(self, key: AnswerKey) -> None:
        controller = self.controller
        self.view.page.flush()
        question = controller.detail.index.questions[key[0]]
        answer = controller.answers.get(key)
        finding = question.prompt + (f" — {answer.comment}" if answer and answer.comment else "")
        dialog = ActionDialog(finding, controller.ctx.today(), self.view)
        ctx, audit_uuid = controller.ctx, controller.detail.uuid

        def add() -> None:
            finding, action, agency, owner, due, reaudit = dialog.values()
            details = ActionInput(finding, action, agency, owner, due, reaudit, key[0], key[1])
            controller.write(
                lambda: add_action(ctx, audit_uuid, details),
                lambda record: self._action_added(record.action),
            )

        self.dialogs.ask(dialog, add)

    def _action_added(self, text: str) -> None:
        ctx, audit_uuid = self.controller.ctx, self.controller.detail.uuid
        self.controller.tasks.read(
            lambda: audits.get_audit(ctx, audit_uuid),
            lambda detail: self._actions_loaded(detail, text),
            self.controller.handle_error,
        )

    def _actions_loaded(self, detail: AuditDetail, text: str) -> None:
        controller = self.controller
        controller.detail = replace(controller.detail, actions=detail.actions)
        self.view.show_actions(controller.detail)
        self.view.message.show_info(f"Action added: {text}")

    def report(self) -> None:
        view, controller = self.view, self.controller
        view.page.flush()
        suggested = Path.home() / f"Audit {controller.detail.reference}.pdf"
        chosen = self.dialogs.save_file(
            view, "Save the audit report", suggested, "PDF documents (*.pdf)"
        )
        if chosen is None:
            return
        ctx, audit_uuid = controller.ctx, controller.detail.uuid
        run_with_progress(
            view,
            controller.tasks,
            "Writing the audit report",
            lambda _control: export_audit_report(ctx, audit_uuid, chosen),
            on_done=lambda result: view.message.show_info(f"Report written to {result.files[0]}."),
            on_error=controller.handle_error,
            writes=True,  # after every edit queued before it, so the report shows them
        )

    def trail(self) -> None:
        view, controller = self.view, self.controller
        view.page.flush()
        ctx, audit_uuid = controller.ctx, controller.detail.uuid
        controller.tasks.write(  # the write lane: the trail includes every edit made so far
            lambda: audits.audit_trail(ctx, audit_uuid),
            lambda entries: self.dialogs.ask(TrailDialog(entries, view)),
            controller.handle_error,
        )
