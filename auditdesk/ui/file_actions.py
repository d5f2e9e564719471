"""The File menu's work with files: sending and importing bundles, and exporting for the
Board. Each runs off the GUI thread with a progress dialog; results and problems are
reported in the window's message bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from auditdesk.services import kernel
from auditdesk.services.bundles import (
    BundlePreview,
    ImportResult,
    import_bundle,
    preview_bundle,
    send_audits,
)
from auditdesk.services.kernel import TemplateSummary
from auditdesk.services.reports import ExportResult, ReportScope, export_board
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.long_work import run_with_progress
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.wording import count

BUNDLE_FILTER = "AuditDesk bundles (*.auditdesk);;All files (*)"


class FileActions(QObject):
    def __init__(
        self,
        window: QWidget,
        session: AppSession,
        dialogs: DialogService,
        tasks: TaskScope,
        message: MessageBar,
        *,
        after_import: Callable[[bool], None],
        templates: Callable[[], list[TemplateSummary]],
        preferences: Preferences,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.dialogs = dialogs
        self.tasks = tasks
        self.message = message
        self._after_import = after_import
        self._templates = templates
        self.preferences = preferences
        self._handle = error_handler(message.show_problem)

    # -- bundles ------------------------------------------------------------------------------
    def send_audits(self) -> None:
        ctx = self.session.ctx
        dialog = SendDialog(ctx, Path.home(), self.dialogs, self.window)

        def send() -> None:
            path, selection = dialog.path, dialog.selection()
            run_with_progress(
                self.window,
                self.tasks,
                "Writing the bundle",
                lambda _control: send_audits(ctx, path, selection),
                on_done=lambda result: self.message.show_info(result.describe()),
                on_error=self._handle,
                busy=True,
            )

        self.dialogs.ask(dialog, send)

    def import_bundle(self) -> None:
        chosen = self.dialogs.open_file(self.window, "Import a bundle", Path.home(), BUNDLE_FILTER)
        if chosen is not None:
            self.preview_import(chosen)

    def preview_import(self, path: Path) -> None:
        """Show what importing ``path`` would do; import only if the person agrees."""
        db = self.session.db
        run_with_progress(
            self.window,
            self.tasks,
            "Reading the bundle",
            lambda _control: preview_bundle(db, path),
            on_done=self._previewed,
            on_error=self._handle,
            busy=True,
        )

    def _previewed(self, preview: BundlePreview) -> None:
        dialog = ImportPreviewDialog(preview, self.window)
        if preview.has_changes:
            self.dialogs.ask(dialog, lambda: self._import(preview))
        else:
            self.dialogs.ask(dialog)

    def _import(self, preview: BundlePreview) -> None:
        ctx = self.session.ctx
        run_with_progress(
            self.window,
            self.tasks,
            "Importing the bundle",
            lambda control: import_bundle(
                ctx, preview.file, expected=preview, progress=lambda _stage: control.progress(0, 0)
            ),
            on_done=self._imported,
            on_error=self._handle,
            writes=True,
            busy=True,
        )

    def _imported(self, result: ImportResult) -> None:
        self.message.show_info(result.describe())
        self._after_import(bool(result.preview.conflicts))

    # -- the Board ------------------------------------------------------------------------------
    def export_board(self) -> None:
        ctx = self.session.ctx
        dialog = ExportDialog(
            self._templates(),
            kernel.localities(self.session.ctx),
            today=ctx.today(),
            folder=Path.home(),
            dialogs=self.dialogs,
            remembered=self.preferences.export_choices(),
            parent=self.window,
        )
        chosen: list[ReportScope] = []
        dialog.submit = lambda: chosen.append(dialog.scope())

        def start() -> None:
            self.preferences.remember_export_choices(dialog.choices())
            self._start_export(
                chosen[0], *dialog.targets(), open_after=dialog.open_after.isChecked()
            )

        self.dialogs.ask(dialog, start)

    def _start_export(
        self, scope: ReportScope, xlsx: Path | None, pdf: Path | None, *, open_after: bool
    ) -> None:
        ctx = self.session.ctx
        run_with_progress(
            self.window,
            self.tasks,
            "Exporting for the Board",
            lambda control: export_board(ctx, scope, xlsx=xlsx, pdf=pdf, progress=control.progress),
            on_done=lambda result: self._exported(result, open_after),
            on_error=self._handle,
        )

    def _exported(self, result: ExportResult, open_after: bool) -> None:
        if result.cancelled:
            self.message.show_info("Export cancelled; no file was written or changed.")
            return
        names = ", ".join(str(path) for path in result.files)
        self.message.show_info(f"Exported {count(result.audits, 'audit')} to {names}.")
        if open_after:
            for path in result.files:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
