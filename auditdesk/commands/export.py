"""``auditdesk export board|audit``: the Board workbook and pack, and one audit's report."""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import (
    add_db_option,
    database_path,
    file_size,
    iso_date,
    reading_context,
    usage,
    warn_about_location,
    your_profile,
)
from auditdesk.domain.periods import Period, academic_year_of, parse_period
from auditdesk.domain.reference import (
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
    SettingType,
)
from auditdesk.domain.suppression import DEFAULT_THRESHOLD
from auditdesk.domain.wording import count
from auditdesk.errors import InvalidInput
from auditdesk.services import kernel
from auditdesk.services.audits import AuditFilter
from auditdesk.services.kernel import Database, ServiceContext, list_templates, open_workspace
from auditdesk.services.reports import ReportScope, period_between


def register(commands: Any) -> None:
    export = commands.add_parser("export", help=summary("export"))
    kinds = export.add_subparsers(title="export commands", metavar="WHAT")

    board = kinds.add_parser(
        "board",
        help="the Board workbook (.xlsx) and/or Board pack (.pdf)",
        description="Write the Board workbook, the Board pack, or both. Without a period, "
        "the current academic year so far is used.",
    )
    add_db_option(board)
    board.add_argument("--xlsx", type=Path, metavar="FILE", help="the workbook to write")
    board.add_argument("--pdf", type=Path, metavar="FILE", help="the Board pack to write")
    board.add_argument(
        "--period",
        metavar="TEXT",
        help="a term ('Autumn 2025'), quarter ('2025/26 Q2'), academic year ('2025/26') "
        "or year ('2025')",
    )
    board.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    board.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    repeatable = (
        ("--template", "templates", "template id, e.g. ehcp-quality"),
        ("--locality", "localities", "locality"),
        ("--phase", "phases", "phase, e.g. ks3 or 'Key stage 3 (Y7-9)'"),
        ("--need", "needs", "primary need (SEN2 code), e.g. ASD"),
        ("--agency", "agencies", "agency taking part"),
        ("--setting-type", "setting_types", "setting type, e.g. special"),
        ("--stage", "stages", "plan stage, e.g. annual_review"),
        ("--status", "statuses", "audit status (default: completed, moderated, signed off)"),
    )
    for option, destination, words in repeatable:
        board.add_argument(
            option,
            dest=destination,
            action="append",
            default=[],
            metavar="VALUE",
            help=f"only this {words}; repeat for several",
        )
    board.add_argument(
        "--suppress-below",
        type=int,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"show counts from 1 to N-1 as '<N' (default {DEFAULT_THRESHOLD}; 0 shows all)",
    )
    board.add_argument(
        "--working-copy",
        action="store_true",
        help="also write one row per audit, answer and action (and the pack's list of "
        "audits) for the quality team's own analysis; counting rows rebuilds hidden "
        "figures, so a working copy is marked not for the Board",
    )
    board.set_defaults(handler=run_board)

    audit = kinds.add_parser("audit", help="one audit's report (.pdf)")
    audit.add_argument("audit", metavar="ID", help="the audit's reference (AD-...) or id")
    audit.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    add_db_option(audit)
    audit.set_defaults(handler=run_audit)
    export.set_defaults(handler=lambda _args: usage(export))


