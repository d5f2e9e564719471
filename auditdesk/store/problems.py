"""What SQLite's failures mean for the person, said once for the whole application.

Every way of reaching a database file ends here: the engine's ``handle_error`` event (for
everything run through SQLAlchemy), the read-only probes and backups (plain ``sqlite3``),
and, as a last net, the command line. So "the database is damaged" has one wording, which
names the file, says AuditDesk has not changed it, and says what to do.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from auditdesk.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseReadOnly,
    EmptyDatabaseFile,
    FileProblem,
    UserError,
)

# SQLite's own words for a file whose inside is not what AuditDesk wrote, lower-cased.
# "no such table/column" is damage too: the schema was checked against the models when
# the file was opened, so a table gone missing since is not something AuditDesk did.
_DAMAGE_WORDS = (
    "malformed",
    "not a database",
    "corrupt",
    "no such table",
    "no such column",
    "no such index",
    "could not decode to utf-8",
)


_UNDECODABLE = re.compile(r"could not decode to utf-8 column '([^']*)'", re.IGNORECASE)


def _in_words(error: sqlite3.Error) -> str:
    """SQLite's words, except for text that does not decode: sqlite3 quotes the damaged
    value, which may be part of what somebody wrote about a child, so only its column is
    named (``auditdesk db check`` says which row)."""
    undecodable = _UNDECODABLE.search(str(error))
    if undecodable:
        return f"a stored text in the column {undecodable.group(1)} is not readable"
    return str(error)


def damaged(path: Path, detail: str) -> DatabaseDamaged:
    """The one damaged-database message: which file, what is wrong, and what to do."""
    return DatabaseDamaged(
        f"{path.name} is damaged ({detail}), so AuditDesk cannot use it; AuditDesk has not "
        f'changed it. Restore it from a backup, or run `auditdesk db check --db "{path}"` '
        "to see what is wrong and send the result to your support team."
    )


def read_only(path: Path, *, needs_update: bool = False) -> DatabaseReadOnly:
    """A healthy database that cannot be written: say so, and what the person can do."""
    if needs_update:
        what = (
            "and this version of AuditDesk has to update it before opening it, which it "
            "cannot do there"
        )
    else:
        what = "so AuditDesk can show it and export from it, but cannot save any change to it"
    return DatabaseReadOnly(
        f"{path.name} is read-only (it is in a folder or on a drive AuditDesk cannot write "
        f"to), {what}. To work in it, copy it to a folder you can write to (such as your "
        "Documents folder) and open the copy, or ask IT to let you change it."
    )


def empty_file(path: Path) -> EmptyDatabaseFile:
    return EmptyDatabaseFile(
        f"{path.name} is empty (0 bytes): it holds no audits and is not an AuditDesk "
        "database yet. Check that you chose the right file; AuditDesk has not changed it. "
        "(Opening it in the AuditDesk window offers to make a new database in it.)"
    )


def location_is_read_only(path: Path) -> bool:
    """Whether the file (or, for a new one, its folder) cannot be written here.

    Asked of the operating system, which knows about read-only drives and mounts too (as
    root, permissions never stop a write; a read-only file system still does)."""
    if path.exists() and not os.access(path, os.W_OK):
        return True
    folder = path.parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


def translate(path: Path, error: BaseException) -> UserError | None:
    """The message for an error SQLite raised about ``path``, or ``None`` when it is not
    one of the expected ones (and so a bug, reported as such)."""
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{path.name} is busy: another AuditDesk window or program is writing to it. "
            "Try again in a moment."
        )
    if "disk is full" in text:
        return FileProblem(
            f"The disk holding {path.name} is full. Free some space; your last change was "
            "not saved."
        )
    if "disk i/o error" in text:
        # Not damage: SQLite says this when it cannot write beside the file (its
        # shared-memory or journal file on a full disk), or the disk itself failed.
        return FileProblem(
            f"{path.name} could not be read or written (a disk input/output error): the "
            "disk holding it may be full, removed or failing. Free some space or check the "
            "disk, then try again; AuditDesk has not changed the file."
        )
    if "readonly" in text or "read-only" in text:
        return read_only(path)
    if "unable to open" in text and location_is_read_only(path):
        return read_only(path)
    if any(words in text for words in _DAMAGE_WORDS):
        return damaged(path, _in_words(error))
    if "unable to open" in text:
        return FileProblem(
            f"{path.name} cannot be opened ({error}). Check that the file and its folder "
            "are still there and that you may use them."
        )
    return None
