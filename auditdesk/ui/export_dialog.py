"""File > Export for the Board: choose the period and filters, the files to write, then
watch it happen (with Cancel). Written to temporary files and renamed into place, so a
cancelled or failed export never leaves half a file behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
from auditdesk.services.audits import AuditFilter
from auditdesk.services.kernel import TemplateSummary
from auditdesk.services.reports import DEFAULT_STATUSES, ReportScope, period_between
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.date_field import qdate
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.export_choices import CUSTOM, ExportChoices
from auditdesk.ui.form_fields import date_edit, picked_date
from auditdesk.ui.period_choices import recent_periods
from auditdesk.ui.wording import dates_shown_in_full


class ExportDialog(FormDialog):
    def __init__(
        self,
        templates: list[TemplateSummary],
        localities: list[str],
        *,
        today: date,
        folder: Path,
        dialogs: DialogService,
        remembered: ExportChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``folder``: where files go until the person has chosen a folder; ``remembered``:
        what they chose last time, offered again (and nothing they did not choose)."""
        super().__init__(
            "Export for the Board",
            "Write the Board workbook (Excel) and the Board pack (PDF). Counts below the "
            "threshold are hidden, with any figure that would give them away; no child is "
            "named anywhere.",
            "&Export",
            parent,
        )
        self.dialogs = dialogs
        last = remembered or ExportChoices()
        self._period_fields(today)
        self._filter_fields(templates, localities)
        self._count_fields()
        self._file_fields(last, folder, today)
        self._lay_out(last)

    def _period_fields(self, today: date) -> None:
        """A recent term, quarter or year, or custom dates (offered only when chosen)."""
        self.period = named(QComboBox(), "Period", "The term, quarter or year to report on")
        for period in recent_periods(today):
            self.period.addItem(period.label, period)
        self.period.addItem("Custom dates…", CUSTOM)
        self.date_from = dates_shown_in_full(
            date_edit("From", "First day of a custom period", date(today.year, 1, 1))
        )
        self.date_to = dates_shown_in_full(date_edit("To", "Last day of a custom period", today))
        self.period.currentIndexChanged.connect(self._period_changed)

    def _filter_fields(self, templates: list[TemplateSummary], localities: list[str]) -> None:
        """What the figures are narrowed to: any of each, unless one is chosen."""
        self.template = self._combo("Template", [(t.title, t.template_id) for t in templates])
        self.locality = self._combo("Locality", [(loc, loc) for loc in localities])
        self.phase = self._combo("Phase", [(p.label, p.value) for p in Phase])
        self.need = self._combo("Primary need", [(n.label, n.value) for n in PrimaryNeed])
        self.agency = self._combo("Agency", [(a.label, a.value) for a in Agency])
        self.setting_type = self._combo("Setting type", [(t.label, t.value) for t in SettingType])

    def _count_fields(self) -> None:
        """Which audits are counted, what is hidden, and whether it is a working copy."""
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
        # Never pre-ticked nor remembered: a working copy lists every audit, answer and
        # action, and counting them gives back the figures the Board copy hides.
        self.working_copy = named(
            QCheckBox("Wor&king copy for the quality team, not for the Board"),
            "Write a working copy",
            "Adds one row per audit, answer and action, and the pack's list of audits, for "
            "your own analysis; marked not for the Board on every sheet and page",
        )

    def _file_fields(self, last: ExportChoices, folder: Path, today: date) -> None:
        """The files to write, where last time's went if that folder is still there."""
        self.xlsx_wanted = named(
            QCheckBox("&Workbook (Excel)"), "Write the workbook", "Writes the .xlsx file"
        )
        self.xlsx_wanted.setChecked(last.workbook)
        self.xlsx = named(
            QLineEdit(str(_usable(last.workbook_folder, folder) / f"Board workbook {today}.xlsx")),
            "Workbook file",
            "Where the workbook is written",
        )
        self.pdf_wanted = named(
            QCheckBox("&Board pack (PDF)"), "Write the Board pack", "Writes the .pdf file"
        )
        self.pdf_wanted.setChecked(last.pack)
        self.pdf = named(
            QLineEdit(str(_usable(last.pack_folder, folder) / f"Board pack {today}.pdf")),
            "Board pack file",
            "Where the Board pack is written",
        )
        self.open_after = named(
            QCheckBox("&Open the files when done"),
            "Open when done",
            "Opens the finished files in their usual programs",
        )
        # Opening is the person's choice, never made for them.
        self.open_after.setChecked(last.open_after)

    def _lay_out(self, last: ExportChoices) -> None:
        """The fields in the order they are read and tabbed through."""
        self.add_row("&Period:", self.period)
        self.add_row("&From:", self.date_from)
        self.add_row("&To:", self.date_to)
        self._period_changed()
        self._choose_period(last)
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
        self.form.addRow(self.working_copy)
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

    def _choose_period(self, last: ExportChoices) -> None:
        """The period chosen last time, if it is still offered (a term long past drops off
        the list, and then the list's own first is shown)."""
        if last.period == CUSTOM and last.custom_from and last.custom_to:
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
            self.date_from.setDate(qdate(last.custom_from))
            self.date_to.setDate(qdate(last.custom_to))
        elif last.period:
            labels = [self.period.itemText(i) for i in range(self.period.count())]
            if last.period in labels[:-1]:  # the last item is "Custom dates…"
                self.period.setCurrentIndex(labels.index(last.period))

    def choices(self) -> ExportChoices:
        """What the person has chosen, to offer again next time."""
        custom = self.period.currentData() == CUSTOM
        return ExportChoices(
            workbook_folder=_folder_of(self.xlsx.text()),
            pack_folder=_folder_of(self.pdf.text()),
            period=CUSTOM if custom else self.period.currentText(),
            custom_from=picked_date(self.date_from) if custom else None,
            custom_to=picked_date(self.date_to) if custom else None,
            workbook=self.xlsx_wanted.isChecked(),
            pack=self.pdf_wanted.isChecked(),
            open_after=self.open_after.isChecked(),
        )

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            period: Period = self.period.currentData()
            self.date_from.setDate(qdate(period.start))
            self.date_to.setDate(qdate(period.end))

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
        return ReportScope(
            period,
            audit_filter,
            suppress_below=self.suppress.value(),
            working_copy=self.working_copy.isChecked(),
        )

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


def _usable(chosen: Path | None, fallback: Path) -> Path:
    """The folder chosen last time while it is there (a memory stick or a share may not
    be), else ``fallback``."""
    return chosen if chosen is not None and chosen.is_dir() else fallback


def _folder_of(text: str) -> Path | None:
    return Path(text.strip()).expanduser().absolute().parent if text.strip() else None
