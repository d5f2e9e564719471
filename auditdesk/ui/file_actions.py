"""The File menu's work with files: sending and importing bundles, and exporting for the
Board. Each runs off the GUI thread with a progress dialog; results and problems are
reported in the window's message bar.

It is given what it works with (the session, the dialogs, the window's task scope, its
message bar and the preferences), never the window itself: ``parent`` is only where its
dialogs open, and what the window does after an import follows :attr:`FileActions.imported`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from auditdesk.services import kernel
from auditdesk.services.kernel import ServiceContext, TemplateSummary
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.long_work import run_with_progress
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.wording import count

# The bundles and the reports (and their dialogs) are imported by the command that uses
# them, not here: the window makes its FileActions at start-up, and between them they load
# the whole exchange format, YAML and the Board export, none of which the first page of
# audits needs (docs/performance.md).
if TYPE_CHECKING:
    from auditdesk.services.bundles import BundlePreview, ImportResult
    from auditdesk.services.reports import ExportResult, ReportScope

BUNDLE_FILTER = "AuditDesk bundles (*.auditdesk);;All files (*)"


class FileActions(QObject):
    imported = Signal(bool)  # a bundle was imported; whether it brought conflicts

    def __init__(
        self,
        parent: QWidget,
        session: AppSession,
        dialogs: DialogService,
        tasks: TaskScope,
        message: MessageBar,
        *,
        preferences: Preferences,
    ) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.session = session
        self.dialogs = dialogs
        self.tasks = tasks
        self.message = message
        self.preferences = preferences
        self._handle = error_handler(message.show_problem)

    # -- bundles ------------------------------------------------------------------------------
    def send_audits(self) -> None:
        from auditdesk.services.bundles import send_audits  # noqa: PLC0415 (see the imports)
        from auditdesk.ui.exchange.send_dialog import SendDialog  # noqa: PLC0415

        ctx = self.session.ctx
        dialog = SendDialog(
            ctx, Path.home(), self.dialogs, self.tasks, on_error=self._handle,
            parent=self.dialog_parent,
        )  # fmt: skip

        def send() -> None:
            path, selection = dialog.path, dialog.selection()
            run_with_progress(
                self.dialog_parent,
                self.tasks,
                "Writing the bundle",
                lambda _control: send_audits(ctx, path, selection),
                on_done=lambda result: self.message.show_info(result.describe()),
                on_error=self._handle,
                writes=True,  # records what was sent; after every edit queued before it
                busy=True,
            )

        self.dialogs.ask(dialog, send)

    def import_bundle(self) -> None:
        chosen = self.dialogs.open_file(
            self.dialog_parent, "Import a bundle", Path.home(), BUNDLE_FILTER
        )
        if chosen is not None:
            self.preview_import(chosen)

    def preview_import(self, path: Path) -> None:
        """Show what importing ``path`` would do; import only if the person agrees."""
        from auditdesk.services.bundles import preview_bundle  # noqa: PLC0415 (see the imports)

        ctx = self.session.ctx
        run_with_progress(
            self.dialog_parent,
            self.tasks,
            "Reading the bundle",
            lambda _control: preview_bundle(ctx, path),
            on_done=self._previewed,
            on_error=self._handle,
            busy=True,
        )

    def _previewed(self, preview: BundlePreview) -> None:
        from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog  # noqa: PLC0415

        dialog = ImportPreviewDialog(preview, self.dialog_parent)
        if preview.has_changes:
            self.dialogs.ask(dialog, lambda: self._import(preview))
        else:
            self.dialogs.ask(dialog)

    def _import(self, preview: BundlePreview) -> None:
        from auditdesk.services.bundles import import_bundle  # noqa: PLC0415 (see the imports)

        ctx = self.session.ctx
        run_with_progress(
            self.dialog_parent,
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
        self.imported.emit(bool(result.preview.conflicts))

    # -- the Board ------------------------------------------------------------------------------
    def export_board(self) -> None:
        """The export form, once what it offers (templates, places) has been read."""
        ctx = self.session.ctx
        self.tasks.read(lambda: _offered(ctx), self._ask_export, self._handle)

    def _ask_export(self, offered: tuple[list[TemplateSummary], list[str]]) -> None:
        from auditdesk.ui.export_dialog import ExportDialog  # noqa: PLC0415 (see the imports)

        ctx = self.session.ctx
        templates, localities = offered
        dialog = ExportDialog(
            templates,
            localities,
            today=ctx.today(),
            folder=Path.home(),
            dialogs=self.dialogs,
            remembered=self.preferences.export_choices(),
            parent=self.dialog_parent,
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
        from auditdesk.services.reports import export_board  # noqa: PLC0415 (see the imports)

        ctx = self.session.ctx
        run_with_progress(
            self.dialog_parent,
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


def _offered(ctx: ServiceContext) -> tuple[list[TemplateSummary], list[str]]:
    return kernel.list_templates(ctx), kernel.localities(ctx)
