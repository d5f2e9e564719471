"""Tabs whose pages are built the first time they are shown, or asked for.

The main window opens on its audit list; the other tabs (actions, moderation, conflicts,
the dashboard) load code of their own (moderation, bundles, the reports) and read their
own lists only when shown anyway. Building each when first needed keeps that off the path
to the window's first page of audits (docs/performance.md).

Until then a tab holds an empty stand-in, and its page takes the stand-in's place when
built: everywhere after that (``indexOf``, ``setCurrentWidget``, the accessibility tree,
the keyboard) the tab's widget is the page itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

Build = Callable[[], QWidget]


class LazyTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._later: dict[QWidget, Build] = {}  # stand-in -> how to build its page
        # Connected first, so the page is built before anyone else hears of the change.
        self.currentChanged.connect(self._shown)

    def add_later(self, build: Build, label: str) -> int:
        """A tab named ``label`` whose page ``build`` makes when first shown or asked for."""
        stand_in = QWidget()
        self._later[stand_in] = build
        return self.addTab(stand_in, label)

    def built(self, index: int) -> QWidget | None:
        """The page at ``index`` if it has been built, else ``None`` (nothing is built)."""
        widget = self.widget(index)
        return None if widget is None or widget in self._later else widget

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built now if it had not been."""
        stand_in = self.widget(index)
        if stand_in is None:
            raise IndexError(f"no tab {index}")
        build = self._later.pop(stand_in, None)
        if build is None:
            return stand_in
        page = build()
        current = self.currentIndex()
        label, tip = self.tabText(index), self.tabToolTip(index)
        # Not a change of tab for anyone listening: the same tab, now with its page.
        was_blocked = self.blockSignals(True)
        try:
            self.removeTab(index)
            self.insertTab(index, page, label)
            self.setTabToolTip(index, tip)
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(was_blocked)
        stand_in.deleteLater()
        return page

    def _shown(self, index: int) -> None:
        if index >= 0:  # -1: no tab left
            self.page(index)
