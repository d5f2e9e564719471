"""File > Send audits: choose which audits go (completed and not yet sent, changed since a
date, or named ones), see the list, and write the bundle file.

The list is read in the background each time the choice changes; the dialog opens at once
saying it is finding them. Send pressed while a list is still being read waits for it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from auditdesk.domain.wording import date_text
from auditdesk.errors import UserError
from auditdesk.services.bundles import (
    ChangedSince,
    ChosenAudits,
    SendCandidate,
    SendSelection,
    UnsentCompleted,
    audits_to_send,
)
from auditdesk.services.kernel import ServiceContext
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import date_edit, picked_date
from auditdesk.ui.task_runner import Failed, TaskScope
from auditdesk.ui.text_table import TextTableModel, size_columns_from_a_sample
from auditdesk.ui.wording import count

HEADINGS = ("Audit", "Template", "Child or setting", "Status", "Last sent")


class SendDialog(FormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        folder: Path,
        dialogs: DialogService,
        tasks: TaskScope,
        *,
        on_error: Failed,
        parent: QWidget | None = None,
    ) -> None:
        """``tasks``: the scope of the window opening it; ``on_error``: what it does with
        a failure that is not the person's to put right."""
        super().__init__(
            "Send audits",
            "Write the chosen audits, with their actions and moderation, into one bundle file "
            "to take to the quality lead (USB stick, secure email or shared drive).",
            "&Send",
            parent,
        )
        self.ctx = ctx
        self.dialogs = dialogs
        self.tasks = tasks.for_dialog(self)
        self._on_error = on_error
        self._asked = 0  # lists asked for; only the newest is shown
        self.finding = False
        self._send_when_found = False
        self.candidates: tuple[SendCandidate, ...] = ()
        today = ctx.today()
        self._which_audits(today)
        self.model = TextTableModel(HEADINGS, _cells, parent=self)
        self.list = self._audit_list()
        self.target = named(
            QLineEdit(str(folder / f"audits {ctx.actor.name} {today:%Y-%m-%d}.auditdesk")),
            "Bundle file",
            "Where the bundle is written",
        )
        browse = named(QPushButton("Choose…"), "Choose the bundle file", "Opens a file chooser")
        browse.clicked.connect(self._browse)
        self.form.addRow(self.with_problem(self.options))
        self.form.addRow(self.list)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.target)
        self.form.addRow(file_label, self.with_problem(self.target, browse))
        self.refresh()
        self.resize(760, 560)

    def _which_audits(self, today: date) -> None:
        """The three ways of choosing, as one field: "no audits match" is said under them,
        or under the references when they are what matched nothing. Changing any of them
        reads the list again."""
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
        self.options = named(
            QWidget(), "Which audits", "Completed and not sent, changed since a day, or chosen"
        )
        options = QFormLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
        options.addRow(self.unsent)
        options.addRow(self.changed, self.since)
        options.addRow(self.chosen, self.with_problem(self.references))
        for button in (self.unsent, self.changed, self.chosen):
            button.toggled.connect(lambda _on: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.references.editingFinished.connect(self.refresh)

    def _audit_list(self) -> QTableView:
        """The audits the bundle will hold: tens of thousands at times, so a view of
        their rows rather than an item per cell."""
        table = named(QTableView(), "Audits to send", "The audits the bundle will hold")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        size_columns_from_a_sample(table).setStretchLastSection(False)
        table.setMinimumHeight(220)
        return table

    def selection(self) -> SendSelection:
        if self.changed.isChecked():
            return ChangedSince(picked_date(self.since))
        if self.chosen.isChecked():
            wanted = tuple(r.strip() for r in self.references.text().split(",") if r.strip())
            return ChosenAudits(wanted)
        return UnsentCompleted()

    def refresh(self) -> None:
        """Read the audits the choice selects (in the background)."""
        self._asked += 1
        asked, ctx, selection = self._asked, self.ctx, self.selection()
        self.finding = True
        self.intro.setText("Finding the audits to send…")
        self.tasks.read(
            lambda: audits_to_send(ctx, selection),
            lambda found: self._found(asked, found),
            lambda error: self._not_found(asked, error),
        )

    def _found(self, asked: int, found: tuple[SendCandidate, ...]) -> None:
        if asked != self._asked:  # the choice changed again meanwhile
            return
        self.candidates = found
        self._recheck()  # a message the new choice put right goes
        self._show_candidates()

    def _not_found(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.candidates = ()
        if isinstance(error, UserError):
            self.show_problem(str(error), self.references if self.chosen.isChecked() else None)
        else:
            self._send_when_found = False
            self._on_error(error)
        self._show_candidates()

    def _show_candidates(self) -> None:
        self.finding = False
        self.model.set_rows(self.candidates)
        self.intro.setText(
            f"{count(len(self.candidates), 'audit')} "
            "will be sent, with their actions and moderation."
        )
        if self._send_when_found:
            self._send_when_found = False
            self.try_accept()

    def try_accept(self) -> None:
        if self.finding:  # what would be sent is not known yet: send once it is
            self._send_when_found = True
            return
        super().try_accept()

    def _references_not_found(self) -> str | None:
        """What is wrong with the references typed, if anything: none typed, or some that
        match no audit here (sending the others alone would surprise the person)."""
        selection = self.selection()
        wanted = selection.audits if isinstance(selection, ChosenAudits) else ()
        if not wanted:
            return "Type the references of the audits to send, separated by commas."
        found = {c.reference.upper() for c in self.candidates} | {c.uuid for c in self.candidates}
        missing = [r for r in wanted if r.upper() not in found and r not in found]
        if not missing:
            return None
        which = "reference" if len(missing) == 1 else "references"
        return f"No audit here has the {which} {', '.join(missing)}: check what was typed."

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
        if self.chosen.isChecked():
            missing = self._references_not_found()
            if missing:
                found.append(FieldProblem(self.references, missing))
        elif not self.candidates:
            option = next(b for b in (self.unsent, self.changed) if b.isChecked())
            found.append(
                FieldProblem(option, "No audits match: choose another option.", near=self.options)
            )
        if not self.target.text().strip():
            found.append(FieldProblem(self.target, "Choose where to write the bundle."))
        return found


def _cells(audit: SendCandidate) -> tuple[str, ...]:
    sent = date_text(audit.last_sent_at.astimezone().date()) if audit.last_sent_at else "never"
    return (audit.reference, audit.template_title, audit.subject, audit.status.label, sent)
