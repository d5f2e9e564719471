"""Whether text a person needs can be read where it is drawn: not cut short with "…", not
clipped by its cell, not scrolled out of view past the window's edge.

The checks measure the text as Qt draws it (the cell's own font, the style's margins,
word wrapping where the view wraps) against the rectangle the view gives it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QWidget

TALL = 100_000


def unreadable_cells(
    view: QAbstractItemView, columns: Iterable[int] | None = None, *, most_rows: int = 200
) -> list[str]:
    """Cells whose text does not fit the room the view gives it, each scrolled to."""
    QApplication.processEvents()  # rows are laid out again after a resize, a moment later
    model = view.model()
    wanted = list(range(model.columnCount())) if columns is None else list(columns)
    problems = []
    for row in range(min(model.rowCount(), most_rows)):
        for column in wanted:
            index = model.index(row, column)
            text = model.itemData(index).get(Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            view.scrollTo(index)  # as the person would, to read it
            rect = view.visualRect(index)
            problem = _does_not_fit(view, index, str(text), rect)
            if problem:
                problems.append(f"{view.accessibleName()} row {row + 1}: {problem}")
    return problems


def column_cut_off(view: QAbstractItemView, column: int) -> str | None:
    """Why ``column`` of a table cannot be seen whole without scrolling sideways, if so."""
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    room = view.viewport().width()
    if left < 0 or right > room:
        return f"column {column + 1} spans {left}-{right}px of a {room}px wide view"
    return None


def off_screen(window: QWidget) -> str | None:
    """Why ``window`` does not fit its screen's free area, if it does not."""
    screen = window.screen()
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    if room.contains(frame):
        return None
    return (
        f"{window.windowTitle() or type(window).__name__} is {frame.width()}x{frame.height()} "
        f"at ({frame.x()}, {frame.y()}) on a {room.width()}x{room.height()} screen"
    )


def _does_not_fit(view: QAbstractItemView, index: QModelIndex, text: str, rect: QRect) -> str:
    # itemData holds only the roles set (asking PySide 6 for an unset role returns a
    # None it has not counted, which in the end crashes the interpreter).
    font = view.model().itemData(index).get(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font.resolve(view.font()) if isinstance(font, QFont) else view.font())
    # What the style keeps clear either side of a cell's text.
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    indent = getattr(view.itemDelegate(), "indent", lambda _index: 0)(index)
    width = rect.width() - indent - 2 * margin
    if view.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, max(1, width), TALL), flags, text)
        words = [w for w in re.split(r"\s+|(?<=-)", text) if w]  # lines break after a hyphen
        longest_word = max(metrics.horizontalAdvance(word) for word in words)
        if longest_word > width:
            return f"{text!r}: the word of {longest_word}px is wider than its {width}px cell"
        if needed.height() > rect.height():
            return (
                f"{text!r} needs {needed.height()}px of height, wrapped to {width}px, "
                f"and has {rect.height()}px"
            )
        return ""
    needed_width = metrics.horizontalAdvance(text)
    if needed_width > width:
        return f"{text!r} needs {needed_width}px and has {width}px (cut short)"
    return ""
