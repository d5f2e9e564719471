"""File > Export for the Board: choose the period and filters, the files to write, then
watch it happen (with Cancel). Written to temporary files and renamed into place, so a
cancelled or failed export never leaves half a file behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from auditdesk.domain.periods import Period
from auditdesk.domain.reference import Agency, AuditStatus, Phase, PrimaryNeed, SettingType
from auditdesk.domain.suppression import DEFAULT_THRESHOLD
from auditdesk.services.audit_list import AuditFilter
from auditdesk.services.records import TemplateSummary
from auditdesk.services.report_scope import DEFAULT_STATUSES, ReportScope, period_between
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import FieldProblem, FormDialog, date_edit, picked_date
from auditdesk.ui.filter_bar import recent_periods

CUSTOM = "custom"


class ExportDialog(FormDialog):
    def __init__(
        self,
        templates: list[TemplateSummary],
        localities: list[str],
        *,
        today: date,
        folder: Path,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Export for the Board",
            "Write the Board workbook (Excel) and the Board pack (PDF). Counts below the "
            "threshold are shown as “<5”; no child is named anywhere.",
            "&Export",
            parent,
        )
        self.dialogs = dialogs
        self.period = named(QComboBox(), "Period", "The term, quarter or year to report on")
        for period in recent_periods(today):
            self.period.addItem(period.label, period)
        self.period.addItem("Custom dates…", CUSTOM)
        self.date_from = date_edit("From", "First day of a custom period", date(today.year, 1, 1))
        self.date_to = date_edit("To", "Last day of a custom period", today)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.template = self._combo("Template", [(t.title, t.template_id) for t in templates])
        self.locality = self._combo("Locality", [(loc, loc) for loc in localities])
        self.phase = self._combo("Phase", [(p.label, p.value) for p in Phase])
        self.need = self._combo("Primary need", [(n.label, n.value) for n in PrimaryNeed])
        self.agency = self._combo("Agency", [(a.label, a.value) for a in Agency])
        self.setting_type = self._combo("Setting type", [(t.label, t.value) for t in SettingType])
        self.statuses = {
            status: named(
                QCheckBox(status.label),
                f"Include {status.label.lower()} audits",
                f"Counts audits whose status is {status.label.lower()}",
            )
            for status in AuditStatus
        }
        for status, box in self.statuses.items():
            box.setChecked(status in DEFAULT_STATUSES)
        self.suppress = named(
            QSpinBox(),
            "Suppress counts below",
            "Counts from 1 up to this number less one are shown as hidden",
        )
        self.suppress.setRange(0, 100)
        self.suppress.setValue(DEFAULT_THRESHOLD)
        self.xlsx_wanted = named(
            QCheckBox("&Workbook (Excel)"), "Write the workbook", "Writes the .xlsx file"
        )
        self.xlsx_wanted.setChecked(True)
        self.xlsx = named(
            QLineEdit(str(folder / f"Board workbook {today:%Y-%m-%d}.xlsx")),
            "Workbook file",
            "Where the workbook is written",
        )
        self.pdf_wanted = named(
            QCheckBox("&Board pack (PDF)"), "Write the Board pack", "Writes the .pdf file"
        )
        self.pdf_wanted.setChecked(True)
        self.pdf = named(
            QLineEdit(str(folder / f"Board pack {today:%Y-%m-%d}.pdf")),
            "Board pack file",
            "Where the Board pack is written",
        )
        self.open_after = named(
            QCheckBox("&Open the files when done"),
            "Open when done",
            "Opens the finished files in their usual programs",
        )
        self.open_after.setChecked(True)
        self.add_row("&Period:", self.period)
        self.add_row("&From:", self.date_from)
        self.add_row("&To:", self.date_to)
        self._period_changed()
        for label, combo in (
            ("Te&mplate:", self.template),
            ("&Locality:", self.locality),
            ("P&hase:", self.phase),
            ("Primary &need:", self.need),
            ("A&gency:", self.agency),
            ("Setting t&ype:", self.setting_type),
        ):
            self.add_row(label, combo)
        # The statuses are one field: what is wrong with them is said under the row.
        self.status_boxes = named(
            QWidget(), "Statuses to include", "Which audits are counted, by their status"
        )
        statuses = QHBoxLayout(self.status_boxes)
        statuses.setContentsMargins(0, 0, 0, 0)
        for box in self.statuses.values():
            statuses.addWidget(box)
        statuses.addStretch(1)
        self.form.addRow(QLabel("Statuses:"), self.with_problem(self.status_boxes))
        self.add_row("S&uppress counts below:", self.suppress)
        self.form.addRow(self.with_problem(self.xlsx_wanted), self._file_row(self.xlsx, "xlsx"))
        self.form.addRow(self.pdf_wanted, self._file_row(self.pdf, "pdf"))
        self.form.addRow(self.open_after)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = named(QComboBox(), f"{name} to report on", f"Reports only on this {name.lower()}")
        combo.addItem("Any", None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _file_row(self, edit: QLineEdit, suffix: str) -> QWidget:
        browse = named(QPushButton("Choose…"), f"Choose the .{suffix} file", "Opens a file chooser")
        browse.clicked.connect(lambda: self._browse(edit, suffix))
        return self.with_problem(edit, browse)

    def _browse(self, edit: QLineEdit, suffix: str) -> None:
        what = "workbook" if suffix == "xlsx" else "Board pack"
        chosen_path = self.dialogs.save_file(
            self, f"Save the {what} as", Path(edit.text()), f"*.{suffix}"
        )
        if chosen_path is not None:
            edit.setText(str(chosen_path))

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            period: Period = self.period.currentData()
            self.date_from.setDate(QDate(period.start.year, period.start.month, period.start.day))
            self.date_to.setDate(QDate(period.end.year, period.end.month, period.end.day))

    # -- results -------------------------------------------------------------------------------
    def scope(self) -> ReportScope:
        if self.period.currentData() == CUSTOM:
            period = period_between(picked_date(self.date_from), picked_date(self.date_to))
        else:
            period = self.period.currentData()
        template, locality = self.template.currentData(), self.locality.currentData()
        setting_type = self.setting_type.currentData()
        phase = chosen(self.phase, Phase)
        need = chosen(self.need, PrimaryNeed)
        agency = chosen(self.agency, Agency)
        audit_filter = AuditFilter(
            statuses=tuple(s for s, box in self.statuses.items() if box.isChecked()),
            template_ids=(template,) if template else (),
            localities=(locality,) if locality else (),
            phases=(phase,) if phase else (),
            primary_needs=(need,) if need else (),
            agencies=(agency,) if agency else (),
            setting_types=(setting_type,) if setting_type else (),
        )
        return ReportScope(period, audit_filter, suppress_below=self.suppress.value())

    def targets(self) -> tuple[Path | None, Path | None]:
        xlsx = Path(self.xlsx.text()).expanduser() if self.xlsx_wanted.isChecked() else None
        pdf = Path(self.pdf.text()).expanduser() if self.pdf_wanted.isChecked() else None
        return xlsx, pdf

    def problems(self) -> list[FieldProblem]:
        found = []
        if self.period.currentData() == CUSTOM and self.date_from.date() > self.date_to.date():
            found.append(FieldProblem(self.date_to, "The custom period ends before it starts."))
        if not any(box.isChecked() for box in self.statuses.values()):
            first = next(iter(self.statuses.values()))
            found.append(
                FieldProblem(first, "Include at least one status.", near=self.status_boxes)
            )
        if not self.xlsx_wanted.isChecked() and not self.pdf_wanted.isChecked():
            found.append(
                FieldProblem(self.xlsx_wanted, "Choose the workbook, the Board pack or both.")
            )
        for wanted, edit, suffix in (
            (self.xlsx_wanted, self.xlsx, ".xlsx"),
            (self.pdf_wanted, self.pdf, ".pdf"),
        ):
            if wanted.isChecked() and not edit.text().strip():
                found.append(FieldProblem(edit, f"Choose where to write the {suffix} file."))
        return found
