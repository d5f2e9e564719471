"""``auditdesk db check`` and ``auditdesk db backup``: looking after the file itself."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from auditdesk.errors import DatabaseProblem, FileProblem
from auditdesk.store.database import recognise_database
from auditdesk.store.engine import APPLICATION_ID, probe, read_application_id
from auditdesk.store.migrate import backup_database, head_revision, known_revisions, stored_revision


@dataclass(frozen=True)
class CheckLine:
    check: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class CheckReport:
    path: Path
    lines: tuple[CheckLine, ...]

    @property
    def ok(self) -> bool:
        return all(line.ok for line in self.lines)


def check_database(path: Path) -> CheckReport:
    """Integrity, foreign keys, schema revision and application id; writes nothing."""
    path = path.expanduser()
    if not path.is_file():
        raise DatabaseProblem(f"There is no database file at {path}.")
    lines: list[CheckLine] = []
    app_id = read_application_id(path)
    lines.append(
        CheckLine(
            "application id",
            app_id == APPLICATION_ID,
            "AuditDesk database"
            if app_id == APPLICATION_ID
            else "not a SQLite database"
            if app_id is None
            else f"another program's database (id {app_id})",
        )
    )
    if app_id != APPLICATION_ID:
        return CheckReport(path, tuple(lines))
    try:
        revision = stored_revision(path)
    except DatabaseProblem as problem:
        return CheckReport(path, (*lines, CheckLine("schema revision", False, str(problem))))
    head = head_revision()
    if revision == head:
        detail, ok = f"{revision} (current)", True
    elif revision in known_revisions():
        detail, ok = f"{revision}; this version would update it to {head} when opened", True
    else:
        detail, ok = f"{revision}, from a newer AuditDesk", False
    lines.append(CheckLine("schema revision", ok, detail))
    try:
        with probe(path) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
            lines.append(
                CheckLine(
                    "integrity",
                    problems == ["ok"],
                    "ok" if problems == ["ok"] else "; ".join(problems),
                )
            )
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            lines.append(
                CheckLine(
                    "foreign keys",
                    not broken,
                    "ok" if not broken else f"{len(broken)} rows point at records that are missing",
                )
            )
            audits = connection.execute("SELECT count(*) FROM audits").fetchone()[0]
            answers = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
            lines.append(CheckLine("contents", True, f"{audits:,} audits, {answers:,} answers"))
    except sqlite3.DatabaseError as error:
        lines.append(CheckLine("integrity", False, f"SQLite reports: {error}"))
    return CheckReport(path, tuple(lines))


def backup_to(path: Path, target: Path) -> Path:
    """A consistent copy of the database at ``target``, written under a temporary name and
    renamed into place so a half-written backup never sits at the target."""
    path, target = path.expanduser(), target.expanduser()
    if not path.is_file():
        raise DatabaseProblem(f"There is no database file at {path}.")
    recognise_database(path)
    if target.resolve() == path.resolve():
        raise FileProblem("The backup must be a different file from the database.")
    if target.exists():
        raise FileProblem(f"{target} already exists; choose a new file name for the backup.")
    temporary = target.with_name(f".{target.name}.partial")
    try:
        backup_database(path, temporary)
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with suppress(OSError):  # the folder itself may be what is wrong
            temporary.unlink(missing_ok=True)
        raise FileProblem(f"Cannot write the backup to {target} ({error}).") from None
    return target
