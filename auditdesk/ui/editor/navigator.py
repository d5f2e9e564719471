"""The list of pages down the side of the editor, with progress on each."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from auditdesk.domain.completion import AnswerState
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.ui.accessibility import named
from auditdesk.ui.editor.pages import Page, PageKey, page_progress
from auditdesk.ui.wrapped_items import DEPTH_ROLE, fill_width, wrap_item_text

KEY_ROLE = Qt.ItemDataRole.UserRole


class SectionNavigator(QTreeWidget):
    page_chosen = Signal(object)  # PageKey

    def __init__(self, parent: QWidget | None = None, *, rated_only: bool = False) -> None:
        """``rated_only``: progress counts the rated questions alone (second marking)."""
        super().__init__(parent)
        self._rated_only = rated_only
        named(
            self,
            "Sections",
            "The audit's sections and blocks, with how much is answered. "
            "Use the arrow keys and Enter to move between them.",
        )
        # No heading row: a "Progress" heading would make its column as wide as the word,
        # room the section names need at 200% text. Each row says its progress to screen
        # readers in words ("3 of 5 answered").
        self.setHeaderLabels(["Section", ""])
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Long names ("Transition planning, post-16 and post-19 destinations") wrap in
        # the narrow pane, never "Pro…ds outcomes"; nesting shows as an indent. Where
        # even the longest word has no room (200% text), the list scrolls sideways.
        self._wrapping = wrap_item_text(self, columns=(0,), indented=True)
        self._fitting = False
        self.currentItemChanged.connect(self._changed)
        self._items: dict[PageKey, QTreeWidgetItem] = {}

    def show_pages(
        self,
        pages: list[Page],
        index: TemplateIndex,
        answers: Mapping[tuple[str, str | None], AnswerState],
        current: PageKey | None,
    ) -> None:
        self.blockSignals(True)
        self.clear()
        self._items = {}
        for page in pages:
            item = QTreeWidgetItem([page.title, ""])
            item.setData(0, KEY_ROLE, page.key)
            item.setData(0, DEPTH_ROLE, page.depth)
            self.addTopLevelItem(item)
            self._items[page.key] = item
        self.update_progress(pages, index, answers)
        self.blockSignals(False)
        target = (self._items.get(current) if current else None) or self.topLevelItem(0)
        if target is not None:
            self.setCurrentItem(target)

    def update_progress(
        self,
        pages: list[Page],
        index: TemplateIndex,
        answers: Mapping[tuple[str, str | None], AnswerState],
    ) -> None:
        for page in pages:
            item = self._items.get(page.key)
            if item is None:
                continue
            progress = page_progress(page, index, answers, rated_only=self._rated_only)
            if progress is None:
                item.setText(1, "")
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, page.title)
                continue
            mark = "✓" if progress.complete else f"{progress.answered}/{progress.needed}"
            item.setText(1, mark)
            item.setData(
                0, Qt.ItemDataRole.AccessibleTextRole, f"{page.title}, {progress.describe()}"
            )

    def updateGeometries(self) -> None:  # noqa: N802
        """Qt calls this whenever the room changes (a resize, a scroll bar, new text)."""
        super().updateGeometries()
        if not self._fitting:
            self._fitting = True
            try:
                fill_width(self, self._wrapping, 0)
            finally:
                self._fitting = False

    def choose(self, key: PageKey, *, quietly: bool = False) -> None:
        """Make ``key`` the current page; ``quietly`` when the caller draws the page itself,
        so that it is not drawn twice (drawing a long page is most of a page change)."""
        item = self._items.get(key)
        if item is None:
            return
        if not quietly:
            self.setCurrentItem(item)
            return
        was = self.blockSignals(True)
        try:
            self.setCurrentItem(item)
        finally:
            self.blockSignals(was)

    def _changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.page_chosen.emit(item.data(0, KEY_ROLE))
