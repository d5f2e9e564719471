"""A plain bar chart drawn with QPainter: labelled bars with their values written on, so
colour is never the only cue, and the whole chart read out as text to screen readers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from auditdesk.ui.accessibility import named


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: hidden (suppressed) or no data; drawn as an empty slot
    text: str  # what is written on the bar: "42", "<5", "61%"
    colour: str  # hex without '#'


class BarChart(QWidget):
    """Horizontal bars (labels on the left read well at any text size)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        self.maximum = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so screen-reader users can reach it
        named(self, title, "No figures yet")

    def show_bars(self, bars: list[Bar], *, maximum: float | None = None) -> None:
        self.bars = bars
        values = [b.value for b in bars if b.value is not None]
        self.maximum = maximum or (max(values) if values else 1.0) or 1.0
        described = "; ".join(f"{b.label}: {b.text}" for b in bars) or "No figures"
        self.setAccessibleDescription(f"{self.title}. {described}.")
        self.setToolTip(described)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().height() + 8
        return QSize(420, max(1, len(self.bars)) * line + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        text_colour = self.palette().windowText().color()
        line = metrics.height() + 8
        label_width = min(
            self.width() // 2,
            max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 12,
        )
        value_width = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 12
        room = max(10, self.width() - label_width - value_width - 8)
        for row, bar in enumerate(self.bars):
            top = 4 + row * line
            painter.setPen(QPen(text_colour))
            label_box = QRectF(0, top, label_width - 8, line)
            painter.drawText(
                label_box,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8),
            )
            width = 0.0 if bar.value is None else room * bar.value / self.maximum
            box = QRectF(label_width, top + 3, max(width, 1.0), line - 6)
            if bar.value is None:
                painter.setPen(QPen(text_colour, 1, Qt.PenStyle.DashLine))
                painter.drawRect(QRectF(label_width, top + 3, 12, line - 6))
            else:
                painter.fillRect(box, QColor(f"#{bar.colour}"))
                painter.setPen(QPen(text_colour, 1))
                painter.drawRect(box)
            painter.setPen(QPen(text_colour))
            painter.drawText(
                QRectF(label_width + max(width, 12) + 6, top, value_width + 40, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )
        painter.end()
