"""The window's first look (auditdesk/services/kernel/_first_look.py) reads, with plain
sqlite3, exactly the audit list's first page, and stands aside (``None``) whenever opening
the database properly could have anything to do or to say; it never writes."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services import kernel
from auditdesk.services.audits import list_audits
from auditdesk.services.kernel import Actor, ServiceContext
from tests import made_once


@pytest.fixture(scope="module")
def known() -> tuple[Path, Actor]:
    """A demo database (plans and setting visits, drafts and signed-off audits) and the
    person it knows as its profile, made once: first looks only read."""
    made = made_once.demo_database(150, seed=11)
    db = kernel.open_workspace(made)
    try:
        actor = kernel.get_profile(db)
    finally:
        db.close()
    assert actor is not None
    return made, actor


def looked(path: Path, actor: Actor, page_size: int = 200) -> kernel.FirstLook | None:
    return kernel.first_look(path, actor.name, actor.agency, actor.role, page_size=page_size)


@pytest.mark.parametrize("page_size", [1, 7, 200])
def test_the_first_look_is_the_audit_lists_first_page(
    known: tuple[Path, Actor], page_size: int
) -> None:
    path, actor = known
    look = looked(path, actor, page_size)
    assert look is not None
    db = kernel.open_workspace(path)
    try:
        listed = list_audits(ServiceContext(db, actor), limit=page_size)
    finally:
        db.close()
    assert look.first_page == listed
    assert look.first_page.total == 150
    assert look.actor == actor
    kinds = {row.child_reference is None for row in look.first_page.items}
    if page_size == 200:
        assert kinds == {True, False}  # setting visits (no child) and plans both read


def test_the_person_is_matched_as_opening_matches_them(known: tuple[Path, Actor]) -> None:
    path, actor = known
    look = kernel.first_look(
        path, f"  {actor.name.upper()} ", actor.agency, actor.role, page_size=5
    )
    assert look is not None
    assert look.actor == actor  # named as the database spells them


def _state(key: str, value: str | None) -> Callable[[sqlite3.Connection], None]:
    def change(connection: sqlite3.Connection) -> None:
        if value is None:
            connection.execute("DELETE FROM app_state WHERE key = ?", (key,))
        else:
            connection.execute("UPDATE app_state SET value = ? WHERE key = ?", (value, key))

    return change


#: Each makes opening the database properly do or say something, so the look stands aside.
CHANGES: dict[str, Callable[[sqlite3.Connection], None]] = {
    "the shipped templates changed": _state("shipped_templates_sha256", "an older set"),
    "section grades to fill": _state("section_grades_complete", None),
    "no device id yet": _state("device_id", None),
    "somebody else is its profile": _state("profile_auditor_uuid", "someone-else"),
    "an older schema": lambda c: c.execute("UPDATE alembic_version SET version_num = '0003'"),
    "a newer schema": lambda c: c.execute("UPDATE alembic_version SET version_num = 'ffff'"),
    "another program's database": lambda c: c.execute("PRAGMA application_id = 7"),
    "a table it does not read gone": lambda c: c.execute("DROP TABLE change_trail"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_the_look_stands_aside_when_opening_has_work_or_words(
    known: tuple[Path, Actor], tmp_path: Path, change: str
) -> None:
    path, actor = known
    copy = made_once.copy_database(path, tmp_path / "audits.sqlite")
    assert looked(copy, actor) is not None  # the copy itself can be looked at
    with closing(sqlite3.connect(copy)) as connection, connection:
        CHANGES[change](connection)
    if change == "a table it does not read gone":
        # Damage the look does not read is left to the full opening, which checks every
        # table: the look shows the page, and the window then says what opening found.
        assert looked(copy, actor) is not None
    else:
        assert looked(copy, actor) is None


@pytest.mark.parametrize(
    "person",
    [
        ("Nobody Known", Agency.EDUCATION, Role.PRACTICE_CHAMPION),
        ("   ", Agency.EDUCATION, Role.PRACTICE_CHAMPION),
        ("x" * 10_000, Agency.EDUCATION, Role.PRACTICE_CHAMPION),
    ],
    ids=["not in it", "a blank name", "a name too long to be anyone's"],
)
def test_a_person_the_database_does_not_know_gets_no_look(
    known: tuple[Path, Actor], person: tuple[str, Agency, Role]
) -> None:
    path, _actor = known
    assert kernel.first_look(path, *person, page_size=5) is None


def test_a_new_role_or_agency_gets_no_look(known: tuple[Path, Actor]) -> None:
    path, actor = known
    other_role = next(role for role in Role if role is not actor.role)
    other_agency = next(agency for agency in Agency if agency is not actor.agency)
    assert kernel.first_look(path, actor.name, actor.agency, other_role, page_size=5) is None
    assert kernel.first_look(path, actor.name, other_agency, actor.role, page_size=5) is None


@pytest.mark.parametrize(
    "make",
    [
        lambda p: None,
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"not a database at all" * 50),
        lambda p: p.mkdir(),
    ],
    ids=["missing", "empty", "not a database", "a folder"],
)
def test_files_that_are_not_databases_get_no_look(
    known: tuple[Path, Actor], tmp_path: Path, make: Callable[[Path], object]
) -> None:
    _path, actor = known
    target = tmp_path / "audits.sqlite"
    make(target)
    assert looked(target, actor) is None


def test_a_look_writes_nothing(known: tuple[Path, Actor], tmp_path: Path) -> None:
    path, actor = known
    copy = made_once.copy_database(path, tmp_path / "audits.sqlite")

    def folder() -> dict[str, str]:
        return {
            item.name: hashlib.sha256(item.read_bytes()).hexdigest()
            for item in sorted(tmp_path.iterdir())
        }

    before = folder()
    assert looked(copy, actor) is not None
    assert looked(copy, actor, page_size=1) is not None
    assert folder() == before  # the same files, byte for byte, and no -wal or -shm left
