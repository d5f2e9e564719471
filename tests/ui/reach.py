"""Whether a window can be used as it is on screen: inside its screen, every button in
reach (in the window, or in a part that scrolls to it), and nothing that needs scrolling
sideways to be read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QScrollArea,
    QWidget,
)

from tests.ui.readable import off_screen


def out_of_reach(window: QWidget) -> list[str]:
    """What a person could not reach or read in ``window`` as it is on screen."""
    # Layouts settle a moment after the text size changes: let them, as the eye would.
    for _ in range(2):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    name = window.windowTitle() or type(window).__name__
    problems = []
    where = off_screen(window)
    if where:
        problems.append(where)
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_a_scrolling_part(button, window):
            continue
        rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not inside.contains(rect):
            problems.append(
                f"{name}: the {button.text().replace('&', '')!r} button is at "
                f"{rect.x()}-{rect.right()}px of a {inside.width()}px wide window"
            )
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if isinstance(view, QHeaderView) or not view.isVisibleTo(window):
            continue
        if model is None or not model.rowCount():
            continue
        lines = view.viewport().height() / view.fontMetrics().lineSpacing()
        if lines < 2:
            problems.append(
                f"{name}: {view.accessibleName() or type(view).__name__} shows "
                f"{max(0.0, lines):.1f} lines of its {model.rowCount()} rows"
            )
    # A table may scroll sideways; text, questions and forms reflow instead.
    for area in window.findChildren(QScrollArea):
        contents = area.widget()
        if contents is None or not area.isVisibleTo(window):
            continue
        if area.horizontalScrollBar().isVisible():
            problems.append(
                f"{name}: {area.accessibleName() or type(area).__name__} has to be "
                f"scrolled sideways (its contents are {contents.width()}px wide, "
                f"it shows {area.viewport().width()}px)"
            )
    return problems


def _in_a_scrolling_part(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False
