"""Who second-marks the chosen audits: only people independent of every one of them are
offered, nobody is chosen until the lead chooses, and those left out are named with the
audits they worked on, so nobody wonders where a colleague went."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from auditdesk.services.moderation import MarkerChoice
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialogs import ChoiceDialog, FieldProblem

SHOWN_REFERENCES = 3  # of the audits each person left out worked on; the rest are counted


class AssignMarkerDialog(ChoiceDialog):
    def __init__(
        self,
        audit_references: Sequence[str],
        people: Sequence[MarkerChoice],
        parent: QWidget | None = None,
    ) -> None:
        count = len(audit_references)
        what = f"audit {audit_references[0]}" if count == 1 else f"these {count:,} audits"
        offered = [person for person in people if person.can_mark_all]
        left_out = [person for person in people if not person.can_mark_all]
        super().__init__(
            "Assign second marker",
            f"Who second-marks {what}? Everyone who worked on none of "
            f"{'it' if count == 1 else 'them'} is offered.",
            [f"{person.name} ({person.agency.label})" for person in offered],
            parent,
            ok_text="&Assign",
            list_name="Second marker",
        )
        self.offered, self.left_out = offered, left_out
        self._them = "it" if count == 1 else "them"
        self.not_offered = QLabel(_not_offered(left_out, count))
        self.not_offered.setWordWrap(True)
        named(self.not_offered, "Not offered", self.not_offered.text())
        self.not_offered.setVisible(bool(left_out))
        self.form.addRow(self.not_offered)

    @property
    def person(self) -> MarkerChoice | None:
        chosen = self.chosen
        return None if chosen is None else self.offered[chosen]

    def problems(self) -> list[FieldProblem]:
        if self.chosen is None:
            return [FieldProblem(self.choices, f"Choose who second-marks {self._them}.")]
        return []


def _not_offered(people: Sequence[MarkerChoice], chosen: int) -> str:
    if not people:
        return ""
    lines = []
    for person in people:
        shown = ", ".join(person.worked_on[:SHOWN_REFERENCES])
        more = len(person.worked_on) - SHOWN_REFERENCES
        lines.append(f"{person.name} ({shown}{f' and {more:,} more' if more > 0 else ''})")
    why = "it" if chosen == 1 else "some of them"
    return f"Not offered, as they worked on {why}: " + "; ".join(lines) + "."
