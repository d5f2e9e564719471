"""``auditdesk demo``: a new database of realistic demo audits."""

from __future__ import annotations

import argparse
import logging
import sys
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import (
    add_db_option,
    database_path,
    file_size,
    iso_date,
    locked_workspace,
    positive_int,
    warn_about_location,
)
from auditdesk.domain import limits
from auditdesk.services.demo import DemoOptions, generate_demo

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help=summary("demo"))
    add_db_option(demo, required=True)
    demo.add_argument(
        "--audits",
        type=positive_int,
        required=True,
        metavar="N",
        help="how many audits to make (up to 200,000)",
    )
    demo.add_argument(
        "--seed",
        type=seed,
        default=1,
        metavar="S",
        help=f"the same seed (and date) gives the same data ({limits.FIRST_SEED} to "
        f"{limits.LAST_SEED:,}; default 1)",
    )
    demo.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the 'today' the data is built around (default: today)",
    )
    demo.set_defaults(handler=run)


def seed(text: str) -> int:
    """A demo seed from the command line: a whole number a moderation sample can keep."""
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not limits.FIRST_SEED <= value <= limits.LAST_SEED:
        raise argparse.ArgumentTypeError(
            f"{value:,} is out of range: choose a whole number from {limits.FIRST_SEED:,} "
            f"to {limits.LAST_SEED:,}"
        )
    return value


def run(args: argparse.Namespace) -> int:
    path = database_path(args)
    options = DemoOptions(args.audits, args.seed, args.as_of or date.today())
    warn_about_location(path)
    new = file_size(path) == 0  # no database there yet (or an empty file to fill)
    was_there = path.exists()
    try:
        with locked_workspace(path, create=True) as db:
            last = [-1]

            def progress(done: int, total: int) -> bool:
                percent = done * 100 // total
                if percent // 10 != last[0] // 10 and sys.stderr.isatty():
                    print(f"  {percent}% ({done:,} of {total:,} audits)", file=sys.stderr)
                last[0] = percent
                return True

            report = generate_demo(db, options, progress)
    except BaseException:
        if new:  # a database begun here and not finished (a full disk, say) is no use
            _remove_unfinished(path, keep_empty=was_there)
        raise
    log.info("made %d demo audits in %s (seed %d)", report.audits, path, options.seed)
    size = file_size(path) + file_size(path.with_name(path.name + "-wal"))
    print(
        f"Made {report.audits:,} demo audits in {path} in {report.seconds:.1f} s: "
        f"{report.answers:,} answers, {report.actions:,} actions, {report.moderations:,} "
        f"moderations, {report.children:,} children, {report.settings:,} settings, "
        f"{report.auditors:,} auditors. Database size {size / 1_000_000:.1f} MB."
    )
    return 0


def _remove_unfinished(path: Path, *, keep_empty: bool) -> None:
    """Put things back as they were: no file, or the empty file the person chose. The
    lock file stays: empty, it means "free" (see store/lock.py)."""
    for suffix in ("-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink()
    with suppress(OSError):
        if keep_empty:
            path.write_bytes(b"")
        else:
            path.unlink()
