"""The window meets a damaged database with the damaged-database message, never the crash
dialog: when opening it (a dropped table), and when the damage is read later (a comment
that no longer decodes, met when its audit is opened; a reference, met by the list).
A crash would log an ERROR, which fails these tests on its own (tests/conftest.py)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from auditdesk.ui.app import AppController
from tests.store.test_damaged_databases import (
    DAMAGED_WORDS,
    comment_not_utf8,
    file_state,
    table_dropped,
)
from tests.ui.demo_files import copy_of
from tests.ui.scripted_dialogs import ScriptedDialogs


def _damaged_words_in(said: str, path: Path) -> None:
    assert path.name in said
    for words in DAMAGED_WORDS:
        assert words in said, said


def test_opening_a_database_with_a_table_missing_says_it_is_damaged(
    controller: AppController, dialogs: ScriptedDialogs, demo_file: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_file, tmp_path)
    table_dropped(path)
    before = file_state(path)

    assert not controller.open(path)

    (warned,) = [asked for asked in dialogs.asked if asked.kind == "warn"]
    assert warned.title == f"Cannot open {path.name}"
    _damaged_words_in(warned.text, path)
    assert "the table actions is missing" in warned.text
    assert controller.window is None
    assert file_state(path) == before


def test_opening_an_audit_whose_comment_is_damaged_says_so_in_the_window(
    controller: AppController, demo_file: Path, tmp_path: Path
) -> None:
    """Before: "Could not decode to UTF-8" went to the crash dialog."""
    path = copy_of(demo_file, tmp_path)
    reference = comment_not_utf8(path)
    with closing(sqlite3.connect(path)) as connection:
        (uuid,) = connection.execute(
            "SELECT uuid FROM audits WHERE reference = ?", (reference,)
        ).fetchone()

    assert controller.open(path)  # the list does not read comments: it opens
    window = controller.window
    assert window is not None
    window.open_audit(uuid)

    assert uuid not in window.editors
    _damaged_words_in(window.message.message, path)
    assert "a stored text in the column comment is not readable" in window.message.message


def test_a_damaged_value_in_the_audit_list_says_so_in_the_window(
    controller: AppController, demo_file: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_file, tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "UPDATE audits SET reference = CAST(X'41442DFF' AS TEXT) "
            "WHERE id = (SELECT min(id) FROM audits)"
        )
        connection.commit()

    assert controller.open(path)
    window = controller.window
    assert window is not None

    _damaged_words_in(window.message.message, path)
    assert "column reference" in window.message.message


def test_damage_the_list_never_reads_is_said_once_the_window_has_looked(
    qtbot: QtBot, controller: AppController, demo_file: Path, tmp_path: Path
) -> None:
    """A broken page in the change trail: the window opens (nothing on the way reads it),
    and the look over every page it takes in the background says the file is damaged,
    before the person meets it mid-work. Before: nothing was said until an export failed."""
    path = copy_of(demo_file, tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'change_trail'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as file:  # the page's header: its kind and cell count
        file.seek((root - 1) * page_size)
        file.write(b"\x42" * 12)

    assert controller.open(path)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: "is damaged" in window.message.message, timeout=10_000)
    _damaged_words_in(window.message.message, path)
    assert window.message.isVisible()
    window.close()
