"""Expected problems, in words a caseworker understands.

Two tiers (docs/architecture.md, "Errors"): a :class:`UserError` is expected (bad input,
a locked or newer database, an incomplete audit) and is shown inline or printed by the CLI
without a traceback. Anything else is a bug: logged with its traceback and shown in a crash
dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class UserError(Exception):
    """An expected problem. ``str(error)`` is the whole message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(UserError):
    """A value typed or passed in is not acceptable."""


class StoredTextTooLong(InvalidInput):
    """Text kept in the database is longer than AuditDesk now allows (saved by an older
    version, before the limits in ``domain/limits.py``): the record cannot be saved or sent
    until the person shortens it. ``fields`` are the overlong fields, in words, each with
    its length and limit."""

    def __init__(self, message: str, fields: Sequence[tuple[str, int, int]]) -> None:
        super().__init__(message)
        self.fields = tuple(fields)


class NotFound(UserError):
    """Something asked for by reference or id does not exist."""


class TemplateProblem(UserError):
    """An audit template file is broken; ``problems`` lists every one found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class MissingAnswer:
    """One thing that stops an audit being completed, and where it is."""

    section_id: str
    section_title: str
    question_id: str
    question_prompt: str
    block_id: str | None
    block_label: str | None
    problem: str

    def describe(self) -> str:
        where = self.section_title
        if self.block_label:
            where += f" › {self.block_label}"
        return f"{where}: {self.question_prompt} — {self.problem}"


class CompletionRefused(UserError):
    """An audit cannot be completed yet; ``missing`` says what and where."""

    def __init__(self, missing: Sequence[MissingAnswer]) -> None:
        self.missing = list(missing)
        count = len(self.missing)
        lines = [
            f"This audit cannot be completed yet: {count} "
            f"{'thing needs' if count == 1 else 'things need'} attention.",
        ]
        lines += [f"  • {item.describe()}" for item in self.missing[:20]]
        if count > 20:
            lines.append(f"  … and {count - 20} more.")
        super().__init__("\n".join(lines))


class NotAllowed(UserError):
    """The action is not allowed in the record's current state (e.g. editing a signed-off audit)."""


class DatabaseProblem(UserError):
    """The database file cannot be used as it is."""


class DatabaseTooNew(DatabaseProblem):
    """The file was written by a newer AuditDesk; it is never written to."""


class NotAnAuditDeskDatabase(DatabaseProblem):
    """The file is not an AuditDesk database (or is damaged beyond recognition)."""


class DatabaseDamaged(DatabaseProblem):
    """The file is damaged inside: SQLite reports it, or a table, column, stored text or
    stored document AuditDesk relies on is missing or unreadable."""


class DatabaseReadOnly(DatabaseProblem):
    """The file, its folder or its drive cannot be written to. AuditDesk can still show it
    and export from it; changing it is refused with this message."""


class EmptyDatabaseFile(DatabaseProblem):
    """The file chosen is empty (0 bytes): no database yet. Only the window (after asking)
    and ``auditdesk demo`` make a database in it."""


class DatabaseLocked(DatabaseProblem):
    """Another AuditDesk window or process holds the database."""


class FileProblem(UserError):
    """A file could not be read or written (in use, missing, no space, no permission)."""


class BundleProblem(UserError):
    """A bundle file cannot be imported as it is (damaged, tampered with, too large, or made
    by a newer AuditDesk). It is refused whole and the database is left exactly as it was."""


class BundleNotWritten(UserError):
    """A bundle could not be written (too large, or a record AuditDesk built that does not
    match the bundle format); nothing was sent and no file was left behind."""
