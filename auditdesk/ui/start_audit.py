"""Audit > New audit, start to finish: what the form offers is read first (templates,
settings, places), the form opens with it, and the audit (and a new setting, if the
person typed one) is made in the write lane while the form waits open."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from auditdesk.domain.reference import SettingPhase, SettingType
from auditdesk.services import audits, kernel
from auditdesk.services.kernel import (
    AuditDetail,
    ServiceContext,
    SettingRecord,
    TemplateSummary,
)
from auditdesk.ui.choices import required
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import Failed, TaskScope

if TYPE_CHECKING:
    from auditdesk.ui.new_audit_dialog import NewAuditDialog

Offered = tuple[list[TemplateSummary], list[SettingRecord], list[str]]


class StartAudit(QObject):
    """Asks for a new audit and makes it; :attr:`started` says which audit was made."""

    started = Signal(str)  # the new audit's uuid
    templates_read = Signal(object)  # list[TemplateSummary], as fresh as the form's

    def __init__(
        self,
        parent: QWidget,
        session: AppSession,
        dialogs: DialogService,
        tasks: TaskScope,
        on_error: Failed,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._dialogs = dialogs
        self._tasks = tasks
        self._on_error = on_error
        # One form at a time, however often New audit is pressed: while its lists are
        # being read, pressing again does nothing; once it is open, it is brought forward.
        self._reading = False
        self._form: NewAuditDialog | None = None

    def ask(self) -> None:
        form = self._form
        if form is not None and shiboken6.isValid(form) and form.isVisible():
            form.raise_()
            form.activateWindow()
            return
        if self._reading:
            return
        ctx = self._session.ctx
        self._reading = True
        self._tasks.read(lambda: _offered(ctx), self._show, self._not_read)

    def _not_read(self, error: BaseException) -> None:
        self._reading = False
        self._on_error(error)

    def _show(self, offered: Offered) -> None:
        self._reading = False
        # Imported when the person asks for a new audit: the form (and the form dialogs
        # behind it) is not needed before, least of all for the first page of audits.
        from auditdesk.ui.new_audit_dialog import NewAuditDialog  # noqa: PLC0415

        templates, settings, localities = offered
        self.templates_read.emit(templates)
        ctx = self._session.ctx
        dialog = NewAuditDialog(
            templates, settings, localities, actor=ctx.actor, today=ctx.today(),
            parent=self._parent,
        )  # fmt: skip
        dialog.saves_through(self._tasks, lambda: _making(ctx, dialog), self._on_error)
        self._form = dialog

        def made() -> None:
            detail: AuditDetail | None = dialog.saved_result
            if detail is not None:  # accepted once the audit was made, and only then
                self.started.emit(detail.uuid)

        self._dialogs.ask(dialog, made)


def _offered(ctx: ServiceContext) -> Offered:
    return kernel.list_templates(ctx), kernel.list_settings(ctx), kernel.localities(ctx)


def _making(ctx: ServiceContext, dialog: NewAuditDialog) -> Callable[[], AuditDetail]:
    """The work of making the audit, with everything read from the form now (on the GUI
    thread): the work itself runs in the write lane, where no widget may be touched."""
    template = dialog.chosen_template
    assert template is not None  # the form checked it
    team, day = dialog.team(), dialog.audit_day
    if not dialog.is_visit:
        subject = dialog.plan_subject()
        return lambda: audits.create_audit(
            ctx, template_id=template.template_id, subject=subject, team=team, audit_date=day
        )
    setting_uuid = dialog.chosen_setting_uuid
    add_setting: Callable[[], SettingRecord] | None = None
    if setting_uuid is None:  # a setting new to this database, typed in the form
        add_setting = partial(
            kernel.add_setting, ctx, name=dialog.new_name.text(), urn=dialog.new_urn.text(),
            setting_type=required(dialog.new_type, SettingType),
            phase=required(dialog.new_phase, SettingPhase),
            locality=dialog.new_locality.currentText(),
        )  # fmt: skip

    def make() -> AuditDetail:
        uuid = setting_uuid if add_setting is None else add_setting().uuid
        assert uuid is not None
        return audits.create_audit(
            ctx, template_id=template.template_id, subject=audits.SettingVisitSubject(uuid),
            team=team, audit_date=day,
        )  # fmt: skip

    return make
