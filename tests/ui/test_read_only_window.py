"""A database on a read-only drive opens in the window read-only: the title, the status bar
and the message bar say so and what to do, audits can be read, and a change is refused in
plain words (never "damaged", never the crash dialog) with not a byte of the file changed."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from auditdesk.services.audits._listing import AuditFilter, list_audits
from auditdesk.ui.app import AppController
from tests.store.read_only_mount import read_only_folder
from tests.store.test_read_only_database import READ_ONLY_WORDS, folder_state


@pytest.fixture
def read_only_copy(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    with read_only_folder(
        tmp_path / "drive", lambda folder: shutil.copyfile(demo_file, folder / "audits.sqlite")
    ) as folder:
        yield folder / "audits.sqlite"


def test_a_read_only_database_opens_for_reading_and_refuses_changes(
    qtbot: QtBot,
    controller: AppController,
    read_only_copy: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Before: refused as "damaged (unable to open database file). Restore it from a
    backup"."""
    caplog.set_level(logging.INFO, logger="auditdesk.ui.errors")
    before = folder_state(read_only_copy.parent)

    assert controller.open(read_only_copy)
    window = controller.window
    assert window is not None
    assert window.windowTitle().endswith("audits.sqlite (read-only)")
    assert window.read_only_label.text() == "Read-only: changes cannot be saved"
    notice = window.message.message
    for words in ("is read-only", "copy it to a folder you can write to", "ask IT"):
        assert words in notice
    assert window.audit_model.total == 60
    # What could only end in the refusal is not offered; looking and exporting are.
    offered = {
        a.text(): a.isEnabled() for m in window.menuBar().findChildren(QMenu) for a in m.actions()
    }
    assert not offered["&New audit…"]
    assert not offered["&Send audits…"]
    assert not offered["&Import bundle…"]
    assert offered["&Export for the Board…"]
    assert not window.audit_list.new_button.isEnabled()

    draft = next(
        row
        for row in list_audits(window.session.ctx, AuditFilter(), limit=200).items
        if row.status.value == "draft"
    )
    window.open_audit(draft.uuid)
    editor = window.editors[draft.uuid]
    qtbot.waitExposed(editor)
    editor.step(1)  # the first part with ratings
    assert "Read-only: changes cannot be saved" in [
        label.text() for label in editor.statusBar().findChildren(QLabel)
    ]
    key, widget = next(
        (key, w)
        for key, w in editor.page.questions.items()
        if any(b.isEnabled() and not b.isChecked() for b in w.buttons.values())
    )
    stored = editor.answers.get(key)
    code = next(c for c, b in widget.buttons.items() if b.isEnabled() and not b.isChecked())
    widget.buttons[code].click()

    # Refused as an expected problem, in the read-only words (a crash would log an ERROR).
    told = [r.getMessage() for r in caplog.records if r.name == "auditdesk.ui.errors"]
    assert told, "the refusal was not shown"
    for words in READ_ONLY_WORDS:
        assert words in told[-1], told[-1]
    assert "cannot save any change" in told[-1]
    assert "damaged" not in told[-1]
    # And it stays said in the editor, not hidden again as the stored answers are shown.
    assert editor.message.isVisible()
    assert "cannot save any change" in editor.message.message
    # The editor shows what the database holds again: the rating was not taken.
    reloaded = editor.page.questions[key]
    assert reloaded.shown("rating") == (stored.rating if stored else None)
    editor.close()
    assert folder_state(read_only_copy.parent) == before
