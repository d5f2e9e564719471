"""Item views whose text wraps onto more lines instead of being cut short with "…".

A narrow pane (the editor's section list, its grade table) at a large text size cannot
hold a long section name on one line. Qt's tree views elide such text, and even with word
wrap switched on they lay every row out one line high. Here the row heights follow the
wrapped text, and are worked out again whenever a column's width changes, so every name
can be read whole at any window size and any text size.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

Index = QModelIndex | QPersistentModelIndex
# How far each level of nesting moves a row's text in, in average character widths.
INDENT_CHARACTERS = 2
# A row's nesting level (0 for none), for lists that show a tree's order in one column.
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 40
_UNBOUNDED = 1_000_000
# Where Qt may start a new line: at spaces, and after a hyphen ("co-|production").
WORD_BREAKS = re.compile(r"\s+|(?<=-)")


class WrappingDelegate(QStyledItemDelegate):
    """Wraps the text of ``columns`` to the column's width; the row grows to hold it.
    Rows with a :data:`DEPTH_ROLE` are drawn indented by their level."""

    def __init__(self, view: QTreeView, columns: Collection[int], *, indented: bool) -> None:
        super().__init__(view)
        self._view = view
        self._columns = frozenset(columns)
        self._indented = indented
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        # Later, once: laying the rows out at once inside a resize can make the scroll bar
        # appear, which resizes the columns again.
        self._relayout.timeout.connect(view.doItemsLayout)
        view.header().sectionResized.connect(self._column_resized)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        if index.column() not in self._columns:
            return super().sizeHint(option, index)
        wrapped = QStyleOptionViewItem(option)
        # Qt measures wrapped text only within a valid rectangle of the column's width.
        width = self._view.columnWidth(index.column()) - self.indent(index)
        wrapped.rect = QRect(0, 0, max(1, width), _UNBOUNDED)
        return super().sizeHint(wrapped, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        indent = self.indent(index)
        if indent:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(indent, 0, 0, 0)
        super().paint(painter, option, index)

    def indent(self, index: Index) -> int:
        """How far the text of ``index`` is moved in, in pixels."""
        if not self._indented or index.column() != 0:
            return 0
        # Read from the item's own roles: asking PySide for a role never set returns
        # None one reference short, and enough of those crash the interpreter.
        depth = self._view.model().itemData(index).get(DEPTH_ROLE, 0)
        if not isinstance(depth, int) or depth <= 0:
            return 0
        return depth * INDENT_CHARACTERS * self._view.fontMetrics().averageCharWidth()

    def least_width(self, column: int) -> int:
        """The narrowest ``column`` can be without breaking a word of any of its rows."""
        view = self._view
        model = view.model()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        least = 0
        for row in range(model.rowCount()):
            index = model.index(row, column)
            roles = model.itemData(index)  # only the roles set (see indent)
            text = str(roles.get(Qt.ItemDataRole.DisplayRole, ""))
            font = roles.get(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(
                font.resolve(view.font()) if isinstance(font, QFont) else view.font()
            )
            words = [w for w in WORD_BREAKS.split(text) if w]
            widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            least = max(least, widest + self.indent(index))
        return least + 2 * margin + view.fontMetrics().averageCharWidth() // 2

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in self._columns:
            self._relayout.start()


def wrap_item_text(
    view: QTreeView, columns: Collection[int] = (0,), *, indented: bool = False
) -> WrappingDelegate:
    """Make ``view`` wrap the text of ``columns`` rather than elide it; ``indented``: its
    first column is moved in by each row's :data:`DEPTH_ROLE`."""
    view.setWordWrap(True)
    view.setUniformRowHeights(False)  # rows differ: one line, or as many as a name needs
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    delegate = WrappingDelegate(view, columns, indented=indented)
    view.setItemDelegate(delegate)
    return delegate


def fill_width(view: QTreeView, delegate: WrappingDelegate, column: int = 0) -> None:
    """``column`` takes the width the other columns leave, but never less than its
    longest word: with less room (a narrow pane at 200% text) the view scrolls sideways
    rather than breaking a word or cutting it short."""
    header = view.header()
    others = sum(
        header.sectionSize(c)
        for c in range(header.count())
        if c != column and not header.isSectionHidden(c)
    )
    width = max(view.viewport().width() - others, delegate.least_width(column))
    if header.sectionSize(column) != width:
        header.resizeSection(column, width)
