"""One window or dialog opened in the real main window, offscreen with the real task
runner, for ``bench_dialogs`` (which runs this module once per opening, in a fresh
process): ``python -m benchmarks.dialogs_window DATABASE BUNDLE NAME PREPARED_JSON``
prints ``{"seconds": ...}``.

Windows and dialogs are found by their class name, menu commands by their words and
buttons by their accessible names (what a screen reader says), so that moving the window's
code between modules does not break the benchmark."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableView, QTabWidget, QWidget

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.preferences import Preferences
from benchmarks.bench_dialogs import PERSON, Opening, Prepared
from benchmarks.qt_wait import wait_quiet, wait_until

TABS = {"audits": 0, "actions": 1, "moderation": 2, "dashboard": 4}


class BenchDialogs(DialogService):
    """AuditDesk's own dialogs shown without a modal loop (as in the tests), kept to be
    found; the file chooser answers with the bundle; any warning stops the benchmark."""

    def __init__(self, bundle: Path) -> None:
        self.bundle = bundle
        self.shown: list[QDialog] = []

    def ask(self, dialog: QDialog, on_accepted: Any = None, *, on_finished: Any = None) -> None:
        self._connect(dialog, on_accepted, on_finished)
        self.shown.append(dialog)
        dialog.show()

    def open_file(self, parent: QWidget, title: str, folder: Path, filters: str) -> Path | None:
        return self.bundle

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        raise RuntimeError(f"{title}: {text}")

    def open_one(self, kind: str) -> QDialog | None:
        for dialog in reversed(self.shown):
            if shiboken6.isValid(dialog) and type(dialog).__name__ == kind and dialog.isVisible():
                return dialog
        return None


class DialogBench:
    def __init__(self, database: Path, person: tuple[str, str, str], bundle: Path) -> None:
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        self.app = app
        preferences = Preferences(database.with_name("dialogs-bench-preferences.ini"))
        preferences.remember_profile(person[0], Agency(person[1]), Role(person[2]))
        self.dialogs = BenchDialogs(bundle)
        self.controller = AppController(app, preferences, dialogs=self.dialogs)
        assert self.controller.open(database), "the database did not open"
        assert self.controller.window is not None
        assert self.controller.session is not None
        self.window = self.controller.window
        self.runner = self.controller.session.runner
        self.settle()

    def settle(self) -> None:
        """Nothing running, and nothing more starting for a while (the main window looks
        the database over once its first page has been painted)."""
        wait_quiet(self.app, lambda: self.runner.idle, quiet=0.5, timeout=300.0)

    def time(self, opening: Opening) -> float:
        """Seconds from opening it to it being shown with its background work shown."""
        opening.before()
        self.settle()
        begun = time.perf_counter()
        opening.start()
        wait_until(
            self.app,
            lambda: opening.ready() and self.runner.idle,
            timeout=300.0,
            what=f"the {opening.name}",
        )
        self.app.processEvents()  # what it shows is laid out and painted
        return time.perf_counter() - begun

    # -- what is opened -------------------------------------------------------------------
    def openings(self, prepared: Prepared) -> Iterator[Opening]:
        yield self._editor("editor, 200-question audit with 20 outcomes", prepared.big_audit)
        yield self._editor("editor, the demo's biggest setting visit", prepared.visit_audit)
        for name in ("actions", "moderation", "dashboard"):
            yield Opening(f"{name} tab", lambda n=name: self._tab(n), lambda: True)  # type: ignore[misc]
        yield self._in_moderation("blind marking window", prepared.marking, "Second mark",
                                  "BlindMarkingWindow")  # fmt: skip
        yield self._in_moderation("reconciliation dialog", prepared.agreed, "Reconcile",
                                  "ReconciliationDialog")  # fmt: skip
        for name, command, kind in (
            ("new audit dialog", "New audit…", "NewAuditDialog"),
            ("export dialog", "Export for the Board…", "ExportDialog"),
            ("send dialog", "Send audits…", "SendDialog"),
            ("import preview, 1,000-audit bundle", "Import bundle…", "ImportPreviewDialog"),
        ):
            yield Opening(
                name,
                lambda c=command: self._command(c),  # type: ignore[misc]
                lambda k=kind: self.dialogs.open_one(k) is not None,  # type: ignore[misc]
            )

    def _editor(self, name: str, audit_uuid: str) -> Opening:
        editors: dict[str, QWidget] = self.window.editors  # type: ignore[assignment]

        def ready() -> bool:
            editor = editors.get(audit_uuid)
            return editor is not None and editor.isVisible()

        return Opening(name, lambda: self.window.open_audit(audit_uuid), ready)

    def _in_moderation(self, name: str, reference: str, button: str, kind: str) -> Opening:
        def choose() -> None:  # the tab's own loading is not the dialog's
            table = self._tab("moderation").findChild(QTableView)
            assert table is not None
            self.settle()
            model = table.model()
            for row in range(model.rowCount()):
                if model.index(row, 0).data() == reference:
                    table.setCurrentIndex(model.index(row, 0))
                    return
            raise AssertionError(f"{reference} is not in the moderation list")

        return Opening(
            name,
            lambda: self._button(button).click(),
            lambda: self.dialogs.open_one(kind) is not None,
            before=choose,
        )

    def _tab(self, name: str) -> QWidget:
        tabs = self.window.findChild(QTabWidget)
        assert tabs is not None
        tabs.setCurrentIndex(TABS[name])
        widget = tabs.currentWidget()
        assert widget is not None
        return widget

    def _command(self, words: str) -> None:
        for action in self.window.findChildren(QAction):
            if action.text().replace("&", "") == words:
                action.trigger()
                return
        raise AssertionError(f"no menu command '{words}'")

    def _button(self, name: str) -> QPushButton:
        for button in self.window.findChildren(QPushButton):
            if button.accessibleName() == name and button.isVisible():
                return button
        raise AssertionError(f"no button '{name}'")


def main(database: str, bundle: str, name: str, prepared: str) -> None:
    bench = DialogBench(Path(database), PERSON, Path(bundle))
    found = [o for o in bench.openings(Prepared(**json.loads(prepared))) if o.name == name]
    if not found:
        raise SystemExit(f"no opening named '{name}'")
    seconds = bench.time(found[0])
    print(json.dumps({"seconds": seconds}), flush=True)
    # Not closed: closing can set off minutes of work (the Moderation tab refilled), and
    # the database lock and the file go with the process. Nothing here wrote anything.
    os._exit(0)


if __name__ == "__main__":
    main(*sys.argv[1:])
