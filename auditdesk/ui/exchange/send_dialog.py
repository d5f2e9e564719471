"""File > Send audits: choose which audits go (completed and not yet sent, changed since a
date, or named ones), see the list, and write the bundle file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from auditdesk.errors import UserError
from auditdesk.services.bundles import (
    ChangedSince,
    ChosenAudits,
    SendCandidate,
    SendSelection,
    UnsentCompleted,
    audits_to_send,
)
from auditdesk.services.context import ServiceContext
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import FieldProblem, FormDialog, date_edit, picked_date
from auditdesk.ui.wording import count

HEADINGS = ("Audit", "Template", "Child or setting", "Status", "Last sent")


class SendDialog(FormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        folder: Path,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Send audits",
            "Write the chosen audits, with their actions and moderation, into one bundle file "
            "to take to the quality lead (USB stick, secure email or shared drive).",
            "&Send",
            parent,
        )
        self.ctx = ctx
        self.dialogs = dialogs
        today = ctx.today()
        self.unsent = named(
            QRadioButton("&Completed audits not sent yet"),
            "Completed, not sent",
            "Sends completed audits whose latest version has not been sent",
        )
        self.changed = named(
            QRadioButton("Audits changed si&nce:"),
            "Changed since a date",
            "Sends every audit changed since the date chosen",
        )
        self.chosen = named(
            QRadioButton("These &audits:"),
            "Chosen audits",
            "Sends the audits whose references you type",
        )
        self.unsent.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.unsent, self.changed, self.chosen):
            group.addButton(button)
        self.since = date_edit(
            "Changed since", "Audits changed on or after this day", today - timedelta(days=30)
        )
        self.references = named(
            QLineEdit(),
            "Audit references",
            "Audit references separated by commas, e.g. AD-7KQ2XM, AD-3F9PLA",
        )
        self.list = named(
            QTableWidget(0, len(HEADINGS)), "Audits to send", "The audits the bundle will hold"
        )
        self.list.setHorizontalHeaderLabels(list(HEADINGS))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMinimumHeight(220)
        self.target = named(
            QLineEdit(str(folder / f"audits {ctx.actor.name} {today:%Y-%m-%d}.auditdesk")),
            "Bundle file",
            "Where the bundle is written",
        )
        browse = named(QPushButton("Choose…"), "Choose the bundle file", "Opens a file chooser")
        browse.clicked.connect(self._browse)
        self.form.addRow(self.unsent)
        since_row = QHBoxLayout()
        since_row.addWidget(self.changed)
        since_row.addWidget(self.since, 1)
        self.form.addRow(since_row)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen)
        chosen_row.addWidget(self.references, 1)
        self.form.addRow(chosen_row)
        self.form.addRow(self.list)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.target)
        self.form.addRow(file_label, self.with_problem(self.target, browse))
        for button in (self.unsent, self.changed, self.chosen):
            button.toggled.connect(lambda _on: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.references.editingFinished.connect(self.refresh)
        self.candidates: tuple[SendCandidate, ...] = ()
        self.refresh()
        self.resize(760, 560)

    def selection(self) -> SendSelection:
        if self.changed.isChecked():
            return ChangedSince(picked_date(self.since))
        if self.chosen.isChecked():
            wanted = tuple(r.strip() for r in self.references.text().split(",") if r.strip())
            return ChosenAudits(wanted)
        return UnsentCompleted()

    def refresh(self) -> None:
        try:
            self.candidates = audits_to_send(self.ctx, self.selection())
        except UserError as problem:
            self.candidates = ()
            self.show_problem(str(problem))
        else:
            self.problem.hide()
        self.list.setRowCount(len(self.candidates))
        for row, audit in enumerate(self.candidates):
            sent = (
                audit.last_sent_at.astimezone().strftime("%d %b %Y")
                if audit.last_sent_at
                else "never"
            )
            values = (
                audit.reference,
                audit.template_title,
                audit.subject,
                audit.status.label,
                sent,
            )
            for column, value in enumerate(values):
                self.list.setItem(row, column, QTableWidgetItem(value))
        self.intro.setText(
            f"{count(len(self.candidates), 'audit')} "
            "will be sent, with their actions and moderation."
        )

    @property
    def path(self) -> Path:
        return Path(self.target.text()).expanduser()

    def _browse(self) -> None:
        chosen = self.dialogs.save_file(
            self, "Save the bundle", Path(self.target.text()), "AuditDesk bundles (*.auditdesk)"
        )
        if chosen is not None:
            self.target.setText(str(chosen))

    def problems(self) -> list[FieldProblem]:
        found = []
        if not self.candidates:
            which = self.references if self.chosen.isChecked() else self.unsent
            found.append(FieldProblem(which, "No audits match: choose another option."))
        if not self.target.text().strip():
            found.append(FieldProblem(self.target, "Choose where to write the bundle."))
        return found
