"""The one ``auditdesk`` command. With no subcommand it opens the window; subcommands do
the headless work. Expected problems print a plain message and exit non-zero; a bug is
logged with its traceback and reported with the log's path, never dumped on the user."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from auditdesk import __version__, paths
from auditdesk.app_logging import configure_logging
from auditdesk.errors import UserError

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 1
EXIT_BUG = 70
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = configure_logging()
    handler: Handler = getattr(args, "handler", _open_window)
    try:
        return handler(args)
    except UserError as problem:
        print(f"auditdesk: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("auditdesk: stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        log.exception("unexpected error running %s", " ".join(sys.argv))
        print(
            "auditdesk: something went wrong that AuditDesk did not expect (a bug). "
            f"The details are in {log_path}; please send that file to your support team.",
            file=sys.stderr,
        )
        return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditdesk",
        description="AuditDesk: quality assurance of EHC plans and SEND provision. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"AuditDesk {__version__}")
    _add_db_option(parser, top_level=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill a new database with realistic demo audits")
    _add_db_option(demo, required=True)
    demo.add_argument(
        "--audits",
        type=_positive_int,
        required=True,
        metavar="N",
        help="how many audits to make (up to 200,000)",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="the same seed (and date) gives the same data (default 1)",
    )
    demo.add_argument(
        "--as-of",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the 'today' the data is built around (default: today)",
    )
    demo.set_defaults(handler=_demo)

    templates = commands.add_parser("templates", help="check or list audit templates")
    template_commands = templates.add_subparsers(title="template commands", metavar="ACTION")
    check = template_commands.add_parser("check", help="validate template YAML files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(handler=_templates_check)
    listing = template_commands.add_parser("list", help="list the shipped templates")
    listing.set_defaults(handler=_templates_list)
    templates.set_defaults(handler=lambda _args: _usage(templates))

    db = commands.add_parser("db", help="check or back up a database file")
    db_commands = db.add_subparsers(title="database commands", metavar="ACTION")
    db_check = db_commands.add_parser("check", help="integrity, foreign keys, schema, app id")
    _add_db_option(db_check)
    db_check.set_defaults(handler=_db_check)
    db_backup = db_commands.add_parser("backup", help="write a consistent copy of the database")
    db_backup.add_argument("target", type=Path, metavar="PATH")
    _add_db_option(db_backup)
    db_backup.set_defaults(handler=_db_backup)
    db.set_defaults(handler=lambda _args: _usage(db))
    return parser


# -- commands -------------------------------------------------------------------------------
def _open_window(args: argparse.Namespace) -> int:
    # Imported here so the headless commands never load Qt.
    from auditdesk.ui.app import run_app

    return run_app(_database_path(args))


def _demo(args: argparse.Namespace) -> int:
    from auditdesk.services.demo.generator import DemoOptions, generate_demo
    from auditdesk.services.workspace import open_workspace

    path = _database_path(args)
    options = DemoOptions(args.audits, args.seed, args.as_of or date.today())
    db = open_workspace(path)
    _warn_about_location(path)
    try:
        last = [-1]

        def progress(done: int, total: int) -> bool:
            percent = done * 100 // total
            if percent // 10 != last[0] // 10 and sys.stderr.isatty():
                print(f"  {percent}% ({done:,} of {total:,} audits)", file=sys.stderr)
            last[0] = percent
            return True

        report = generate_demo(db, options, progress)
    finally:
        db.close()
    size = path.stat().st_size + _size(path.with_name(path.name + "-wal"))
    print(
        f"Made {report.audits:,} demo audits in {path} in {report.seconds:.1f} s: "
        f"{report.answers:,} answers, {report.actions:,} actions, {report.moderations:,} "
        f"moderations, {report.children:,} children, {report.settings:,} settings, "
        f"{report.auditors:,} auditors. Database size {size / 1_000_000:.1f} MB."
    )
    return 0


def _templates_check(args: argparse.Namespace) -> int:
    from auditdesk.domain.template_loader import check_files

    problems = check_files(args.files)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"{len(args.files)} template file{'s' if len(args.files) != 1 else ''} OK.")
    return 0


def _templates_list(_args: argparse.Namespace) -> int:
    from auditdesk.domain.template_loader import shipped_templates

    for loaded in shipped_templates():
        template = loaded.template
        questions = sum(1 for _ in template.questions())
        print(
            f"{template.key:24} {template.kind.label:22} {questions:3} questions  {template.title}"
        )
    return 0


def _db_check(args: argparse.Namespace) -> int:
    from auditdesk.services.database_admin import check_database

    report = check_database(_database_path(args))
    for line in report.lines:
        print(f"{'ok ' if line.ok else 'BAD'}  {line.check:16} {line.detail}")
    print(f"{report.path}: {'no problems found' if report.ok else 'PROBLEMS FOUND'}.")
    return 0 if report.ok else EXIT_USER_ERROR


def _db_backup(args: argparse.Namespace) -> int:
    from auditdesk.services.database_admin import backup_to

    target = backup_to(_database_path(args), args.target)
    print(f"Backed up to {target}.")
    return 0


# -- helpers --------------------------------------------------------------------------------
def _warn_about_location(path: Path) -> None:
    warning = paths.shared_location_warning(path)
    if warning:
        print(f"auditdesk: warning: {warning}", file=sys.stderr)


def _add_db_option(
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


def _database_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "db", None)
    return Path(chosen).expanduser() if chosen else paths.default_database_path()


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USER_ERROR


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"
        ) from None


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


if __name__ == "__main__":
    raise SystemExit(main())
