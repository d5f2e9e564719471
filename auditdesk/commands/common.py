"""Helpers every subcommand shares: the --db option, paths, and argument types."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from auditdesk import paths
from auditdesk.services.workspace import Database, DatabaseLock, open_workspace

EXIT_USER_ERROR = 1


def add_db_option(
    parser: argparse.ArgumentParser, *, required: bool = False, top_level: bool = False
) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        metavar="PATH",
        # SUPPRESS on subcommands keeps an omitted --db from hiding the top-level one.
        default=None if top_level else argparse.SUPPRESS,
        help="the database file (default: the one in your AuditDesk folder, "
        f"or ${paths.HOME_VARIABLE})",
    )


def database_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "db", None)
    return Path(chosen).expanduser() if chosen else paths.default_database_path()


def warn_about_location(path: Path) -> None:
    warning = paths.shared_location_warning(path)
    if warning:
        print(f"auditdesk: warning: {warning}", file=sys.stderr)


@contextmanager
def locked_workspace(path: Path, *, create: bool = False) -> Iterator[Database]:
    """The database for a command that writes, held the way the window holds it: if
    AuditDesk has it open, the command is refused with who holds it, rather than writing
    underneath the window."""
    lock = DatabaseLock(path, f"the auditdesk command ({getpass.getuser()})")
    lock.acquire()
    try:
        db = open_workspace(path, create=create)
        try:
            yield db
        finally:
            db.close()
    finally:
        lock.release()


def usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USER_ERROR


def positive_int(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"
        ) from None


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
