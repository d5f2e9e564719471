"""``auditdesk bundle export|import``: move audits between laptops in bundle files."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import (
    add_db_option,
    database_path,
    iso_date,
    locked_workspace,
    reading_context,
    usage,
    working_context,
    your_profile,
)
from auditdesk.domain.reference import Agency, Role
from auditdesk.services.bundles import (
    ChangedSince,
    ChosenAudits,
    SendSelection,
    UnsentCompleted,
    import_bundle,
    preview_bundle,
    send_audits,
)
from auditdesk.services.kernel import Actor, Database, ServiceContext
from auditdesk.user_profile import UserProfile

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    bundle = commands.add_parser("bundle", help=summary("bundle"))
    actions = bundle.add_subparsers(title="bundle commands", metavar="ACTION")
    export = actions.add_parser(
        "export",
        help="write audits into a bundle file (.auditdesk)",
        description="Without --since or --audit, sends the completed audits not yet sent.",
    )
    add_db_option(export)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="the bundle")
    which = export.add_mutually_exclusive_group()
    which.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="completed audits changed on or after this day",
    )
    which.add_argument(
        "--audit",
        action="append",
        metavar="ID",
        help="an audit by reference (AD-...) or id, whatever its status; repeat for more",
    )
    export.set_defaults(handler=run_export)
    importing = actions.add_parser(
        "import", help="show what a bundle holds, then import it (after a backup)"
    )
    add_db_option(importing)
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "--dry-run", action="store_true", help="only show what importing would do"
    )
    importing.set_defaults(handler=run_import)
    bundle.set_defaults(handler=lambda _args: usage(bundle))


def run_export(args: argparse.Namespace) -> int:
    selection: SendSelection = UnsentCompleted()
    if args.audit:
        selection = ChosenAudits(tuple(args.audit))
    elif args.since:
        selection = ChangedSince(args.since)
    profile = your_profile()  # the bundle's sender is the person here, whoever's file it is
    with locked_workspace(database_path(args)) as db:
        result = send_audits(working_context(db, profile), args.out, selection)
    log.info("bundle written to %s: %s", args.out, result.describe())
    print(result.describe())
    return 0


def run_import(args: argparse.Namespace) -> int:
    # An import records who made it; a dry run records nothing, so needs nobody.
    profile = None if args.dry_run else your_profile()
    with locked_workspace(database_path(args)) as db:
        preview = preview_bundle(_previewing(db, profile), args.file)
        print("\n".join(preview.lines()), flush=True)
        if profile is None:
            print("Dry run: nothing was imported.")
            return 0
        if not preview.has_changes:
            return 0

        def progress(stage: str) -> bool:
            print(f"{stage}…", file=sys.stderr, flush=True)
            return True

        ctx = working_context(db, profile)
        result = import_bundle(ctx, args.file, expected=preview, progress=progress)
    log.info("bundle %s imported: %s", args.file, result.describe())
    print(result.describe())
    return 0


def _previewing(db: Database, profile: UserProfile | None) -> ServiceContext:
    """The context a preview runs in. A preview writes nothing and records nobody, so it
    needs no profile (a dry run works without one: then it runs as a nameless reader whose
    agency and role nothing reads), and it does not add the person to the database (an
    import does that, once the preview shows something to import)."""
    if profile is not None:
        return reading_context(db, profile)
    return ServiceContext(db, Actor("", Agency.EDUCATION, Role.PRACTICE_CHAMPION, ""))
