"""The list of pages down the side of the editor, with progress on each."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from auditdesk.domain.completion import AnswerState
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.ui.accessibility import named
from auditdesk.ui.editor.pages import Page, PageKey, page_progress

KEY_ROLE = Qt.ItemDataRole.UserRole


class SectionNavigator(QTreeWidget):
    page_chosen = Signal(object)  # PageKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            "Sections",
            "The audit's sections and blocks, with how much is answered. "
            "Use the arrow keys and Enter to move between them.",
        )
        self.setHeaderLabels(["Section", "Progress"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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
            title = ("    " * page.depth) + page.title
            item = QTreeWidgetItem([title, ""])
            item.setData(0, KEY_ROLE, page.key)
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
            progress = page_progress(page, index, answers)
            if progress is None:
                item.setText(1, "")
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, page.title)
                continue
            mark = "✓" if progress.complete else f"{progress.answered}/{progress.needed}"
            item.setText(1, mark)
            item.setData(
                0, Qt.ItemDataRole.AccessibleTextRole, f"{page.title}, {progress.describe()}"
            )

    def choose(self, key: PageKey) -> None:
        item = self._items.get(key)
        if item is not None:
            self.setCurrentItem(item)

    def _changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.page_chosen.emit(item.data(0, KEY_ROLE))