def run_board(args: argparse.Namespace) -> int:
    if args.xlsx is None and args.pdf is None:
        raise InvalidInput("Say what to write: --xlsx FILE, --pdf FILE, or both.")
    profile = your_profile()  # "Produced by" is the person here, not the database's last user
    db = _open(args)
    try:
        ctx = reading_context(db, profile)
        _check_templates(ctx, args.templates)
        args.localities = _known_localities(ctx, args.localities)
        scope = ReportScope(
            _period(args, ctx.today()),
            _filter(args),
            suppress_below=args.suppress_below,
            working_copy=args.working_copy,
        )
        # Imported here: openpyxl and reportlab load only when something is exported.
        from auditdesk.services.reports import export_board  # noqa: PLC0415

        # What is loaded by now lives as long as this one-shot command: kept out of the
        # garbage collector's sight, it is not walked again by every full collection that
        # the export's millions of short-lived rows and cells set off.
        gc.freeze()
        result = export_board(ctx, scope, xlsx=args.xlsx, pdf=args.pdf, progress=_progress())
    finally:
        db.close()
    written = [f"{path} ({file_size(path) / 1_000_000:.1f} MB)" for path in result.files]
    pages = f", {result.pages} pages" if result.pages else ""
    print(
        f"Wrote {' and '.join(written)} for {count(result.audits, 'audit')} in "
        f"{scope.period.label}{pages}, in {result.seconds:.1f} s."
    )
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from auditdesk.services.reports import export_audit_report  # noqa: PLC0415 (as above)

    profile = your_profile()  # as for the Board pack
    db = _open(args)
    try:
        result = export_audit_report(reading_context(db, profile), args.audit, args.pdf)
    finally:
        db.close()
    print(f"Wrote {result.files[0]} ({result.pages} pages).")
    return 0


def _open(args: argparse.Namespace) -> Database:
    path = database_path(args)
    db = open_workspace(path, create=False)
    warn_about_location(path)
    return db


def _check_templates(ctx: ServiceContext, wanted: list[str]) -> None:
    if not wanted:
        return  # nothing to check: the templates are not read
    known = {template.template_id for template in list_templates(ctx)}
    unknown = [template for template in wanted if template not in known]
    if unknown:
        raise InvalidInput(
            f"There is no template {', '.join(repr(t) for t in unknown)} in this database. "
            f"Templates here: {', '.join(sorted(known))}."
        )


def _known_localities(ctx: ServiceContext, wanted: list[str]) -> list[str]:
    """The localities asked for, spelt as the database spells them ("crewe" is Crewe); one
    it does not know is refused, rather than exported as a Board copy of no audits."""
    if not wanted:
        return []  # nothing to check: the localities are not read
    known = {name.casefold(): name for name in kernel.localities(ctx)}
    unknown = [name for name in wanted if name.strip().casefold() not in known]
    if unknown:
        raise InvalidInput(
            f"There is no locality {', '.join(repr(name) for name in unknown)} in this "
            f"database. Localities here: {', '.join(sorted(known.values())) or 'none yet'}."
        )
    return [known[name.strip().casefold()] for name in wanted]


def _period(args: argparse.Namespace, today: date) -> Period:
    if args.period is not None and (args.date_from or args.date_to):
        raise InvalidInput("Give either --period or --from/--to, not both.")
    if args.period is not None:
        try:
            return parse_period(args.period)
        except ValueError as problem:
            raise InvalidInput(str(problem)) from None
    if args.date_from or args.date_to:
        start = args.date_from or academic_year_of(args.date_to).start
        return period_between(start, args.date_to or today)
    return period_between(academic_year_of(today).start, today)


def _filter(args: argparse.Namespace) -> AuditFilter:
    return AuditFilter(
        statuses=_parsed(AuditStatus, args.statuses, "--status"),
        template_ids=tuple(args.templates),
        localities=tuple(args.localities),
        phases=_parsed(Phase, args.phases, "--phase"),
        primary_needs=_parsed(PrimaryNeed, args.needs, "--need"),
        agencies=_parsed(Agency, args.agencies, "--agency"),
        setting_types=tuple(
            t.value for t in _parsed(SettingType, args.setting_types, "--setting-type")
        ),
        plan_stages=_parsed(PlanStage, args.stages, "--stage"),
    )


def _parsed(kind: Any, values: list[str], option: str) -> tuple[Any, ...]:
    parsed = []
    for value in values:
        try:
            parsed.append(kind.parse(value))
        except ValueError as problem:
            raise InvalidInput(f"{option}: {problem}") from None
    return tuple(parsed)


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> bool:
        percent = done * 100 // max(1, total)
        if percent // 10 != last[0] // 10:
            print(f"  {percent}%", file=sys.stderr)
        last[0] = percent
        return True

    return show
