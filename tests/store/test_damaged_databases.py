"""A database damaged inside (a flipped byte in a stored text or document, a dropped table,
column or index, a broken page) is found by ``auditdesk db check`` and met by every
command with the one damaged-database message: exit 1, the file named, restore from a
backup or run ``auditdesk db check``. Never "a bug" (exit 70), and the file is left as it
was. Each command runs in this process through ``cli.main``, as a terminal runs it.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import DatabaseDamaged
from auditdesk.services.bundles import UnsentCompleted, send_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._database_admin import check_database
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.store.conftest import run

DAMAGED_WORDS = ("is damaged", "Restore it from a backup", "auditdesk db check")


@dataclass(frozen=True)
class Demo:
    path: Path  # 12 demo audits, all completed ones sent once (so revisions are kept)
    bundle: Path  # what was sent: a healthy bundle to import


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("damage")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        db = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(db, DemoOptions(12, seed=5, as_of=date(2026, 11, 20)))
            actor = save_profile(db, "Jo Sender", Agency.HEALTH, Role.PRACTICE_CHAMPION)
            send_audits(ServiceContext(db, actor), folder / "sent.auditdesk", UnsentCompleted())
        finally:
            db.close()
    return Demo(folder / "demo.sqlite", folder / "sent.auditdesk")


# -- ways a file gets damaged -----------------------------------------------------------------
def _sql(path: Path, *statements: str, parameters: tuple[object, ...] = ()) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement, parameters if "?" in statement else ())
        connection.commit()


def _first(path: Path, sql: str) -> tuple[object, ...]:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute(sql).fetchone()
    assert row is not None, sql
    return tuple(row)


def _audit_with_a_comment(path: Path) -> tuple[str, int]:
    reference, answer_id = _first(
        path,
        "SELECT audits.reference, answers.id FROM answers JOIN audits "
        "ON audits.id = answers.audit_id WHERE answers.comment != '' ORDER BY answers.id",
    )
    return str(reference), int(str(answer_id))


def comment_not_utf8(path: Path) -> str:
    """One byte of an answer's comment flipped into something that is not UTF-8."""
    reference, answer_id = _audit_with_a_comment(path)
    (comment,) = _first(path, f"SELECT comment FROM answers WHERE id = {answer_id}")
    raw = bytearray(str(comment).encode("utf-8"))
    raw[0] = 0xFF
    _sql(
        path,
        f"UPDATE answers SET comment = CAST(? AS TEXT) WHERE id = {answer_id}",
        parameters=(bytes(raw),),
    )
    return reference


