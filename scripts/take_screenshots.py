"""Screenshots of the real app for the README, taken on a real X server the size of a
common council laptop (run under ``xvfb-run``; needs ImageMagick's ``import``): the audit
list, the editor, moderation and reconciliation, the conflicts and dashboard tabs, and
high contrast at 200% text. Usage:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/take_screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget

from auditdesk.domain.periods import parse_period
from auditdesk.domain.reference import Agency, Role
from auditdesk.services import moderation
from auditdesk.services.audits import AuditFilter, list_audits
from auditdesk.services.demo import DemoOptions, generate_demo
from auditdesk.services.kernel import ServiceContext, open_workspace
from auditdesk.services.reports import ReportScope, export_board
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from auditdesk.ui.preferences import Preferences


def settle(app: QApplication, ms: int = 400, then: Callable[[], object] | None = None) -> None:
    """Let the window paint for ``ms``; run ``then`` while the event loop is still live
    (the X server only holds what a running client has drawn)."""

    # A local event loop: QApplication.quit() would close every window as well.
    loop = QEventLoop()

    def finish() -> None:
        if then is not None:
            then()
        loop.quit()

    QTimer.singleShot(ms, finish)
    loop.exec()


def shoot(app: QApplication, widget: QWidget, target: Path) -> None:
    widget.raise_()
    widget.activateWindow()

    def capture() -> None:
        frame = widget.frameGeometry()
        # ImageMagick's `import` reads the X server's root window: what a person sees.
        geometry = f"{frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}"
        command = ["import", "-window", "root", "-crop", geometry, "+repage", str(target)]
        subprocess.run(command, check=True)
        print(f"wrote {target}")

    settle(app, 600, capture)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="auditdesk-shots-"))
    os.environ["AUDITDESK_HOME"] = str(home)
    database = home / "demo.sqlite"
    db = open_workspace(database)
    generate_demo(db, DemoOptions(3000, seed=3, as_of=date(2026, 11, 20)))
    db.close()

    app = QApplication(sys.argv)
    preferences = Preferences(home / "preferences.ini")
    preferences.remember_profile("Jo Quality", Agency.EDUCATION, Role.QUALITY_LEAD)
    controller = AppController(app, preferences, synchronous=True)
    assert controller.open(database)
    window, session = controller.window, controller.session
    assert window is not None
    assert session is not None
    # As a person has it: filling the laptop's screen.
    window.showMaximized()
    shoot(app, window, out / "audit-list.png")

    rows = list_audits(session.ctx, AuditFilter(template_ids=("setting-visit",)), limit=1)
    window.open_audit(rows.items[0].uuid)
    editor = window.editors[rows.items[0].uuid]
    editor.showMaximized()
    editor.navigator.setCurrentItem(_part(editor, 8))
    shoot(app, editor, out / "editor.png")
    editor.close()

    window.tabs.setCurrentWidget(window.moderation_view)
    shoot(app, window, out / "moderation.png")
    agreed = next(r for r in moderation.list_moderations(session.ctx) if r.status == "agreed")
    dialog = ReconciliationDialog(moderation.reconciliation(session.ctx, agreed.uuid), window)
    dialog.show()
    shoot(app, dialog, out / "reconciliation.png")
    dialog.close()

    window.tabs.setCurrentWidget(window.conflicts)
    shoot(app, window, out / "conflicts.png")

    window.tabs.setCurrentWidget(window.dashboard)
    settle(app, 1500)
    shoot(app, window, out / "dashboard.png")

    controller.change_view(1.0, True)  # 100% + 100%: twice the text size, high contrast
    window.tabs.setCurrentWidget(window.audit_list)
    shoot(app, window, out / "high-contrast-200.png")
    rows = list_audits(session.ctx, AuditFilter(template_ids=("ehcp-quality",)), limit=1)
    window.open_audit(rows.items[0].uuid)
    editor = window.editors[rows.items[0].uuid]
    editor.showMaximized()
    editor.navigator.setCurrentItem(_part(editor, 5))
    shoot(app, editor, out / "editor-high-contrast-200.png")
    editor.close()
    controller.change_view(0, False)
    ctx = session.ctx
    controller.close()
    board_pack_headline(ctx, out / "board-pack-headline.png")


def _part(editor: AuditEditorWindow, number: int) -> QTreeWidgetItem:
    item = editor.navigator.topLevelItem(number)
    assert item is not None
    return item


def board_pack_headline(ctx: ServiceContext, target: Path) -> None:
    """The Board pack's headline page for the autumn term, as the pack prints it."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "board.pdf"
        db = open_workspace(ctx.db.path)
        try:
            export_board(replace(ctx, db=db), ReportScope(parse_period("Autumn 2025")), pdf=pdf)
        finally:
            db.close()
        pages = [page.extract_text() for page in PdfReader(pdf).pages]
        number = next(
            n
            for n, text in enumerate(pages, start=1)
            if "Headline" in text and "Contents" not in text
        )
        stem = Path(folder) / "page"
        command = ["pdftoppm", "-png", "-r", "70", "-f", str(number), "-l", str(number)]
        subprocess.run([*command, "-singlefile", str(pdf), str(stem)], check=True)
        target.write_bytes(stem.with_suffix(".png").read_bytes())
        print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
