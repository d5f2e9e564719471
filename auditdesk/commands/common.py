"""Helpers every subcommand shares: the --db option, paths, who is working, and argument
types."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from auditdesk import paths
from auditdesk.domain.periods import check_day
from auditdesk.errors import InvalidInput
from auditdesk.user_profile import HOW_TO_SET, ProfileFile, UserProfile

if TYPE_CHECKING:
    from auditdesk.services.kernel import Database, ServiceContext

# The kernel (SQLAlchemy and the models behind it) is imported by the helpers that open a
# database, not with this module: `auditdesk profile`, `templates` and `--help` open none.

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
    from auditdesk.services.kernel import DatabaseLock, open_workspace  # noqa: PLC0415

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


def your_profile() -> UserProfile:
    """Who is at this computer, from their own profile (never from a database), for a
    command that records or prints who did something.

    Call it before touching anything: without a profile the command stops with a message
    saying how to set one, and nothing has been written.
    """
    profile = ProfileFile().read()
    if profile is None:
        raise InvalidInput(
            "AuditDesk does not know who you are yet, and it records who made each export "
            f"and bundle. Tell it once with: {HOW_TO_SET} (auditdesk profile --help lists "
            "the agencies and roles). Nothing was written."
        )
    return profile


def working_context(db: Database, profile: UserProfile) -> ServiceContext:
    """``profile`` at work in ``db`` (held with :func:`locked_workspace`): matched to the
    database's auditor of the same name and agency, or added to it, as the window does."""
    from auditdesk.services.kernel import ServiceContext, use_profile  # noqa: PLC0415

    return ServiceContext(db, use_profile(db, *profile))


def reading_context(db: Database, profile: UserProfile) -> ServiceContext:
    """``profile`` reading ``db`` without writing to it: for exports, which run beside a
    window that has the database open (and holds its lock), and only print the name."""
    from auditdesk.services.kernel import Actor, ServiceContext  # noqa: PLC0415

    return ServiceContext(db, Actor(profile.name, profile.agency, profile.role, ""))


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
    """A day given on the command line, within the days AuditDesk works with (checked
    here, at the boundary: near year 1 or 9999 the local-time and previous-period
    arithmetic behind every command has no date to give)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"
        ) from None
    try:
        return check_day(day)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