def template_not_utf8(path: Path) -> str:
    """One byte of a stored template (a JSON document) flipped into something not UTF-8."""
    (definition,) = _first(path, "SELECT definition FROM template_versions ORDER BY id")
    raw = bytearray(str(definition).encode("utf-8"))
    raw[len(raw) // 2] = 0xFF
    _sql(
        path,
        "UPDATE template_versions SET definition = CAST(? AS TEXT) WHERE id = "
        "(SELECT min(id) FROM template_versions)",
        parameters=(bytes(raw),),
    )
    return _audit_with_a_comment(path)[0]


def template_changed(path: Path) -> str:
    """One letter of a stored template changed: still JSON, still a template, not the one
    the audits were filled against."""
    (definition,) = _first(path, "SELECT definition FROM template_versions ORDER BY id")
    text = str(definition)
    at = text.index("audit", len(text) // 2)
    _sql(
        path,
        "UPDATE template_versions SET definition = ? WHERE id = "
        "(SELECT min(id) FROM template_versions)",
        parameters=(text[:at] + "Audit" + text[at + 5 :],),
    )
    return _audit_with_a_comment(path)[0]


def table_dropped(path: Path) -> str:
    _sql(path, "DROP TABLE actions")
    return _audit_with_a_comment(path)[0]


def column_dropped(path: Path) -> str:
    _sql(path, "ALTER TABLE answers DROP COLUMN evidence")
    return _audit_with_a_comment(path)[0]


def index_dropped(path: Path) -> str:
    _sql(path, "DROP INDEX uq_answers_top_level")
    return _audit_with_a_comment(path)[0]


def ancestry_not_json(path: Path) -> str:
    """The kept list of an audit's earlier revisions cut short: no longer JSON."""
    (reference,) = _first(
        path,
        "SELECT reference FROM audits WHERE uuid IN "
        "(SELECT record_uuid FROM record_revisions WHERE record_type = 'audit')",
    )
    _sql(path, "UPDATE record_revisions SET ancestry = '[\"' WHERE record_type = 'audit'")
    return str(reference)


def page_overwritten(path: Path) -> str:
    """The first page of the answers table overwritten, as a failing disk might."""
    reference = _audit_with_a_comment(path)[0]
    (root,) = _first(path, "SELECT rootpage FROM sqlite_master WHERE name = 'answers'")
    (page_size,) = _first(path, "PRAGMA page_size")
    with path.open("r+b") as handle:
        handle.seek((int(str(root)) - 1) * int(str(page_size)))
        handle.write(b"\xa5" * 64)
    return reference


def comment_a_blob(path: Path) -> str:
    """An answer's comment holding bytes, not text: SQLite keeps whatever it is given.
    Before: ``export audit`` crashed on it (exit 70, in the PDF's styles)."""
    reference, answer_id = _audit_with_a_comment(path)
    _sql(path, f"UPDATE answers SET comment = x'00010203' WHERE id = {answer_id}")
    return reference


def _audits_set(assignment: str, *, unchecked: bool = False) -> Callable[[Path], str]:
    """Three audits given a value their column's type allows SQLite to keep but AuditDesk
    cannot use (``unchecked``: past a CHECK constraint, as a tool ignoring them can)."""

    def make(path: Path) -> str:
        ignore = ["PRAGMA ignore_check_constraints = ON"] if unchecked else []
        _sql(
            path,
            *ignore,
            f"UPDATE audits SET {assignment} WHERE id IN (SELECT id FROM audits ORDER BY id "
            "LIMIT 3)",
        )
        return _audit_with_a_comment(path)[0]

    make.__name__ = f"audits_set_{assignment.split('=', maxsplit=1)[0].strip()}"
    return make


@dataclass(frozen=True)
class Damage:
    make: Callable[[Path], str]  # returns the reference of an audit to export
    check: str  # the line of `auditdesk db check` that finds it
    words: str  # and what that line says
    refused_on_opening: bool  # else found when the damaged part is read


DAMAGES = {
    "comment not UTF-8": Damage(comment_not_utf8, "text", "the comment is not readable", False),
    "template not UTF-8": Damage(template_not_utf8, "text", "the definition is not readable", True),
    "template changed": Damage(template_changed, "documents", "differs from the fingerprint", True),
    "table dropped": Damage(table_dropped, "tables", "the table actions is missing", True),
    "column dropped": Damage(column_dropped, "tables", "answers.evidence is missing", True),
    "index dropped": Damage(index_dropped, "tables", "uq_answers_top_level", True),
    "revision list not JSON": Damage(ancestry_not_json, "documents", "does not decode", False),
    "page overwritten": Damage(page_overwritten, "integrity", "", False),
    "comment a blob": Damage(
        comment_a_blob, "text", "answers.comment: 1 row holds something other than text", False
    ),
}

#: Values SQLite keeps in a typed column that AuditDesk cannot use: before, ``db check``
#: said "no problems found" and the Board silently left those audits out.
VALUE_DAMAGES = {
    "audit date not a date": Damage(
        _audits_set("audit_date = 'not a date'"),
        "text",
        "audits.audit_date: 3 rows hold text that is not a date",
        False,
    ),
    "audit date in 9999": Damage(
        _audits_set("audit_date = '9999-12-31'"),
        "text",
        "audits.audit_date: 3 rows hold a day outside the days AuditDesk works with "
        "(1 January 2000 to 31 December 2099)",
        False,
    ),
    "year group in words": Damage(
        _audits_set("year_group = 'eleven'"),
        "text",
        "audits.year_group: 3 rows hold something other than a whole number",
        False,
    ),
    "grade unknown": Damage(
        _audits_set("final_grade = 'superb'"),
        "text",
        "audits.final_grade: 3 rows hold a value AuditDesk does not know",
        False,
    ),
    "status unknown": Damage(
        _audits_set("status = 'weird'", unchecked=True),
        "text",
        "audits.status: 3 rows hold a value AuditDesk does not know",
        False,
    ),
    "time not a time": Damage(
        _audits_set("updated_at = 'yesterday'"),
        "text",
        "audits.updated_at: 3 rows hold text that is not a date and time",
        False,
    ),
}


@pytest.fixture(params=list(DAMAGES))
def damaged(request: pytest.FixtureRequest, demo: Demo, tmp_path: Path) -> tuple[Damage, Path, str]:
    return _damaged_copy(DAMAGES[request.param], demo, tmp_path)


@pytest.fixture(params=list(DAMAGES) + list(VALUE_DAMAGES))
def any_damage(
    request: pytest.FixtureRequest, demo: Demo, tmp_path: Path
) -> tuple[Damage, Path, str]:
    return _damaged_copy({**DAMAGES, **VALUE_DAMAGES}[request.param], demo, tmp_path)


def _damaged_copy(damage: Damage, demo: Demo, tmp_path: Path) -> tuple[Damage, Path, str]:
    path = tmp_path / "council audits.sqlite"
    shutil.copyfile(demo.path, path)
    reference = damage.make(path)
    return damage, path, reference


# -- what is compared before and after -------------------------------------------------------
def file_state(path: Path) -> dict[str, str | None]:
    return {
        suffix: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for suffix in ("", "-wal", "-shm", "-journal")
        for p in [path.with_name(path.name + suffix)]
    }


def raw_dump(path: Path, *, leaving_out: tuple[str, ...] = ()) -> dict[str, object]:
    """Every table's rows as stored (text as bytes, so damaged text compares too)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.text_factory = bytes
        tables = [
            row[0].decode()
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        dump: dict[str, object] = {}
        for table in tables:
            if table in leaving_out:
                continue
            try:
                dump[table] = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            except sqlite3.DatabaseError as error:  # the overwritten page, as it was
                dump[table] = str(error)
        return dump


def assert_damaged_message(said: str, path: Path) -> None:
    assert path.name in said
    for words in DAMAGED_WORDS:
        assert words in said, said
    assert "a bug" not in said
    assert "Traceback" not in said


# -- the tests -------------------------------------------------------------------------------
def test_db_check_finds_the_damage(
    any_damage: tuple[Damage, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "no problems found" for every kind but the overwritten page."""
    damage, path, _reference = any_damage
    before = file_state(path)

    report = check_database(path)
    code, said = run(["db", "check", "--db", path], capsys)

    assert not report.ok
    failing = {line.check: line.detail for line in report.lines if not line.ok}
    assert damage.check in failing, report.lines
    assert damage.words in failing[damage.check]
    assert code == 1
    assert "PROBLEMS FOUND" in said
    assert damage.words in said
    assert file_state(path) == before  # a check writes nothing


def test_db_check_finds_nothing_in_a_healthy_database(demo: Demo) -> None:
    report = check_database(demo.path)
    assert report.ok, [line for line in report.lines if not line.ok]
    assert any(line.check == "text" and line.detail == "ok" for line in report.lines)


def test_db_check_never_quotes_a_stored_value(demo: Demo, tmp_path: Path) -> None:
    """A wrong value may be about a child: the check counts rows, never shows one."""
    path = tmp_path / "audits.sqlite"
    shutil.copyfile(demo.path, path)
    _audits_set("final_grade = 'CE-12345 Jamie'")(path)
    report = check_database(path)
    assert not report.ok
    assert "Jamie" not in str(report.lines)
    assert "CE-12345" not in str(report.lines)


@pytest.mark.usefixtures("someone_at_the_computer")
def test_no_command_calls_damage_a_bug(
    damaged: tuple[Damage, Path, str],
    demo: Demo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: exports and bundles ended with exit 70 ("a bug") or crashed decoding."""
    damage, path, reference = damaged
    before = file_state(path)
    # Sending or importing records who is working (an auditor, the profile) before any
    # audit is read; everything else must be as it was.
    whoever = ("auditors", "app_state")
    rows_before = None if damage.refused_on_opening else raw_dump(path, leaving_out=whoever)
    out = tmp_path / "out"
    out.mkdir()
    reading = {
        "export board": ["export", "board", "--xlsx", out / "board.xlsx", "--period", "2025/26"],
        "export audit": ["export", "audit", reference, "--pdf", out / "audit.pdf"],
        "db backup": ["db", "backup", out / "backup.sqlite"],
    }
    writing = {
        "bundle export": [
            "bundle",
            "export",
            "--out",
            out / "sent.auditdesk",
            "--audit",
            reference,
        ],
        "bundle import": ["bundle", "import", demo.bundle],
        "demo": ["demo", "--audits", "2"],
    }
    results = {
        name: run([*arguments, "--db", path], capsys)
        for name, arguments in {**reading, **writing}.items()
    }

    assert {name: code for name, (code, _said) in results.items() if code not in (0, 1)} == {}
    for name, (code, said) in results.items():
        if code == 1 and name != "demo":  # demo refuses a database with audits in it anyway
            assert_damaged_message(said, path)
    if damage.refused_on_opening:
        # Refused before anything is read or written: every command that opens it says so.
        for name in ("export board", "export audit", "bundle export", "bundle import", "demo"):
            assert results[name][0] == 1, name
            assert_damaged_message(results[name][1], path)
        assert file_state(path) == before
    else:
        # Found where the damaged part is read: exporting that audit or sending it.
        exporting = "bundle export" if damage.check == "documents" else "export audit"
        assert results[exporting][0] == 1
        assert_damaged_message(results[exporting][1], path)
        assert raw_dump(path, leaving_out=whoever) == rows_before
    assert results["db backup"][0] == 0  # a damaged file can still be copied for support
    assert not (out / "audit.pdf").exists() or results["export audit"][0] == 0


def test_opening_names_what_is_missing(demo: Demo, tmp_path: Path) -> None:
    path = tmp_path / "audits.sqlite"
    shutil.copyfile(demo.path, path)
    table_dropped(path)
    before = file_state(path)

    with pytest.raises(DatabaseDamaged) as refused:
        open_workspace(path)

    assert "the table actions is missing" in str(refused.value)
    assert_damaged_message(str(refused.value), path)
    assert file_state(path) == before
