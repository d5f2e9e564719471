"""A moderation round in the window: draw a sample, assign a second marker, mark blind,
reconcile side by side and record the agreed grade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from tests.ui.scripted_dialogs import ScriptedDialogs


def test_a_moderation_round_end_to_end(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
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

    dialogs.answer("choose", "Morgan Health (Health)")
    view.assign.click()
    assert view.table.item(0, 3).text() == "Morgan Health"

    view.mark.click()
    blind = dialogs.latest(BlindMarkingWindow)
    assert "CE-10001" in blind.plan.text()  # which plan to read
    assert "Year 5" in blind.plan.text()
    # Nothing of the first marker's shows: no rating is pre-selected anywhere.
    assert all(widget.rating is None for widget in blind.page.questions.values())
    marked = 0
    for number in range(blind.navigator.topLevelItemCount()):
        blind.navigator.setCurrentItem(blind.navigator.topLevelItem(number))
        for widget in blind.page.questions.values():
            assert widget.scale is not None
            wanted = 2 if marked == 0 else 3  # harsher on the first question only
            code = next(o.code for o in widget.scale.options if o.points == wanted)
            widget.buttons[code].click()
            marked += 1
    blind.submit.click()
    assert not blind.isVisible()

    dialog = dialogs.latest(ReconciliationDialog)
    differing = [line for line in dialog.reconciliation.lines if line.differs]
    assert len(differing) == 1
    assert "exact agreement" in dialog.figures.text()
    overall = dialog.agreed["overall"]
    overall.setCurrentIndex(overall.findData(Grade.REQUIRES_IMPROVEMENT))
    dialog.notes.setPlainText("Outcomes in E are not measurable; panel agreed RI.")
    dialog.ok_button.click()

    row = moderation.list_moderations(ctx)[0]
    assert row.status == "agreed"
    assert row.agreed_grade is Grade.REQUIRES_IMPROVEMENT
    stored = audits.get_audit(ctx, detail.uuid)
    assert stored.status is AuditStatus.MODERATED
    assert stored.final_grade is Grade.REQUIRES_IMPROVEMENT
    assert "Agreement across 1 moderated audit —" in view.agreement.text()
