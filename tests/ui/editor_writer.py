"""Run as a separate process by test_killed_window: opens the real editor window
(offscreen) with the real (threaded) task runner, rates questions by clicking, and prints
"clicked <question> <rating>" before each click and "saved <question> <rating>" each time
the window says everything is saved."""

from __future__ import annotations

import os
import sys
from itertools import cycle
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role
from auditdesk.services.audits import _editing as audits
from auditdesk.ui.app import AppController
from auditdesk.ui.preferences import Preferences

#: Clicks in a row before the clicking waits for the editor to say "saved".
AT_MOST_UNSAID = 4


def main(path: Path) -> None:
    app = QApplication(sys.argv)
    preferences = Preferences(path.with_name("preferences.ini"))
    preferences.remember_profile("Kim Writer", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    controller = AppController(app, preferences)  # real threads: the write lane
    assert controller.open(path)
    window, session = controller.window, controller.session
    assert window is not None
    assert session is not None
    detail = audits.create_audit(
        session.ctx,
        template_id="ehcp-quality",
        subject=audits.ChildPlanSubject(
            "CE-88001", 5, PrimaryNeed.ASD, PlanStage.NEW_PLAN, "Crewe"
        ),
    )
    window.open_audit(detail.uuid)  # read in the write lane, then the window opens
    while detail.uuid not in window.editors:
        app.processEvents()
    editor = window.editors[detail.uuid]
    print(f"audit {detail.uuid}", flush=True)
    last: list[tuple[str, str]] = []
    unsaid = [0]  # clicks since the editor last said "saved"

    def saved() -> None:
        for question_id, rating in last:
            print(f"saved {question_id} {rating}", flush=True)
        if unsaid[0] >= AT_MOST_UNSAID:
            QTimer.singleShot(5, next_edit)  # the clicking waited for this
        unsaid[0] = 0

    editor.saved.connect(saved)
    choices = cycle(["good", "requires_improvement", "outstanding"])
    position = [0]

    def next_edit() -> None:
        widgets = [w for w in editor.page.questions.values() if "outstanding" in w.buttons]
        if position[0] >= len(widgets):
            position[0] = 0
            editor.step(1)  # the next part of the audit (the last part stays put)
        else:
            widget = widgets[position[0]]
            position[0] += 1
            rating = next(choices)
            last[:] = [(widget.slot.question.id, rating)]
            print(f"clicked {widget.slot.question.id} {rating}", flush=True)
            widget.buttons[rating].click()
            unsaid[0] += 1
            if unsaid[0] >= AT_MOST_UNSAID:
                # On a loaded machine clicks every 5 ms can outrun the saves for good, and
                # the test would wait for ever for saves to be said: now and then the
                # clicking waits until one is (the kill still lands mid-save).
                return
        QTimer.singleShot(5, next_edit)

    QTimer.singleShot(0, next_edit)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
