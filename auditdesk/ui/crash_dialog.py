"""When something unexpected (a bug) happens: say so plainly, keep the details copyable,
and point at the log file. The work already saved is safe, and the dialog says so."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk import APP_NAME, __version__
from auditdesk.ui.accessibility import named

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: something went wrong")
        named(self, "Something went wrong", "An unexpected problem in AuditDesk")
        summary = QLabel(
            "AuditDesk met a problem it did not expect. Everything shown as saved is safe in "
            "the database.\n\nPlease copy the details below and send them, with the log "
            f"file, to your support team.\nLog file: {log_path}"
        )
        summary.setWordWrap(True)
        named(summary, "What happened", "Explains that an unexpected problem occurred")
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        named(self.details, "Technical details", "The error details to send to support")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        named(copy, "Copy details", "Copies the technical details to the clipboard")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.details.toPlainText()))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        named(close, "Close", "Closes this message")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)


def install_crash_handler(log_path: Path) -> None:
    """Route unexpected exceptions (including those raised in Qt slots) to the log and the
    crash dialog instead of a silent stderr print."""
    showing = [False]

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        details = f"{APP_NAME} {__version__}, Python {sys.version.split()[0]}\n" + "".join(
            traceback.format_exception(kind, error, tb)
        )
        if showing[0] or QApplication.instance() is None:
            return

        def show() -> None:
            showing[0] = True
            try:
                CrashDialog(details, log_path, QApplication.activeWindow()).exec()
            finally:
                showing[0] = False

        QTimer.singleShot(0, show)

    sys.excepthook = handle


def report_unexpected(error: BaseException) -> None:
    """For errors that arrive from background work: same route as any other bug."""
    sys.excepthook(type(error), error, error.__traceback__)
