"""Long work (exports, imports) off the GUI thread with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from auditdesk.ui.task_runner import TaskControl, TaskScope


def run_with_progress(
    parent: QWidget,
    tasks: TaskScope,
    title: str,
    work: Callable[[TaskControl], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    writes: bool = False,
    busy: bool = False,
) -> TaskControl:
    """``busy``: the work reports stages, not amounts, so the bar just shows activity."""
    dialog = QProgressDialog(title, "&Cancel", 0, 0 if busy else 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work never flashes a dialog
    dialog.setAccessibleName(title)
    dialog.setAccessibleDescription("Shows progress; press Cancel or Escape to stop")
    dialog.setValue(0)

    def progressed(done: int, total: int) -> None:
        if total > 0 and not dialog.wasCanceled():
            dialog.setValue(min(99, done * 100 // total))

    def finished(result: Any) -> None:
        dialog.reset()
        dialog.close()
        on_done(result)

    def failed(error: BaseException) -> None:
        dialog.reset()
        dialog.close()
        on_error(error)

    control = tasks.long(work, finished, failed, progressed, writes=writes)
    dialog.canceled.connect(control.cancel)
    return control
