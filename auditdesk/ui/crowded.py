"""A part of a window that scrolls only when the window is crowded: at the usual text
size it asks for all the room its contents want, so nothing scrolls; at 200% text on a
laptop it can shrink to a few lines, so its window still fits the screen and the part
scrolls instead of pushing the window's buttons off the screen's edge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class ScrollsWhenCrowded(QScrollArea):
    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(contents)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take the keyboard

    def sizeHint(self) -> QSize:  # noqa: N802
        """All its contents want (Qt's own hint stops at 36 by 24 lines), and room for a
        scroll bar, so a window sized to it shows everything with nothing to scroll."""
        contents = self.widget()
        if contents is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        hint = contents.sizeHint().expandedTo(contents.minimumSizeHint())
        return QSize(hint.width() + frame + bar, hint.height() + frame)

    def show_whole(self, widget: QWidget) -> None:
        """Scroll so ``widget`` (one of the contents) is in view."""
        self.ensureWidgetVisible(widget, 8, 8)
