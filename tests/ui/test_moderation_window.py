"""A moderation round in the window: draw a sample, assign a second marker, mark blind,
reconcile side by side and record the agreed grade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, Role
from auditdesk.services import audit_lifecycle, audits, moderation
from auditdesk.services.people import add_auditor
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything
from tests.ui.conftest import when_modal


def test_a_moderation_round_end_to_end(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(ctx, detail, points=3)
    audit_lifecycle.complete_audit(ctx, detail.uuid)
    add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)

    view.draw.click()
    assert view.table.rowCount() == 1
    assert "needs a second marker" in view.table.item(0, 4).text()

    def choose_marker(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Morgan Health (Health)")
        dialog.accept()

    when_modal(choose_marker)
    view.assign.click()
    assert view.table.item(0, 3).text() == "Morgan Health"

    seen: dict[str, object] = {}

    def reconcile(dialog: QWidget) -> None:
        assert isinstance(dialog, ReconciliationDialog)
        differing = [line for line in dialog.reconciliation.lines if line.differs]
        seen["differing"] = len(differing)
        seen["figures"] = dialog.figures.text()
        overall = dialog.agreed["overall"]
        overall.setCurrentIndex(overall.findData(Grade.REQUIRES_IMPROVEMENT))
        dialog.notes.setPlainText("Outcomes in E are not measurable; panel agreed RI.")
        dialog.buttons.accepted.emit()

    def mark_blind(dialog: QWidget) -> None:
        assert isinstance(dialog, BlindMarkingWindow)
        # Nothing of the first marker's shows: no rating is pre-selected anywhere.
        first_page = dialog.page.questions.values()
        assert all(widget.rating is None for widget in first_page)
        marked = 0
        for number in range(dialog.navigator.topLevelItemCount()):
            dialog.navigator.setCurrentItem(dialog.navigator.topLevelItem(number))
            for widget in dialog.page.questions.values():
                assert widget.scale is not None
                wanted = 2 if marked == 0 else 3  # harsher on the first question only
                code = next(o.code for o in widget.scale.options if o.points == wanted)
                widget.buttons[code].click()
                marked += 1
        seen["marked"] = marked
        when_modal(reconcile)
        dialog.submit.click()

    when_modal(mark_blind)
    view.mark.click()

    assert seen["differing"] == 1
    assert "exact agreement" in str(seen["figures"])
    row = moderation.list_moderations(ctx)[0]
    assert row.status == "agreed"
    assert row.agreed_grade is Grade.REQUIRES_IMPROVEMENT
    stored = audits.get_audit(ctx, detail.uuid)
    assert stored.status is AuditStatus.MODERATED
    assert stored.final_grade is Grade.REQUIRES_IMPROVEMENT
    assert "Agreement across 1 moderated audit —" in view.agreement.text()
