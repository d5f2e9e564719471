"""The one ``auditdesk`` command. With no subcommand it opens the window; subcommands (one
module each in :mod:`auditdesk.commands`) do the headless work. Expected problems print a
plain message and exit non-zero; a bug is logged with its traceback and reported with the
log's path, never dumped on the user."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from auditdesk import __version__, desktop_check
from auditdesk.app_logging import start_logging
from auditdesk.commands import bundle, common, database, demo, export, profile, templates
from auditdesk.errors import UserError
from auditdesk.store import problems

log = logging.getLogger(__name__)

EXIT_USER_ERROR = common.EXIT_USER_ERROR
EXIT_BUG = 70
EXIT_NO_DESKTOP = desktop_check.EXIT_NO_DESKTOP  # no display, or Qt's system libraries missing
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]
# Each registers its subcommand(s); add new command modules here.
COMMAND_MODULES = (demo, templates, database, export, bundle, profile)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _open_window)
    command = " ".join(["auditdesk", *(sys.argv[1:] if argv is None else argv)])
    run_log = start_logging(f"the window ({command})" if handler is _open_window else command)
    log_path = run_log.path
    if run_log.previous_crash:
        # Said here for the terminal, and in the window too (most people never see this).
        print(f"auditdesk: {previous_crash_notice(log_path)}", file=sys.stderr)
        args.previous_crash_notice = previous_crash_notice(log_path)
    try:
        return handler(args)
    except UserError as problem:
        print(f"auditdesk: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("auditdesk: stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into a program that stopped reading (`| head`): not a bug.
        sys.stderr.close()
        return 0
    except Exception as error:
        translated = database_problem(common.database_path(args), error)
        if translated is not None:
            # Expected, but how it got past the store layer is worth knowing in support.
            log.warning("told the person: %s", translated, exc_info=error)
            print(f"auditdesk: {translated}", file=sys.stderr)
            return EXIT_USER_ERROR
        log.exception("unexpected error running %s", " ".join(sys.argv))
        print(
            "auditdesk: something went wrong that AuditDesk did not expect (a bug). "
            f"The details are in {log_path}; please send that file to your support team.",
            file=sys.stderr,
        )
        return EXIT_BUG


def database_problem(path: Path, error: BaseException) -> UserError | None:
    """The last net under the store layer, which translates SQLite's errors itself: one
    that still reaches here (raised by SQLite about the database the command was given)
    gets the same message, never "a bug"."""
    cause: BaseException | None = error
    while cause is not None:
        original = cause.orig if isinstance(cause, DBAPIError) else cause
        if isinstance(original, sqlite3.Error):
            return problems.translate(path, original)
        cause = cause.__cause__ or cause.__context__
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditdesk",
        description="AuditDesk: quality assurance of EHC plans and SEND provision. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"AuditDesk {__version__}")
    common.add_db_option(parser, top_level=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _open_window(args: argparse.Namespace) -> int:
    # Before Qt loads: where it cannot open a window it aborts the process with a
    # misleading message, so say plainly what is missing instead.
    problem = desktop_check.check_desktop()
    if problem is not None:
        log.warning("window not opened: %s", problem.message)
        print(f"auditdesk: {problem.message}", file=sys.stderr)
        return problem.exit_code
    # Imported here so the headless commands never load Qt.
    from auditdesk.ui.app import run_app

    exit_code: int = run_app(
        common.database_path(args), notice=getattr(args, "previous_crash_notice", None)
    )
    return exit_code


def previous_crash_notice(log_path: object) -> str:
    return (
        "AuditDesk stopped unexpectedly the last time it ran (a crash inside a library it "
        f"uses). The details are in {log_path}; please send that file to your support team."
    )


if __name__ == "__main__":
    raise SystemExit(main())
