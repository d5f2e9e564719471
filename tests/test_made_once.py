"""The databases tests copy instead of making (tests/made_once.py) are what AuditDesk makes:
opening a copy finds nothing to do (no migration, no templates to install, no grades to
fill: not one row changes), and each copy is a laptop of its own (its own device id)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from auditdesk.services.kernel import open_workspace
from auditdesk.store.migrate import head_revision
from tests.made_once import copy_database, demo_database, new_database


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def opened_and_closed(path: Path) -> tuple[str, str | None, str]:
    """Open the file as AuditDesk does: its device id, and where it was migrated from and to."""
    db = open_workspace(path)
    try:
        assert db.migration is not None
        assert db.migration.backup is None
        return db.device_id, db.migration.from_revision, db.migration.to_revision
    finally:
        db.close()


def test_opening_a_new_database_copy_finds_nothing_to_do(tmp_path: Path) -> None:
    path = new_database(tmp_path / "audits.sqlite")
    before = dump(path)

    _device, migrated_from, migrated_to = opened_and_closed(path)

    assert migrated_from == migrated_to == head_revision()
    assert dump(path) == before
    assert any('INSERT INTO "template_versions"' in line for line in before)


def test_opening_a_demo_copy_finds_nothing_to_do(tmp_path: Path) -> None:
    path = copy_database(demo_database(12, seed=3), tmp_path / "demo.sqlite")
    before = dump(path)

    opened_and_closed(path)

    assert dump(path) == before
    assert any('INSERT INTO "audits"' in line for line in before)


def test_each_copy_is_a_laptop_of_its_own(tmp_path: Path) -> None:
    devices = {
        opened_and_closed(new_database(tmp_path / f"laptop {number}.sqlite"))[0]
        for number in range(3)
    }
    demo = demo_database(12, seed=3)
    devices |= {
        opened_and_closed(copy_database(demo, tmp_path / f"demo {n}.sqlite"))[0] for n in range(2)
    }

    assert len(devices) == 5
    assert all(devices)
