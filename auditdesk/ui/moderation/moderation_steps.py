"""What follows for the audits chosen on the Moderation tab: assigning their second
marker, blind second marking, and reconciling the two markings. Everything is read and
written through the tab's task scope; dialogs open once what they show has been read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject

from auditdesk.services import moderation
from auditdesk.services.moderation import ModerationRow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog

if TYPE_CHECKING:
    from auditdesk.ui.moderation.moderation_view import ModerationView


class ModerationSteps(QObject):
    def __init__(self, tab: ModerationView) -> None:
        super().__init__(tab)
        self.tab = tab
        self._marking: dict[str, BlindMarkingWindow] = {}  # open blind marking, by moderation

    def assign(self) -> None:
        rows = [r for r in self.tab.selected_rows() if r.status in ("drawn", "assigned")]
        if not rows:
            self.tab.show_info(
                "Choose audits that are drawn or with a second marker; "
                "submitted ones cannot change marker."
                if self.tab.rows
                else "Draw a sample first."
            )
            return
        ctx, uuids = self.tab.session.ctx, [r.uuid for r in rows]
        references = [r.audit_reference for r in rows]
        self.tab.tasks.read(
            lambda: moderation.second_marker_choices(ctx, uuids),
            lambda people: self._choose_marker(uuids, references, people),
            self.tab.handle_error,
        )

    def _choose_marker(
        self, uuids: list[str], references: list[str], people: list[moderation.MarkerChoice]
    ) -> None:
        if not any(person.can_mark_all for person in people):
            self.tab.show_problem(
                f"Nobody here can second-mark all {len(uuids):,} chosen audits: each person "
                "worked on at least one of them. Choose fewer audits."
                if len(uuids) > 1
                else f"Nobody here can second-mark audit {references[0]}: everyone worked on it."
            )
            return
        dialog = AssignMarkerDialog(references, people, self.tab.window())

        def chosen() -> None:
            person = dialog.person
            if person is not None:
                self._assign_to(uuids, person)

        self.tab.dialogs.ask(dialog, chosen)

    def _assign_to(self, uuids: list[str], person: moderation.MarkerChoice) -> None:
        ctx = self.tab.session.ctx

        def assigned(rows: tuple[ModerationRow, ...]) -> None:
            count = len(rows)
            plural = "s" if count != 1 else ""
            self.tab.show_info(f"{person.name} will second-mark {count:,} audit{plural}.")
            self.tab.select_after_load = set(uuids)
            self.tab.reload()

        def refused(error: BaseException) -> None:
            # All or nothing, either way the list shows what the database now holds.
            self.tab.handle_error(error)
            self.tab.select_after_load = set(uuids)
            self.tab.reload()

        self.tab.tasks.write(
            lambda: moderation.assign_second_marker_to(ctx, uuids, person.uuid), assigned, refused
        )

    def mark(self) -> None:
        row = self.tab.selected()
        if row is None:
            return
        if row.status != "assigned":
            self.tab.show_info(
                "Assign a second marker first."
                if row.status == "drawn"
                else "Second marking for this audit is already submitted."
            )
            return
        open_already = self._marking.get(row.uuid)
        if open_already is not None and shiboken6.isValid(open_already):
            # One marking window per audit: a second would show ratings already changed.
            open_already.raise_()
            open_already.activateWindow()
            return
        ctx = self.tab.session.ctx
        # Read in the write lane: ratings still being saved from a window just closed
        # are in what the marker sees.
        self.tab.tasks.write(
            lambda: moderation.blind_view(ctx, row.uuid), self._open_blind, self.tab.handle_error
        )

    def _open_blind(self, blind: moderation.BlindAudit) -> None:
        uuid = blind.moderation_uuid
        open_already = self._marking.get(uuid)
        if open_already is not None and shiboken6.isValid(open_already):
            open_already.raise_()  # asked twice before the first one opened
            return
        window = BlindMarkingWindow(
            self.tab.session, blind, self.tab.dialogs, self.tab.view_actions, self.tab.window()
        )
        self._marking[uuid] = window
        window.submitted.connect(lambda _uuid: self._after_submit(uuid))

        def closed(_accepted: bool) -> None:
            self._marking.pop(uuid, None)
            self.tab.reload()

        self.tab.dialogs.ask(window, on_finished=closed)

    def _after_submit(self, moderation_uuid: str) -> None:
        self.tab.reload()
        self.tab.changed.emit()
        self._open_reconciliation(moderation_uuid)

    def reconcile(self) -> None:
        row = self.tab.selected()
        if row is None:
            return
        if row.status not in ("submitted", "agreed"):
            self.tab.show_info("Reconciliation opens once the second marker has submitted.")
            return
        self._open_reconciliation(row.uuid)

    def _open_reconciliation(self, moderation_uuid: str) -> None:
        """Both markers side by side, once they have been read."""
        ctx = self.tab.session.ctx
        self.tab.tasks.read(
            lambda: moderation.reconciliation(ctx, moderation_uuid),
            lambda result: self._ask_agreement(moderation_uuid, result),
            self.tab.handle_error,
        )

    def _ask_agreement(self, moderation_uuid: str, result: moderation.Reconciliation) -> None:
        dialog = ReconciliationDialog(result, self.tab.window())
        ctx = self.tab.session.ctx

        def agreed() -> None:
            grades, notes = dialog.agreed_grades(), dialog.notes_text
            self.tab.tasks.write(
                lambda: moderation.agree(ctx, moderation_uuid, grades, notes),
                lambda _r: self._agreed(),
                self.tab.handle_error,
            )

        self.tab.dialogs.ask(dialog, agreed)

    def _agreed(self) -> None:
        self.tab.reload()
        self.tab.changed.emit()
