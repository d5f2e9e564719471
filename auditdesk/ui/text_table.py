"""A read-only table of words, one row per thing listed, for tables of thousands of rows.

A ``QTableWidget`` makes an item object for every cell: 32,000 of them for the
moderation list and 240,000 for "completed and not sent" took seconds to fill. This model
keeps the rows as they came and answers for the cells on screen only. Columns are sized
from the rows in view and a sample after them (:data:`SAMPLED_ROWS`), not from every row:
a column sized to its contents otherwise asks a thousand rows for every cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex
#: Rows below those in view that columns are sized from: enough to meet a long title.
SAMPLED_ROWS = 100
#: The widest a column grows to fit its words, in average characters (so it scales with the
#: text size): one long action or comment would otherwise push the due date and status off
#: a laptop screen. A longer cell ends in "…" and says the whole in its tooltip.
WIDEST_COLUMN_CHARACTERS = 48
#: The roles that give a cell's words: shown, said by a screen reader, and in its tooltip
#: (where a cell cut short by :data:`WIDEST_COLUMN_CHARACTERS` is read whole).
SHOWN_ROLES = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.AccessibleTextRole),
    int(Qt.ItemDataRole.ToolTipRole),
)
_KEY = int(Qt.ItemDataRole.UserRole)


class TextTableModel(QAbstractTableModel):
    """Things listed one a row under fixed headings. ``cells`` gives a thing's cell texts,
    worked out when its row is first shown (not for every row when they arrive: 47,500
    audits' words took a third of a second); ``key`` what its row carries as
    ``UserRole`` (the thing itself unless given)."""

    def __init__(
        self,
        headings: Sequence[str],
        cells: Callable[[Any], tuple[str, ...]],
        key: Callable[[Any], object] = lambda thing: thing,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.headings = tuple(headings)
        self._cells = cells
        self._key = key
        self.things: list[Any] = []
        self._texts: list[tuple[str, ...] | None] = []

    def set_rows(self, things: Sequence[Any]) -> None:
        """Show ``things`` in place of what was shown."""
        self.beginResetModel()
        self.things = list(things)
        self._texts = [None] * len(self.things)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self._cells(self.things[row])
        return texts[column]

    def key(self, row: int) -> object:
        return self._key(self.things[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.things)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headings)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in SHOWN_ROLES:
            return self.text(index.row(), index.column())
        if role == _KEY:
            return self.key(index.row())
        return None


def size_columns_from_a_sample(view: QTableView) -> QHeaderView:
    """Columns as wide as their contents in the rows shown and :data:`SAMPLED_ROWS` more,
    up to :data:`WIDEST_COLUMN_CHARACTERS`, the last one stretched to the edge; the header,
    to set more on."""
    header = view.horizontalHeader()
    _WidestColumn(view)
    header.setResizeContentsPrecision(SAMPLED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return header


class _WidestColumn(QObject):
    """Keeps a view's widest column at :data:`WIDEST_COLUMN_CHARACTERS` of its text, again
    whenever the text size changes (View > Larger text). It holds nothing of its own: Qt
    owns it (as the view's child), and the view it watches is the one each event names."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        _limit(view)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QTableView):
            _limit(watched)
        return False


def _limit(view: QTableView) -> None:
    widest = view.fontMetrics().averageCharWidth() * WIDEST_COLUMN_CHARACTERS
    view.horizontalHeader().setMaximumSectionSize(widest)
