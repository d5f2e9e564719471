"""``auditdesk db check|backup``: looking after the database file."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import EXIT_USER_ERROR, add_db_option, database_path, usage
from auditdesk.services.kernel import backup_to, check_database

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    db = commands.add_parser("db", help=summary("db"))
    actions = db.add_subparsers(title="database commands", metavar="ACTION")
    check = actions.add_parser("check", help="integrity, foreign keys, schema, app id")
    add_db_option(check)
    check.set_defaults(handler=run_check)
    backup = actions.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("target", type=Path, metavar="PATH")
    add_db_option(backup)
    backup.set_defaults(handler=run_backup)
    db.set_defaults(handler=lambda _args: usage(db))


def run_check(args: argparse.Namespace) -> int:
    report = check_database(database_path(args))
    for line in report.lines:
        print(f"{'ok ' if line.ok else 'BAD'}  {line.check:16} {line.detail}")
    print(f"{report.path}: {'no problems found' if report.ok else 'PROBLEMS FOUND'}.")
    return 0 if report.ok else EXIT_USER_ERROR


def run_backup(args: argparse.Namespace) -> int:
    target = backup_to(database_path(args), args.target)
    log.info("backed up %s to %s", database_path(args), target)
    print(f"Backed up to {target}.")
    return 0
