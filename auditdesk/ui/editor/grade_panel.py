"""Live suggested grades, section by section and overall, with the reasons shown."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import GradingResult
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.ui.accessibility import named
from auditdesk.ui.wrapped_items import fill_width, wrap_item_text

# The grade column never takes more of the table than this: the section names need it more.
GRADE_SHARE = 0.4
SHOWN_ROWS = 4  # of the grade table and of the reasons, however little room there is


class SectionGrades(QTreeWidget):
    """Each section's name, whole (wrapped over lines where the pane is narrow), and its
    grade. The grade column is as wide as the longest grade, up to a share of the table,
    so a long grade can never squeeze the names down to "Sec…"; where even a name's
    longest word has no room (200% text), the table scrolls sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "Section grades", "The suggested grade of each section")
        self.setHeaderLabels(["Section", "Grade"])
        self.setRootIsDecorated(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self._wrapping = wrap_item_text(self, columns=(0, 1))
        self._fitting = False

    def fit_columns(self) -> None:
        """The grade column: the longest grade on one line if there is room, and never
        narrower than its longest word; the names take the rest."""
        if self._fitting:
            return
        self._fitting = True
        try:
            whole = 0
            for row in range(self.topLevelItemCount()):
                item = self.topLevelItem(row)
                if item is not None:
                    metrics = QFontMetrics(item.font(1).resolve(self.font()))
                    whole = max(whole, metrics.horizontalAdvance(item.text(1)))
            # The style's text margin either side of a cell, and a character to breathe.
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
            spare = 2 * (margin + 1) + self.fontMetrics().averageCharWidth()
            room = int(self.viewport().width() * GRADE_SHARE)
            least = max(self._wrapping.least_width(1), self.header().sectionSizeHint(1))
            width = max(min(whole + spare, room), least)
            if self.header().sectionSize(1) != width:
                self.header().resizeSection(1, width)
            fill_width(self, self._wrapping, 0)
        finally:
            self._fitting = False

    def updateGeometries(self) -> None:  # noqa: N802
        """Qt calls this whenever the room changes (a resize, a scroll bar, new text)."""
        super().updateGeometries()
        self.fit_columns()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Room for a few sections at any text size: when the pane is short (200% text
        on a laptop) the pane scrolls, and the table is never squeezed to its heading."""
        return QSize(super().minimumSizeHint().width(), _lines(self, SHOWN_ROWS + 1))


class Reasons(QPlainTextEdit):
    """How the grades were reached: a few lines at least, at any text size."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), _lines(self, SHOWN_ROWS))


def _lines(widget: QWidget, lines: int) -> int:
    return (
        widget.fontMetrics().lineSpacing() * lines
        + 2 * widget.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        + 8
    )


class GradePanel(QWidget):
    override_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall = QLabel()
        self.overall.setObjectName("pageTitle")
        self.overall.setWordWrap(True)
        named(self.overall, "Overall grade", "The overall grade: suggested, or overridden")
        self.sections = SectionGrades()
        self.reasons = named(Reasons(), "Reasons", "How each grade was reached, in plain English")
        self.reasons.setReadOnly(True)
        self.reasons.setTabChangesFocus(True)
        self.override = named(
            QPushButton("Override &grade…"),
            "Override grade",
            "Record a different overall grade with a reason",
        )
        self.override.clicked.connect(self.override_requested)
        # Not on the Tab path: Tab from the last question would land here, and a space
        # typed at speed would open the override. Alt+G, the menu and the toolbar reach it.
        self.override.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        heading = QLabel("Grades")
        heading.setObjectName("pageTitle")
        reasons_label = QLabel("&How the grades were reached:")
        reasons_label.setBuddy(self.reasons)
        reasons_label.setWordWrap(True)  # a narrow pane at 200% text: two lines, not wider
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.overall)
        layout.addWidget(self.override)
        layout.addWidget(self.sections, 3)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons, 2)

    def show_grades(
        self,
        grading: GradingResult,
        *,
        suggested: Grade | None,
        override: Grade | None,
        final: Grade | None,
        override_reason: str | None,
        points: str = "",
    ) -> None:
        """``points``: what each rating scores (see :func:`points_per_rating`), said first
        so the averages in the reasons can be checked by hand."""
        if override is not None:
            text = (
                f"Overall: {override.label} (overridden; suggested "
                f"{suggested.label if suggested else 'none'}). Reason: {override_reason}"
            )
        elif final is not None and final != suggested:
            text = f"Overall: {final.label} (agreed at moderation)"
        else:
            text = f"Overall: {suggested.label if suggested else 'not graded yet'} (suggested)"
        self.overall.setText(text)
        self.overall.setAccessibleDescription(text)
        self.sections.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for section in grading.sections:
            grade = section.grade.label if section.grade else "—"
            item = QTreeWidgetItem([section.title, grade])
            item.setToolTip(0, section.title)
            self.sections.addTopLevelItem(item)
        # The suggestion, which an override or moderation may differ from (said above).
        total = QTreeWidgetItem(["Suggested overall", suggested.label if suggested else "—"])
        total.setFont(0, bold)
        total.setFont(1, bold)
        self.sections.addTopLevelItem(total)
        self.sections.fit_columns()
        lines = ([points] if points else []) + [f"• {reason}" for reason in grading.reasons]
        self.reasons.setPlainText("\n".join(lines))


def points_per_rating(index: TemplateIndex) -> str:
    """ "Points per rating: Outstanding 4, Good 3, …; Yes 3, Partly 2, No 1. N/A …", for
    the scales this template's rated questions use."""
    used = {question.scale for question in index.questions.values() if question.scale}
    scales = [
        ", ".join(f"{o.label} {o.points}" for o in scale.options if o.points is not None)
        for scale in index.template.scales
        if scale.id in used
    ]
    scales = [words for words in scales if words]
    if not scales:
        return ""
    return (
        f"Points per rating: {'; '.join(scales)}. N/A and unanswered questions are not "
        "counted. A section's grade comes from the average of its points."
    )
