"""The File menu's work with files: sending and importing bundles, and exporting for the
Board. Each runs off the GUI thread with a progress dialog; results and problems are
reported in the main window's message bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from auditdesk.errors import UserError
from auditdesk.services import subjects
from auditdesk.services.bundles import (
    BundlePreview,
    ImportResult,
    import_bundle,
    preview_bundle,
    send_audits,
)
from auditdesk.services.exports import ExportResult, export_board
from auditdesk.services.report_scope import ReportScope
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.long_work import run_with_progress

if TYPE_CHECKING:
    from auditdesk.ui.main_window import MainWindow

BUNDLE_FILTER = "AuditDesk bundles (*.auditdesk);;All files (*)"


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # -- bundles ------------------------------------------------------------------------------
    def send_audits(self) -> None:
        dialog = SendDialog(self.window.session.ctx, Path.home(), self.window)
        if not dialog.exec():
            return
        path, selection, ctx = dialog.path, dialog.selection(), self.window.session.ctx
        run_with_progress(
            self.window,
            self.window.session.runner,
            "Writing the bundle",
            lambda _control: send_audits(ctx, path, selection),
            on_done=lambda result: self.window.message.show_info(result.describe()),
            on_error=self.window.handle_error,
            busy=True,
        )

    def import_bundle(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Import a bundle", str(Path.home()), BUNDLE_FILTER
        )
        if chosen:
            self.preview_import(Path(chosen))

    def preview_import(self, path: Path) -> None:
        """Show what importing ``path`` would do; import only if the person agrees."""
        db = self.window.session.db
        run_with_progress(
            self.window,
            self.window.session.runner,
            "Reading the bundle",
            lambda _control: preview_bundle(db, path),
            on_done=self._previewed,
            on_error=self.window.handle_error,
            busy=True,
        )

    def _previewed(self, preview: BundlePreview) -> None:
        dialog = ImportPreviewDialog(preview, self.window)
        if not dialog.exec() or not preview.has_changes:
            return
        ctx = self.window.session.ctx
        run_with_progress(
            self.window,
            self.window.session.runner,
            "Importing the bundle",
            lambda control: import_bundle(
                ctx, preview.file, expected=preview, progress=lambda _stage: control.progress(0, 0)
            ),
            on_done=self._imported,
            on_error=self.window.handle_error,
            writes=True,
            busy=True,
        )

    def _imported(self, result: ImportResult) -> None:
        self.window.message.show_info(result.describe())
        self.window.refresh()
        self.window.conflicts.reload()
        if result.preview.conflicts:
            self.window.tabs.setCurrentWidget(self.window.conflicts)

    def export_board(self) -> None:
        ctx = self.window.session.ctx
        dialog = ExportDialog(
            self.window.templates,
            subjects.localities(self.window.session.db),
            today=ctx.today(),
            folder=Path.home(),
            parent=self.window,
        )
        while dialog.exec():
            try:
                scope = dialog.scope()
            except UserError as problem:
                dialog.problem.setText(str(problem))
                continue
            self._start_export(scope, *dialog.targets(), open_after=dialog.open_after.isChecked())
            return

    def _start_export(
        self, scope: ReportScope, xlsx: Path | None, pdf: Path | None, *, open_after: bool
    ) -> None:
        ctx = self.window.session.ctx
        run_with_progress(
            self.window,
            self.window.session.runner,
            "Exporting for the Board",
            lambda control: export_board(ctx, scope, xlsx=xlsx, pdf=pdf, progress=control.progress),
            on_done=lambda result: self._exported(result, open_after),
            on_error=self.window.handle_error,
        )

    def _exported(self, result: ExportResult, open_after: bool) -> None:
        if result.cancelled:
            self.window.message.show_info("Export cancelled; no file was written or changed.")
            return
        names = ", ".join(str(path) for path in result.files)
        self.window.message.show_info(f"Exported {result.audits:,} audits to {names}.")
        if open_after:
            for path in result.files:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
