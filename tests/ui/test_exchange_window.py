"""Bundles in the window: send from an auditor's laptop, preview and import at the quality
lead's, then settle a conflict side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import ChosenAudits, ItemStatus, list_conflicts, send_audits
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.main_window import MainWindow
from tests.bundles.helpers import completed_audit, open_laptop
from tests.ui.a11y import unnamed_controls
from tests.ui.scripted_dialogs import ScriptedDialogs


def test_send_preview_import_and_settle_a_conflict(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    auditor = open_laptop(tmp_path / "auditor", "Ali Auditor")
    detail = completed_audit(auditor, "CE-61001")
    auditor.close()

    # Sending, from the auditor's database in the window.
    window = open_window(auditor.path)
    bundle = tmp_path / "to-lead.auditdesk"

    window.files.send_audits()
    dialog = dialogs.latest(SendDialog)
    assert unnamed_controls(dialog) == []
    assert [c.reference for c in dialog.candidates] == [detail.reference]
    # The list shows (and a screen reader reads) each audit's row, never sent before.
    shown = dialog.list.model()
    assert shown.rowCount() == 1
    cells = [shown.index(0, column) for column in range(shown.columnCount())]
    assert [cell.data() for cell in cells][0::4] == [detail.reference, "never"]
    assert [cell.data(Qt.ItemDataRole.AccessibleTextRole) for cell in cells] == [
        cell.data() for cell in cells
    ]
    dialogs.answer("save_file", bundle)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…").click()
    assert dialog.target.text() == str(bundle)
    dialog.ok_button.click()
    assert bundle.exists()
    assert "1 audit" in window.message.message

    # Receiving, at the quality lead's database.
    lead = open_window(tmp_path / "lead.sqlite")
    dialogs.answer("open_file", bundle)
    lead.files.import_bundle()
    preview = dialogs.latest(ImportPreviewDialog)
    assert unnamed_controls(preview) == []
    new = [item.label for item in preview.preview.of(ItemStatus.NEW, "audit")]
    assert detail.reference in str(new)
    preview.ok_button.click()
    stored = audits.get_audit(lead.session.ctx, detail.uuid)
    assert stored.status is AuditStatus.COMPLETED

    # Both sides change the audit: the second bundle conflicts, and both versions are kept.
    lead_ctx = lead.session.ctx
    audit_lifecycle.reopen_audit(lead_ctx, detail.uuid, "Lead correcting section A rating")
    audits.record_answer(lead_ctx, detail.uuid, "a.child_voice", rating="outstanding")
    lead.session.close()
    auditor = open_laptop(tmp_path / "auditor", "Ali Auditor")
    audit_lifecycle.reopen_audit(auditor.ctx, detail.uuid, "Family gave new views to add")
    audits.record_answer(auditor.ctx, detail.uuid, "a.child_voice", rating="inadequate",
                         comment="Views not recorded")  # fmt: skip
    second = tmp_path / "second.auditdesk"
    send_audits(auditor.ctx, second, ChosenAudits((detail.uuid,)))
    auditor.close()

    lead = open_window(tmp_path / "lead.sqlite")
    lead.files.preview_import(second)
    dialogs.latest(ImportPreviewDialog).ok_button.click()
    view = lead.conflicts
    assert lead.tabs.currentWidget() is view
    assert view.list.rowCount() == 1
    assert lead.tabs.tabText(lead.tabs.indexOf(view)) == "Conflicts (1)"
    assert unnamed_controls(lead) == []
    differing = [
        view.lines.item(row, 4).text() for row in range(view.lines.rowCount())
    ]  # fmt: skip
    assert "DIFFERS" in differing
    view.note.setText("The family's views take precedence.")
    view.take.click()
    assert list_conflicts(lead.session.ctx) == ()
    assert (
        audits.get_audit(lead.session.ctx, detail.uuid).answers[("a.child_voice", None)].rating
        == "inadequate"
    )
    assert lead.tabs.tabText(lead.tabs.indexOf(view)) == "Conflicts"
