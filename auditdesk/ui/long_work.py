"""Long work (exports, imports) off the GUI thread with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from auditdesk.ui.accessibility import named
from auditdesk.ui.on_screen import title_width
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
    dialog = QProgressDialog(title, "", 0, 0 if busy else 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work never flashes a dialog
    dialog.setAccessibleName(title)
    dialog.setAccessibleDescription("Shows progress; press Cancel or Escape to stop")
    # The dialog's own button has no name a screen reader can rely on: give it ours.
    stops = f"Stops {title[:1].lower()}{title[1:]}; nothing half done is kept"
    dialog.setCancelButton(named(QPushButton("&Cancel"), "Cancel", stops))
    # A progress dialog is as wide as its label, which is its title: the title bar, with
    # the window manager's buttons beside it, would cut it short ("Export… Board").
    dialog.setMinimumWidth(_width_for_title(dialog))
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


def _width_for_title(dialog: QProgressDialog) -> int:
    """Wide enough for the whole title, but never wider than the screen it opens on."""
    screen = dialog.screen()
    room = screen.availableGeometry().width() if screen is not None else title_width(dialog)
    return min(title_width(dialog), room)
