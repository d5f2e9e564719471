"""Live suggested grades, section by section and overall, with the reasons shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import GradingResult
from auditdesk.ui.accessibility import named


class GradePanel(QWidget):
    override_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall = QLabel()
        self.overall.setObjectName("pageTitle")
        self.overall.setWordWrap(True)
        named(self.overall, "Overall grade", "The overall grade: suggested, or overridden")
        self.sections = named(
            QTreeWidget(), "Section grades", "The suggested grade of each section"
        )
        self.sections.setHeaderLabels(["Section", "Grade"])
        self.sections.setRootIsDecorated(False)
        header = self.sections.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.reasons = named(
            QPlainTextEdit(), "Reasons", "How each grade was reached, in plain English"
        )
        self.reasons.setReadOnly(True)
        self.reasons.setTabChangesFocus(True)
        self.override = named(
            QPushButton("Override &grade…"),
            "Override grade",
            "Record a different overall grade with a reason",
        )
        self.override.clicked.connect(self.override_requested)
        heading = QLabel("Grades")
        heading.setObjectName("pageTitle")
        reasons_label = QLabel("&How the grades were reached:")
        reasons_label.setBuddy(self.reasons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.overall)
        layout.addWidget(self.override)
        layout.addWidget(self.sections, 2)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons, 3)

    def show_grades(
        self,
        grading: GradingResult,
        *,
        suggested: Grade | None,
        override: Grade | None,
        final: Grade | None,
        override_reason: str | None,
    ) -> None:
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
        total = QTreeWidgetItem(["Overall (suggested)", suggested.label if suggested else "—"])
        total.setFont(0, bold)
        total.setFont(1, bold)
        self.sections.addTopLevelItem(total)
        self.reasons.setPlainText("\n".join(f"• {reason}" for reason in grading.reasons))
