"""Bundles in the window: send from an auditor's laptop, preview and import at the quality
lead's, then settle a conflict side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services import audit_lifecycle, audits
from auditdesk.services.bundles import ChosenAudits, ItemStatus, list_conflicts, send_audits
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.main_window import MainWindow
from tests.bundles.helpers import completed_audit, open_laptop
from tests.ui.a11y import unnamed_controls
from tests.ui.conftest import when_modal


def test_send_preview_import_and_settle_a_conflict(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    auditor = open_laptop(tmp_path / "auditor", "Ali Auditor")
    detail = completed_audit(auditor, "CE-61001")
    auditor.close()

    # Sending, from the auditor's database in the window.
    window = open_window(auditor.path)
    bundle = tmp_path / "to-lead.auditdesk"

    def send(dialog: QWidget) -> None:
        assert isinstance(dialog, SendDialog)
        assert unnamed_controls(dialog) == []
        assert [c.reference for c in dialog.candidates] == [detail.reference]
        dialog.target.setText(str(bundle))
        dialog.buttons.accepted.emit()

    when_modal(send)
    window.files.send_audits()
    assert bundle.exists()
    assert "1 audit" in window.message.message

    # Receiving, at the quality lead's database.
    lead = open_window(tmp_path / "lead.sqlite")
    seen: dict[str, object] = {}

    def agree(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        assert unnamed_controls(dialog) == []
        seen["new"] = [item.label for item in dialog.preview.of(ItemStatus.NEW, "audit")]
        dialog.buttons.accepted.emit()

    when_modal(agree)
    lead.files.preview_import(bundle)
    assert seen["new"]
    assert detail.reference in str(seen["new"])
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
    when_modal(lambda dialog: dialog.buttons.accepted.emit())  # type: ignore[attr-defined]
    lead.files.preview_import(second)
    view = lead.conflicts
    assert lead.tabs.currentWidget() is view
    assert view.list.rowCount() == 1
    assert "Co&nflicts (1)" in lead.tabs.tabText(lead.tabs.indexOf(view))
    assert unnamed_controls(lead) == []
    differing = [
        view.lines.item(row, 4).text() for row in range(view.lines.rowCount())
    ]  # fmt: skip
    assert "DIFFERS" in differing
    view.note.setText("The family's views take precedence.")
    view.take.click()
    assert list_conflicts(lead.session.db) == ()
    assert (
        audits.get_audit(lead.session.ctx, detail.uuid).answers[("a.child_voice", None)].rating
        == "inadequate"
    )
    assert lead.tabs.tabText(lead.tabs.indexOf(view)) == "Co&nflicts"
