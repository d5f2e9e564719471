"""``auditdesk db check`` and ``auditdesk db backup``: looking after the file itself."""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from auditdesk.errors import DatabaseProblem, FileProblem
from auditdesk.store.content_check import (
    document_problems,
    template_problems,
    text_problems,
    value_problems,
)
from auditdesk.store.database import recognise_database
from auditdesk.store.engine import APPLICATION_ID, probe, read_application_id
from auditdesk.store.migrate import backup_database, head_revision, known_revisions, stored_revision
from auditdesk.store.schema_check import schema_problems
from auditdesk.whole_files import written_whole


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
    """Everything AuditDesk relies on in the file; writes nothing.

    SQLite's own checks (integrity, foreign keys), then AuditDesk's: the schema revision,
    every table, column, index and trigger the models need, every stored text readable as
    UTF-8, and every stored document (templates, kept revisions, conflicts) decoding and
    matching its format. What the window and the commands read, this reads first.
    """
    path = path.expanduser()
    if not path.is_file():
        raise DatabaseProblem(f"There is no database file at {path}.")
    if path.stat().st_size == 0:
        return CheckReport(
            path, (CheckLine("application id", False, "the file is empty (0 bytes)"),)
        )
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
            lines += _sqlite_checks(connection)
            if revision == head:  # an older file is checked against today's models once updated
                lines += _auditdesk_checks(connection)
            audits = connection.execute("SELECT count(*) FROM audits").fetchone()[0]
            answers = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
            lines.append(CheckLine("contents", True, f"{audits:,} audits, {answers:,} answers"))
    except sqlite3.Error as error:
        lines.append(CheckLine("integrity", False, f"SQLite reports: {error}"))
    return CheckReport(path, tuple(lines))


def _sqlite_checks(connection: sqlite3.Connection) -> list[CheckLine]:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    return [
        CheckLine(
            "integrity", problems == ["ok"], "ok" if problems == ["ok"] else "; ".join(problems)
        ),
        CheckLine(
            "foreign keys",
            not broken,
            "ok" if not broken else f"{len(broken)} rows point at records that are missing",
        ),
    ]


def _auditdesk_checks(connection: sqlite3.Connection) -> list[CheckLine]:
    lines = [_line("tables", schema_problems(connection))]
    if not lines[0].ok:
        return lines  # reading what is not there would only repeat it
    # Values of the wrong kind (a blob where text belongs, a date that is none, a code no
    # list holds) are read as the text check reads: one line, "text", for what is stored.
    lines.append(_line("text", text_problems(connection) + value_problems(connection)))
    lines.append(_line("documents", template_problems(connection) + document_problems(connection)))
    return lines


def _line(check: str, problems: list[str]) -> CheckLine:
    return CheckLine(check, not problems, "; ".join(problems) if problems else "ok")


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
    try:  # a backups folder is made as it is named
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileProblem(
            f"Cannot write the backup to {target}: its folder cannot be made "
            f"({error.strerror or error}). Choose another folder."
        ) from None
    with written_whole([target], again="make the backup again", database=path) as (temporary,):
        try:
            backup_database(path, temporary)
        except sqlite3.Error as error:
            if error.sqlite_errorcode == sqlite3.SQLITE_FULL:
                # Said as the full disk it is, in the words every whole file uses.
                raise OSError(errno.ENOSPC, "the disk is full") from error
            raise FileProblem(f"Cannot write the backup to {target} ({error}).") from error
    return target
