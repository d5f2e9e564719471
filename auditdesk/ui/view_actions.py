"""Text size and high contrast: one set of commands for every window of the app.

The shortcuts (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+Shift+H) work wherever the keyboard is,
in the main window, an editor or second marking, because a person who needs larger text
needs it in the window they are working in. After a change every window is kept within its
screen, so 200% text never pushes a button off the edge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from auditdesk.ui.on_screen import keep_windows_on_screen

__all__ = ["STEP", "ViewActions", "keep_windows_on_screen"]

STEP = 0.1


class ViewActions(QObject):
    """``changed(scale or None, high contrast or None)``: what the person asked for."""

    changed = Signal(object, object)

    def __init__(self, high_contrast: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.larger = self._action(
            "&Larger text",
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
            "Makes all text larger",
            lambda: self.changed.emit(+STEP, None),
        )
        self.smaller = self._action(
            "&Smaller text",
            [QKeySequence(QKeySequence.StandardKey.ZoomOut)],
            "Makes all text smaller",
            lambda: self.changed.emit(-STEP, None),
        )
        self.normal = self._action(
            "&Normal text size",
            [QKeySequence("Ctrl+0")],
            "Returns text to its normal size",
            lambda: self.changed.emit(0.0, None),
        )
        self.contrast = self._action(
            "&High contrast",
            [QKeySequence("Ctrl+Shift+H")],
            "Switches to white on black with yellow focus",
            lambda: self.changed.emit(None, self.contrast.isChecked()),
        )
        self.contrast.setCheckable(True)
        self.contrast.setChecked(high_contrast)

    @property
    def actions(self) -> list[QAction]:
        return [self.larger, self.smaller, self.normal, self.contrast]

    def fill(self, menu: QMenu, window: QWidget) -> None:
        """Put the commands in ``window``'s View menu (the shortcuts work app-wide)."""
        for action in self.actions:
            menu.addAction(action)
            window.addAction(action)

    def _action(
        self, text: str, keys: list[QKeySequence], tip: str, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action
