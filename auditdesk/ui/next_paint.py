"""Work that waits until a widget has next painted: what the window does after its first
page of audits, kept off the way of that page reaching the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: A window that is never painted (minimised as it opens) still gets the work, this late.
AT_MOST_MS = 1000


def after_next_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once, on the turn of the event loop after ``widget`` next paints, or
    :data:`AT_MOST_MS` from now if it has not painted by then. Nothing is called once the
    widget has gone."""
    _NextPaint(widget, then)


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)  # lives (and dies) with the widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(AT_MOST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint has been done, not before it: the filter sees the event first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
