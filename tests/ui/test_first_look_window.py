"""Start-up from a first look (auditdesk/ui/session.py): the window shows the first page of
audits before the database layer is loaded, then opens the database properly. Tried as
people meet it: typing at once, asking for a new audit in that instant, a database that
turns out damaged, and the real command, which must not load SQLAlchemy before its first
page is on the screen."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import AuditFilter, count_audits, list_audits
from auditdesk.ui.app import AppController
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from tests.test_start_up_imports import loaded_at_first_page
from tests.ui.conftest import Threaded
from tests.ui.demo_files import make_demo
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.fixture
def known_to_sam(tmp_path: Path, controller: AppController) -> Path:
    """A demo database that has met Sam (the preferences' person): opened fully once,
    which records Sam in it, then closed. The next opening can start from a first look."""
    path = make_demo(tmp_path / "team audits.sqlite", 60, seed=5)
    assert controller.open(path)
    assert controller.session is not None
    assert not controller.session.opening  # Sam was new to it: opened the full way
    controller.close()
    return path


def test_the_window_shows_the_first_look_then_opens_the_database(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot
) -> None:
    window = threaded.open(known_to_sam)
    session = window.session
    assert session.opening  # shown before the database layer was asked for
    assert window.audit_model.rowCount() == 60
    assert window.audit_model.total == 60
    shown = [window.audit_model.row_at(row) for row in range(60)]
    qtbot.waitUntil(lambda: not session.opening, timeout=10_000)  # once painted
    threaded.settle()
    assert shown == list(list_audits(session.ctx).items)  # the list read properly agrees
    assert window.audit_list.filters.auditor.count() > 1  # what the filters offer, read after
    assert session.ctx.actor.name == "Sam Practice"


def test_typing_at_once_after_the_window_appears_loses_nothing(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot
) -> None:
    window = threaded.open(known_to_sam)
    assert window.session.opening
    typed = window.audit_model.row_at(7).reference.lower()  # one audit's, as seen on screen
    search = window.audit_list.filters.search
    search.setFocus()
    qtbot.keyClicks(search, typed)  # no waits: as fast as a person types
    assert search.text() == typed
    qtbot.waitUntil(lambda: not window.session.opening, timeout=10_000)
    wanted = count_audits(window.session.ctx, AuditFilter(text=typed))
    assert 1 <= wanted < 60
    qtbot.waitUntil(lambda: window.audit_model.total == wanted, timeout=10_000)
    threaded.settle()
    assert window.audit_model.current_filter.text == typed
    assert search.text() == typed


def test_asking_for_a_new_audit_in_that_instant_opens_the_database_first(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot
) -> None:
    window = threaded.open(known_to_sam)
    assert window.session.opening
    window.new_audit()  # Audit > New audit (Ctrl+N), before the page has been painted
    dialog = threaded.dialog(NewAuditDialog)
    assert not window.session.opening
    assert dialog.isVisible()
    dialog.reject()


def test_a_database_found_damaged_after_the_look_is_said_and_the_window_closes(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    controller = threaded.controller
    window = threaded.open(known_to_sam)
    assert window.session.opening
    # A table the first page does not read goes between the look and the full opening
    # (another program, a failing disk): the full opening's check of every table finds it.
    with closing(sqlite3.connect(known_to_sam)) as connection, connection:
        connection.execute("DROP TABLE change_trail")
    qtbot.waitUntil(lambda: controller.window is None, timeout=10_000)
    warned = [asked for asked in dialogs.asked if asked.kind == "warn"]
    assert len(warned) == 1
    assert warned[0].title == f"Cannot open {known_to_sam.name}"
    assert "damaged" in warned[0].text
    assert controller.session is None  # its lock released, nothing left open


def test_the_real_window_loads_no_database_layer_before_its_first_page(
    tmp_path: Path,
) -> None:
    path = make_demo(tmp_path / "team audits.sqlite", 60, seed=5)
    runs = [tmp_path / "first", tmp_path / "second"]
    for run in runs:
        run.mkdir()
    # The first run meets Sam (recording them); the second can start from a first look.
    assert loaded_at_first_page(path, runs[0], ("sqlalchemy",)) == ["sqlalchemy"]
    assert loaded_at_first_page(path, runs[1], ("sqlalchemy",)) == []


def test_closing_the_window_before_the_database_is_opened_leaves_nothing_held(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot
) -> None:
    controller = threaded.controller
    window = threaded.open(known_to_sam)
    session = window.session
    assert session.opening
    controller.close()  # at once: before the first page has even been painted
    qtbot.wait(50)  # the turn after the paint that never came: nothing is opened then
    assert session.opening
    assert controller.window is None
    assert controller.open(known_to_sam)  # the lock was let go: it opens again at once
    qtbot.waitUntil(lambda: not controller.session.opening, timeout=10_000)


def test_new_audit_pressed_again_and_again_opens_one_form(
    threaded: Threaded, known_to_sam: Path, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    window = threaded.open(known_to_sam)
    for _press in range(3):  # as fast as a key repeats, before the form's lists are read
        window.new_audit()
    threaded.dialog(NewAuditDialog)
    threaded.settle()
    window.new_audit()  # and once it is open: brought forward, not opened again
    threaded.settle()
    forms = [d for d in dialogs.open_dialogs() if isinstance(d, NewAuditDialog)]
    assert len(forms) == 1
    forms[0].reject()
    window.new_audit()  # closed: the next press opens a new one
    assert threaded.dialog(NewAuditDialog) is not forms[0]
