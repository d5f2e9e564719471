"""Counts in the thousands, read as a person reads them: "1,050 audits", with the
thousands separator, on the audit list, the dashboard, moderation and sending (the rest of
what people read is checked in test_what_people_read.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.main_window import MainWindow
from tests.ui.read_as_a_person import Reader
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.mark.slow
def test_counts_in_the_thousands_carry_separators(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    path = tmp_path / "thousand.sqlite"
    db = open_workspace(path)
    generate_demo(db, DemoOptions(1050, seed=9, as_of=date(2026, 11, 20)))
    db.close()
    window = open_window(path)
    window.show()
    reader = Reader(path)
    assert window.audit_list.count.text() == "1,050 audits"
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: "audits ·" in window.dashboard.headline.text(), timeout=10_000)
    reader.check("dashboard of 1,050 audits", window)
    assert re.match(r"\d,\d{3} audits", window.dashboard.headline.text())
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view.percentage.setValue(100)
    view.draw.click()
    assert window.message.message.startswith("Drew ")
    reader.check("moderation after drawing a large sample", window)
    window.files.send_audits()
    send = dialogs.latest(SendDialog)
    assert re.match(r"\d,\d{3} audits will be sent", send.intro.text())
    reader.check("sending a thousand audits", send)
    send.reject()
    assert reader.problems == [], "\n".join(reader.problems)
