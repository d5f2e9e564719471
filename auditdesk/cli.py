"""The one ``auditdesk`` command. With no subcommand it opens the window; subcommands (one
module each in :mod:`auditdesk.commands`) do the headless work. Expected problems print a
plain message and exit non-zero; a bug is logged with its traceback and reported with the
log's path, never dumped on the user."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from auditdesk import __version__, desktop_check
from auditdesk.app_logging import start_logging
from auditdesk.commands import COMMANDS
from auditdesk.errors import UserError

log = logging.getLogger(__name__)

EXIT_BUG = 70
EXIT_NO_DESKTOP = desktop_check.EXIT_NO_DESKTOP  # no display, or Qt's system libraries missing
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = just_the_window(arguments)
    if window is not None:
        # The window collects garbage on its GUI thread only (auditdesk/ui/gui_thread_gc.py),
        # so Python's own collector is off from here rather than from when the window
        # starts: run while hundreds of modules load, it would only look over objects that
        # live as long as the process, a tenth of start-up (frozen once loaded, see
        # _open_window). The commands keep it: some hold 50,000 audits in memory.
        gc.disable()
        # Imported only now, so that it loads with the collector off and before Qt (see
        # auditdesk/ui/qt_loading.py): the kernel's face and the records the first page
        # shows; the database layer behind them loads after that page is painted.
        from auditdesk.services import kernel  # noqa: F401
    from auditdesk.commands import common

    args = window or build_parser(arguments).parse_args(arguments)
    handler: Handler = getattr(args, "handler", _open_window)
    command = " ".join(["auditdesk", *arguments])
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
        return common.EXIT_USER_ERROR
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
            return common.EXIT_USER_ERROR
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
    # Imported here: only an error on the way out needs them.
    from sqlalchemy.exc import DBAPIError

    from auditdesk.store import problems

    cause: BaseException | None = error
    while cause is not None:
        original = cause.orig if isinstance(cause, DBAPIError) else cause
        if isinstance(original, sqlite3.Error):
            return problems.translate(path, original)
        cause = cause.__cause__ or cause.__context__
    return None


def build_parser(arguments: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``arguments``: only the command they name has its module imported
    and its options added; the others are named with their summary, which is all
    ``auditdesk --help`` and a mistyped command need. Without ``arguments``, every
    command's parser (for the tests and anyone who wants the whole)."""
    parser = argparse.ArgumentParser(
        prog="auditdesk",
        description="AuditDesk: quality assurance of EHC plans and SEND provision. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"AuditDesk {__version__}")
    from auditdesk.commands import common

    common.add_db_option(parser, top_level=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    chosen = None if arguments is None else command_named(arguments)
    for command in COMMANDS:
        if arguments is None or command.name == chosen:
            importlib.import_module(f"auditdesk.commands.{command.module}").register(commands)
        else:
            commands.add_parser(command.name, help=command.summary)
    return parser


def command_named(arguments: Sequence[str]) -> str | None:
    """The subcommand ``arguments`` name, read as the top-level parser reads them: the
    first that is neither an option nor the value of ``--db`` (or an abbreviation)."""
    taking_value = False
    for position, argument in enumerate(arguments):
        if taking_value:
            taking_value = False
        elif argument == "--":
            return arguments[position + 1] if position + 1 < len(arguments) else None
        elif argument.startswith("-"):
            taking_value = len(argument) > 2 and "--db".startswith(argument)
        else:
            return argument
    return None


def just_the_window(arguments: list[str]) -> argparse.Namespace | None:
    """``auditdesk`` or ``auditdesk --db FILE``, what a person runs to open the window,
    read without building the parser, which the window's start-up need not wait for.
    Anything else, ``--help`` or a mistake included, is ``None``: the parser reads it and
    says what is wrong."""
    if not arguments:
        return argparse.Namespace(db=None)
    if len(arguments) == 2 and arguments[0] == "--db" and not arguments[1].startswith("-"):
        return argparse.Namespace(db=Path(arguments[1]))
    if len(arguments) == 1 and arguments[0].startswith("--db=") and arguments[0] != "--db=":
        return argparse.Namespace(db=Path(arguments[0].removeprefix("--db=")))
    return None


def _open_window(args: argparse.Namespace) -> int:
    # Before Qt loads: where it cannot open a window it aborts the process with a
    # misleading message, so say plainly what is missing instead.
    problem = desktop_check.check_desktop()
    if problem is not None:
        log.warning("window not opened: %s", problem.message)
        print(f"auditdesk: {problem.message}", file=sys.stderr)
        return problem.exit_code
    # Imported here so the headless commands never load Qt; Qt first, by load_qt, so that
    # loading the window's own modules after it costs less (see auditdesk/ui/qt_loading.py).
    from auditdesk.ui.qt_loading import load_qt

    load_qt()
    from auditdesk.ui.app import run_app

    gc.freeze()  # what has loaded lasts as long as the process: never looked over again
    from auditdesk.commands import common

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
