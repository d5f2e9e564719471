"""First run: who is using AuditDesk on this laptop. Their name, agency and role go on
every audit they make and every change they record. They are kept in the person's own
profile (which the commands read too), so opening somebody else's database never changes
who they are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLineEdit, QWidget

from auditdesk import APP_NAME
from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import choice_combo
from auditdesk.user_profile import name_problem


@dataclass(frozen=True)
class DialogWords:
    """Everything the dialog says about itself, kept together so each use of it (first
    run; Help > Your profile) has its words in one place, and none is left from another."""

    title: str
    intro: str
    description: str  # for screen readers
    ok: str
    ok_description: str
    cancel_description: str


#: On first run, before any window: Cancel closes AuditDesk, which asks again next time.
FIRST_RUN = DialogWords(
    title=f"Welcome to {APP_NAME}",
    intro=(
        f"{APP_NAME} records who made each audit and each change. Tell it who you are; "
        "you can change this later with Help > Your profile."
    ),
    description=f"Tell {APP_NAME} who you are before you start",
    ok="&Start",
    ok_description=f"Saves who you are and opens {APP_NAME}",
    cancel_description=f"Closes {APP_NAME} without starting; it asks again next time",
)

#: Help > Your profile: changing who you are, said as a change (the first run's welcome
#: says "you can change them later"; here is that later).
YOUR_PROFILE = DialogWords(
    title="Your profile",
    intro=(
        "Your name, agency and role go on the audits you start and the changes you record "
        "from now on. Work already recorded keeps the name and agency it was recorded under."
    ),
    description="Change the name, agency and role recorded on your work",
    ok="&Save",
    ok_description="Records your work under these details from now on",
    cancel_description="Closes without changing your profile",
)


class WelcomeDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, words: DialogWords = FIRST_RUN) -> None:
        super().__init__(words.title, words.intro, words.ok, parent)
        named(self, words.title, words.description)
        self.name = named(QLineEdit(), "Your name", "Your full name, as colleagues know you")
        self.agency = choice_combo(
            "Your agency", "The agency you audit for", [(a.label, a) for a in Agency]
        )
        self.role = choice_combo(
            "Your role", "What you mostly do in AuditDesk", [(r.label, r) for r in Role]
        )
        self.add_row("&Name:", self.name)
        self.add_row("&Agency:", self.agency)
        self.add_row("&Role:", self.role)
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        # The form named both buttons for any form; these words are this dialog's own, on
        # hover as for screen readers.
        for button, name, description in (
            (cancel, "Cancel", words.cancel_description),
            (self.ok_button, words.ok.replace("&", ""), words.ok_description),
        ):
            named(button, name, description).setToolTip(description)

    def show_profile(self, name: str, agency: Agency, role: Role) -> None:
        self.name.setText(name)
        self.agency.setCurrentIndex(self.agency.findData(agency))
        self.role.setCurrentIndex(self.role.findData(role))
        self.ok_button.setText("&Save")
        named(self.ok_button, "Save", "Records your work under these details from now on")

    def chosen(self) -> tuple[str, Agency, Role]:
        return (
            self.name.text().strip(),
            required(self.agency, Agency),
            required(self.role, Role),
        )

    def problems(self) -> list[FieldProblem]:
        found = []
        # The same rule as `auditdesk profile --name`: both write the one profile.
        name_wrong = name_problem(self.name.text())
        if name_wrong is not None:
            found.append(FieldProblem(self.name, name_wrong))
        if self.agency.currentData() is None:
            found.append(FieldProblem(self.agency, "Choose the agency you audit for."))
        if self.role.currentData() is None:
            found.append(FieldProblem(self.role, "Choose your role."))
        return found
