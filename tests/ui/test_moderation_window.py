"""A moderation round in the window: draw a sample, assign a second marker, mark blind,
reconcile side by side and record the agreed grade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.reference import Agency, AuditStatus, Role
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel._people import add_auditor
from auditdesk.services.reports import agreement_report, kept_agreement
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from tests.services.helpers import completed_audit, option_with_points
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of
from tests.ui.readable import unreadable_cells
from tests.ui.scripted_dialogs import ScriptedDialogs


def test_a_moderation_round_end_to_end(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)

    view.draw.click()
    assert view.table.row_count() == 1
    assert "needs a second marker" in view.table.text(0, 4)

    view.assign.click()
    chooser = dialogs.latest(AssignMarkerDialog)
    # The first marker is not offered; the only other person is, but not chosen for them.
    assert [chooser.choices.item(r).text() for r in range(chooser.choices.count())] == [
        "Morgan Health (Health)"
    ]
    assert f"Sam Practice ({detail.reference})" in chooser.not_offered.text()
    assert chooser.chosen is None
    chooser.choices.setCurrentRow(0)
    chooser.ok_button.click()
    assert view.table.text(0, 3) == "Morgan Health"

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
    # Every section, question and rating side by side can be read whole, not cut with "…".
    sides = next(t for t in dialog.findChildren(QTableWidget) if t.rowCount() > 20)
    assert unreadable_cells(sides) == []
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


def test_reconciliation_counts_agree_and_say_why_some_are_left_out(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    morgan = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    row = moderation.draw_sample(ctx, percentage=100, seed=1).drawn[0]
    moderation.assign_second_marker(ctx, row.uuid, morgan.uuid)
    view = window.moderation_view
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(view)
    view._select({row.uuid})
    press_alt(qtbot, "m", view.table)  # Second mark…
    blind = dialogs.latest(BlindMarkingWindow)
    qtbot.waitUntil(blind.isActiveWindow)
    first = next(iter(blind.page.questions.values()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)  # N/A where the first said Good
    assert first.rating == NOT_APPLICABLE
    # The rest: harsher on two questions, the same on every other.
    slots = [s for s in detail.index.slots(detail.blocks, detail.context)
             if s.applies and s.question.is_rated and s.key != first.slot.key]  # fmt: skip
    for number, slot in enumerate(slots):
        moderation.record_second_rating(
            ctx, row.uuid, slot.question.id, None,
            rating=option_with_points(detail, slot, 2 if number < 2 else 3),
        )  # fmt: skip
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )

    dialog = dialogs.latest(ReconciliationDialog)
    total = len(slots) + 1
    assert dialog.intro.text().startswith(f"3 of {total} ratings differ between the markers.")
    said = dialog.figures.text()
    scored = total - 1
    assert f"over the {scored} ratings both markers scored" in said
    assert f"({scored - 2} of {scored} pairs the same)" in said  # 3 differ: 2 scored, 1 N/A
    assert "1 other rating is left out of these figures (N/A from one marker)" in said
    assert "it is among the 3 that differ" in said
    stored = moderation.reconciliation(ctx, row.uuid)
    assert sum(line.differs for line in stored.lines) == 3
    assert len(stored.lines) == total


def test_the_list_and_agreement_figures_arrive_apart_and_only_the_newest_show(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    """The list and the figures are read side by side and may arrive in either order;
    what is said fits what has arrived, and an older reading arriving late changes
    nothing."""
    window = open_window(None)
    ctx = window.session.ctx
    completed_audit(ctx)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    assert view.table.row_count() == 0
    assert view.agreement.text().startswith("Nothing drawn for moderation yet")

    older = view._asked
    moderation.draw_sample(ctx, percentage=100)
    view._asked += 1  # a newer reading asked for, its two parts arriving apart
    newer = view._asked
    view._show_agreement(newer, agreement_report(ctx), current=True)
    # The figures alone: nothing submitted, and (as far as is known yet) nothing drawn.
    assert view.agreement.text().startswith("Nothing drawn for moderation yet")
    view._show(newer, moderation.list_moderations(ctx))
    assert view.table.row_count() == 1
    assert view.agreement.text().startswith("No moderation submitted yet")

    view._show(older, [])  # the older reading, late
    assert view.table.row_count() == 1
    assert view.agreement.text().startswith("No moderation submitted yet")


def test_the_agreement_figures_are_kept_and_said_to_be_updating_when_out_of_date(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_file: Path, tmp_path: Path
) -> None:
    """Shown again with nothing changed, the tab says the figures it kept; after a change
    it says the kept ones are being brought up to date, then says the new ones."""
    window = open_window(copy_of(demo_file, tmp_path))
    ctx = window.session.ctx
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    kept = kept_agreement(ctx)
    assert kept is not None  # worked out when the tab was first shown, and kept
    assert kept.current
    said = view.agreement.text()
    assert said.startswith(f"Agreement across {kept.report.moderations:,} moderated audits")
    assert "bringing these up to date" not in said

    moderation.draw_sample(ctx, percentage=50, seed=11)  # figures out of date now
    stale = kept_agreement(ctx)
    assert stale is not None
    assert not stale.current
    view._asked += 1
    # How the kept figures are said while the new ones are worked out (here, with the
    # tests' task runner that does the work at once, the step below is over in one go).
    view._show_agreement(view._asked, stale.report, current=False)
    assert view.agreement.text().endswith("(bringing these up to date…)")
    view._kept_agreement(view._asked, stale)  # as the reload delivers it
    assert "bringing these up to date" not in view.agreement.text()
    fresh = kept_agreement(ctx)
    assert fresh is not None
    assert fresh.current  # worked out and kept again
