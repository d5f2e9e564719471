"""Every question the window puts to the person, in one place tests can swap.

Two kinds, by when they may be asked:

- :meth:`DialogService.ask` opens one of AuditDesk's own dialogs window-modal and returns at
  once; what follows an answer runs from the dialog's ``accepted`` signal, and only while the
  window that asked is still open. No nested event loop, so work finishing in the background
  meanwhile can never reach a window half torn down. Use it everywhere, and always from work
  delivered by the task runner.
- The choosers and short messages (:meth:`open_file`, :meth:`save_file`, :meth:`confirm`,
  :meth:`choose`, :meth:`text`, :meth:`warn`, :meth:`inform`) block until answered, as the
  platform's own file dialogs do. Ask them only at the start of something the person just did
  (a menu command, a button), never from delivered work.

Tests use ``tests/ui/scripted_dialogs.py``, which answers the blocking ones from a script and
shows AuditDesk's own dialogs without a modal loop, for the test to drive with keys and clicks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

# AuditDesk's own choosers (auditdesk.ui.dialogs, auditdesk.ui.file_choosers) are imported
# when one is asked for: the service is made at start-up, before the first page of audits,
# which needs neither (docs/performance.md).


class DialogService:
    # -- AuditDesk's own dialogs ---------------------------------------------------------------
    def ask(
        self,
        dialog: QDialog,
        on_accepted: Callable[[], None] | None = None,
        *,
        on_finished: Callable[[bool], None] | None = None,
    ) -> None:
        """Open ``dialog`` window-modal; ``on_accepted`` runs if the person accepts it,
        ``on_finished(accepted)`` either way. The dialog deletes itself once closed."""
        self._connect(dialog, on_accepted, on_finished)
        dialog.open()

    def run_before_any_window(self, dialog: QDialog) -> bool:
        """Blocking, for the one question asked before a window exists (who you are)."""
        return bool(dialog.exec())

    # -- choosers and short messages (blocking) -------------------------------------------------
    def open_file(self, parent: QWidget, title: str, folder: Path, filters: str) -> Path | None:
        from auditdesk.ui.file_choosers import FileChooser  # noqa: PLC0415 (see the imports)

        chooser = FileChooser(parent, title, folder, filters, saving=False)
        chooser.exec()
        return chooser.chosen

    def save_file(self, parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
        from auditdesk.ui.file_choosers import FileChooser  # noqa: PLC0415 (see the imports)

        chooser = FileChooser(parent, title, suggested, filters, saving=True)
        chooser.exec()
        return chooser.chosen

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        """The position of the item chosen, or ``None`` if the person cancelled."""
        if not items:
            return None
        from auditdesk.ui.dialogs import ChoiceDialog  # noqa: PLC0415 (see the imports)

        chooser = ChoiceDialog(title, label, items, parent)  # nothing chosen for the person
        accepted = chooser.exec() == QDialog.DialogCode.Accepted
        return chooser.chosen if accepted else None

    def text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        answer, ok = QInputDialog.getText(parent, title, label, text=text)
        return answer if ok else None

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    # -- shared with the scripted version used in tests --------------------------------------
    @staticmethod
    def _connect(
        dialog: QDialog,
        on_accepted: Callable[[], None] | None,
        on_finished: Callable[[bool], None] | None,
    ) -> None:
        parent = dialog.parentWidget()
        if parent is not None:
            follow_app_shortcuts(dialog, parent.window())

        def finished(result: int) -> None:
            # The window that asked may have closed while the dialog was open.
            if parent is not None and (
                not shiboken6.isValid(parent) or not parent.window().isVisible()
            ):
                dialog.deleteLater()
                return
            accepted = result == QDialog.DialogCode.Accepted
            try:
                if accepted and on_accepted is not None:
                    on_accepted()
                if on_finished is not None:
                    on_finished(accepted)
            finally:
                dialog.deleteLater()

        dialog.finished.connect(finished)


def follow_app_shortcuts(dialog: QWidget, window: QWidget) -> None:
    """Give ``dialog`` the application-wide commands of the window that opened it (text
    size, contrast). While a window-modal dialog is open its window is blocked, and Qt
    then ignores the shortcuts of that window's actions: without this, Ctrl+plus would
    do nothing in a dialog, where larger text is needed just as much."""
    for action in window.actions():
        if action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut:
            dialog.addAction(action)
