"""Side-by-side panes (section list, questions, grades) that share the width sensibly at
any text size: each side pane is as wide as a number of characters of the current text,
but never more than its share of the width, and the questions take the rest. Sized in
characters alone, 200% text would leave the questions a sliver between two wide panes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget


@dataclass(frozen=True)
class Pane:
    widget: QWidget
    characters: int = 0  # 0: this pane takes whatever width the others leave
    most: float = 1.0  # the largest share of the width it may take


class SharedWidth(QSplitter):
    """A splitter that sizes its panes when first shown and whenever the text size
    changes; in between, the person's own dragging of the handles is kept."""

    def __init__(self, panes: Sequence[Pane], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes = list(panes)
        for position, pane in enumerate(self._panes):
            self.addWidget(pane.widget)
            self.setStretchFactor(position, 0 if pane.characters else 1)
            self.setCollapsible(position, False)
        self._sized = False

    def fit(self) -> None:
        handles = self.handleWidth() * (len(self._panes) - 1)
        total = max(0, self.width() - handles)
        char = self.fontMetrics().averageCharWidth()
        sizes = [
            min(pane.characters * char, int(total * pane.most)) if pane.characters else 0
            for pane in self._panes
        ]
        rest = max(0, total - sum(sizes))
        self.setSizes([size or rest for size in sizes])
        self._sized = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._sized:
            self.fit()
