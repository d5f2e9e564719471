"""Dialogs of the editor: what stops completion (and where), and the change trail."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.wording import date_time_text
from auditdesk.errors import MissingAnswer
from auditdesk.services.kernel import TrailEntry
from auditdesk.ui.accessibility import named
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.wording import count as counted
from auditdesk.ui.wrapped_items import wrap_item_text


class MissingDialog(StaysOnScreen, QDialog):
    """The list of what must be done before completing; Enter on one goes to it."""

    def __init__(
        self,
        missing: Sequence[MissingAnswer],
        parent: QWidget | None = None,
        *,
        doing: str = "completing this audit",
    ) -> None:
        super().__init__(parent)
        count = len(missing)
        title = "Not ready to submit" if doing.startswith("submitting") else "Not ready to complete"
        self.setWindowTitle(title)
        things = counted(count, "thing")
        named(self, title, f"{things} need{'s' if count == 1 else ''} attention before {doing}")
        intro = QLabel(
            f"{things} must be done before {doing}. Choose one and press Enter to go to it."
        )
        intro.setWordWrap(True)
        self.items = named(
            WrappedTable(["Thing to do"]),
            "Things to do",
            "Each unanswered or unexplained question, and where it is. Press Enter to go to one.",
        )
        self.items.setHeaderHidden(True)
        self._missing = list(missing)
        for position, item in enumerate(missing):
            row = QTreeWidgetItem([item.describe()])
            row.setData(0, Qt.ItemDataRole.UserRole, position)
            self.items.addTopLevelItem(row)
        first = self.items.topLevelItem(0)
        if first is not None:
            self.items.setCurrentItem(first)
        self.items.itemActivated.connect(lambda item, _column: self._go(item))
        buttons = QDialogButtonBox()
        go = buttons.addButton("&Go to it", QDialogButtonBox.ButtonRole.AcceptRole)
        named(go, "Go to it", "Shows the chosen question in the audit")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        named(close, "Close", "Closes this list and stays where you were")
        buttons.accepted.connect(lambda: self._go(self.items.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.chosen: MissingAnswer | None = None
        self.resize(680, 420)

    def _go(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen = self._missing[int(item.data(0, Qt.ItemDataRole.UserRole))]
        self.accept()


class TrailDialog(StaysOnScreen, QDialog):
    """Who changed what, when, from what to what, and why: read-only, oldest first."""

    def __init__(self, entries: Sequence[TrailEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change trail")
        named(self, "Change trail", "Every change to this audit: who, when, what and why")
        table = named(
            WrappedTable(["When", "Who", "What", "From", "To", "Why"]),
            "Changes",
            "One row per change: when, who, what, from, to and the reason",
        )
        for entry in entries:
            # The worded fields only: the stored field and values hold ids and codes.
            table.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        date_time_text(entry.at.astimezone()),
                        entry.actor,
                        entry.what,
                        entry.before,
                        entry.after,
                        entry.reason or "",
                    ]
                )
            )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(close.button(QDialogButtonBox.StandardButton.Close), "Close", "Closes the trail")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(close)
        self.table = table
        self.resize(900, 480)


class WrappedTable(QTreeWidget):
    """Rows of text read whole: every column wraps its text over as many lines as it
    needs, and the columns share the width by how much each has to say, each at least as
    wide as its longest word. Nothing is cut short with "…", and nothing scrolls sideways
    unless a single word is wider than the room (200% text on a narrow window)."""

    def __init__(self, headings: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(headings))
        self.setHeaderLabels(list(headings))
        self.setRootIsDecorated(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._wrapping = wrap_item_text(self, columns=range(len(headings)))
        self._fitting = False

    def updateGeometries(self) -> None:  # noqa: N802
        """Qt calls this whenever the room changes (a resize, a scroll bar, new text)."""
        super().updateGeometries()
        if not self._fitting:
            self._fitting = True
            try:
                self._share_width()
            finally:
                self._fitting = False

    def _share_width(self) -> None:
        columns = range(self.columnCount())
        least = [max(self._wrapping.least_width(c), self._heading_width(c)) for c in columns]
        whole = [max(least[c], self._whole_width(c)) for c in columns]
        room = self.viewport().width()
        if sum(whole) <= room:  # everything on one line: the spare room to the longest
            widths = list(whole)
            widths[whole.index(max(whole))] += room - sum(whole)
        else:  # each its longest word, and what is left by how much more each would take
            spare = max(0, room - sum(least))
            wanted = [whole[c] - least[c] for c in columns]
            total = sum(wanted) or 1
            widths = [least[c] + spare * wanted[c] // total for c in columns]
        header = self.header()
        for column, width in zip(columns, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _whole_width(self, column: int) -> int:
        """How wide ``column`` would be with every row's text on one line."""
        metrics = self.fontMetrics()
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        rows = (self.topLevelItem(row) for row in range(self.topLevelItemCount()))
        texts = [row.text(column) for row in rows if row is not None]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        return max(widest + margin + metrics.averageCharWidth() // 2, self._heading_width(column))

    def _heading_width(self, column: int) -> int:
        heading = self.headerItem()
        text = heading.text(column) if heading is not None else ""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        return self.fontMetrics().horizontalAdvance(text) + 4 * margin
