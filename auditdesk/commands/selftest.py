"""``auditdesk selftest``: does this copy of AuditDesk work on this computer?

It runs a caseworker's whole round in a temporary folder of its own, through the same
services the window and the commands use: a new database with the shipped templates, an
audit created, answered and completed, the Board workbook and pack exported and read back,
and a bundle written and imported into a second database. One line per step; the exit
status is 0 when every step worked, and otherwise 1 with the failing step named. Support
runs it on a packaged build (the frozen app runs it too) to find a missing template, library
or plugin before a caseworker does. The real data folder is never touched (its log aside).
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from auditdesk import __version__, paths
from auditdesk.commands import summary
from auditdesk.domain.periods import academic_year_of
from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role
from auditdesk.domain.template_index import Slot
from auditdesk.errors import FileProblem, UserError
from auditdesk.services.audits import (
    AuditFilter,
    ChildPlanSubject,
    complete_audit,
    create_audit,
    get_audit,
    record_answer,
)
from auditdesk.services.bundles import ChosenAudits, import_bundle, preview_bundle, send_audits
from auditdesk.services.kernel import (
    AuditDetail,
    Database,
    ServiceContext,
    list_templates,
    open_workspace,
    save_profile,
)

log = logging.getLogger(__name__)

EXIT_FAILED = 1
TEMPLATE = "ehcp-quality"  # the audit most caseworkers fill
CHILD = "ST-00001"  # a pseudonymous reference no council uses


class StepFailed(Exception):
    """A step ran but what it made was wrong; the message says what, in words."""


@dataclass
class Trial:
    """What the steps make and hand on to the next ones."""

    folder: Path | None = None
    databases: list[Database] = field(default_factory=list)
    ctx: ServiceContext | None = None
    audit: AuditDetail | None = None
    files: dict[str, Path] = field(default_factory=dict)
    pages: int | None = None

    def context(self) -> ServiceContext:
        if self.ctx is None:
            raise StepFailed("there is no database to work in (an earlier step failed)")
        return self.ctx

    def audit_made(self) -> AuditDetail:
        if self.audit is None:
            raise StepFailed("there is no audit to work on (an earlier step failed)")
        return self.audit

    def workspace(self, name: str) -> ServiceContext:
        """A new database in the trial's folder, with the self-test as its person."""
        assert self.folder is not None
        db = open_workspace(self.folder / name, create=True)
        self.databases.append(db)
        actor = save_profile(db, "AuditDesk self-test", Agency.EDUCATION, Role.QUALITY_LEAD)
        return ServiceContext(db, actor)

    def close(self) -> None:
        for db in self.databases:
            db.close()
        self.databases.clear()


def register(commands: Any) -> None:
    selftest = commands.add_parser(
        "selftest",
        help=summary("selftest"),
        description="Creates a database in a temporary folder, installs the templates, "
        "creates, answers and completes an audit, exports the Board workbook and pack and "
        "reads them back, then writes a bundle and imports it into a second database. "
        "Your own data is not touched. Prints one line per step; exits 0 when all work.",
    )
    selftest.add_argument(
        "--home",
        type=Path,
        metavar="FOLDER",
        help="make the temporary folder inside FOLDER (default: the system's temporary folder)",
    )
    selftest.add_argument(
        "--keep", action="store_true", help="keep the files it made, to look at afterwards"
    )
    selftest.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return run_selftest(args.home, keep=args.keep)


def run_selftest(home: Path | None = None, *, keep: bool = False, out: TextIO | None = None) -> int:
    """Run every step in a new folder inside ``home`` (default: the system's temporary
    folder), printing one line per step to ``out``; 0 if all worked, else 1."""
    out = out or sys.stdout
    trial = Trial()
    started = time.perf_counter()
    failed = False
    try:
        for number, (name, step) in enumerate(steps(home), start=1):
            try:
                detail = step(trial)
            except Exception as error:
                log.error("self-test step %d (%s) failed", number, name, exc_info=error)
                print(f"FAILED {name}: {reason(error)}", file=out, flush=True)
                failed = True
                break
            print(f"ok   {name}{f' ({detail})' if detail else ''}", file=out, flush=True)
    finally:
        trial.close()
        if trial.folder is not None and not keep:
            shutil.rmtree(trial.folder, ignore_errors=True)
    if failed:
        print(
            f"AuditDesk {__version__} self-test failed; the details are in {paths.log_file()}.",
            file=out,
        )
        return EXIT_FAILED
    kept = f" The files are in {trial.folder}." if keep else ""
    seconds = time.perf_counter() - started
    print(f"AuditDesk {__version__} self-test passed in {seconds:.1f} s.{kept}", file=out)
    log.info("self-test passed in %.1f s", seconds)
    return 0


Step = Callable[[Trial], str]


def steps(home: Path | None) -> list[tuple[str, Step]]:
    def create_database(trial: Trial) -> str:
        if home is not None:
            if home.exists() and not home.is_dir():
                raise FileProblem(f"{home} is not a folder; give --home a folder to work in")
            home.mkdir(parents=True, exist_ok=True)
        trial.folder = Path(tempfile.mkdtemp(prefix="auditdesk-selftest-", dir=home))
        trial.ctx = trial.workspace("first.sqlite")
        return str(trial.context().db.path)

    return [
        ("create a database", create_database),
        ("install the templates", check_templates),
        ("create an audit", start_audit),
        ("answer the audit", answer_audit),
        ("complete the audit", finish_audit),
        ("export the Board workbook and PDF pack", export_board_files),
        ("read the workbook back", read_workbook),
        ("read the PDF pack back", read_pack),
        ("write a bundle", write_bundle),
        ("import the bundle into a second database", import_into_second),
    ]


def check_templates(trial: Trial) -> str:
    shipped = resources.files("auditdesk.audit_templates")
    expected = sum(1 for entry in shipped.iterdir() if entry.name.endswith(".yaml"))
    installed = sorted(t.template_id for t in list_templates(trial.context()))
    if expected == 0 or len(installed) != expected:
        raise StepFailed(f"{expected} templates are shipped but {len(installed)} were installed")
    if TEMPLATE not in installed:
        raise StepFailed(f"the {TEMPLATE} template is missing")
    return ", ".join(installed)


def start_audit(trial: Trial) -> str:
    subject = ChildPlanSubject(
        child_reference=CHILD,
        year_group=10,
        primary_need=PrimaryNeed.ASD,
        plan_stage=PlanStage.ANNUAL_REVIEW,
        locality="Self-test",
    )
    trial.audit = create_audit(trial.context(), template_id=TEMPLATE, subject=subject)
    return trial.audit.reference


def answer_audit(trial: Trial) -> str:
    ctx, audit = trial.context(), trial.audit_made()
    answered = 0
    for slot in audit.index.slots(audit.blocks, audit.context):
        if not slot.applies:
            continue
        block = slot.block.id if slot.block else None
        if slot.question.is_rated:
            rating = best_rating(audit, slot)
            record_answer(ctx, audit.uuid, slot.question.id, block, rating=rating)
        else:
            record_answer(ctx, audit.uuid, slot.question.id, block, comment="Checked.")
        answered += 1
    if answered == 0:
        raise StepFailed("the template offered no questions to answer")
    trial.audit = get_audit(ctx, audit.uuid)
    return f"{answered} questions"


def best_rating(audit: AuditDetail, slot: Slot) -> str:
    """The scale's best graded option: good answers need no comment to complete."""
    scale = audit.index.scale_for(slot.question)
    assert scale is not None  # a rated question has a scale
    graded = [option for option in scale.options if option.points is not None]
    return max(graded, key=lambda o: o.points or 0).code if graded else scale.options[0].code


def finish_audit(trial: Trial) -> str:
    trial.audit = complete_audit(trial.context(), trial.audit_made().uuid)
    status, grade = trial.audit.status.label, trial.audit.final_grade
    return f"{status}, graded {grade.label}" if grade else status


def export_board_files(trial: Trial) -> str:
    # Imported here, as the export command does: openpyxl and reportlab load only now.
    from auditdesk.services.reports import ReportScope, export_board, period_between  # noqa: PLC0415

    ctx = trial.context()
    assert trial.folder is not None
    today = ctx.today()
    scope = ReportScope(period_between(academic_year_of(today).start, today), AuditFilter())
    xlsx, pdf = trial.folder / "board.xlsx", trial.folder / "board-pack.pdf"
    result = export_board(ctx, scope, xlsx=xlsx, pdf=pdf)
    if result.audits != 1:
        raise StepFailed(f"the export counted {result.audits} audits, not the 1 completed")
    trial.files.update(xlsx=xlsx, pdf=pdf)
    trial.pages = result.pages
    return f"{result.pages} pages"


def read_workbook(trial: Trial) -> str:
    # Only when it runs, as the exporters load it.
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # noqa: PLC0415

    workbook = load_workbook(trial.files["xlsx"], read_only=True)
    try:
        names = list(workbook.sheetnames)
        about = [cell for row in workbook["About"].iter_rows(values_only=True) for cell in row]
    finally:
        workbook.close()
    missing = [sheet for sheet in ("About", "Summary") if sheet not in names]
    if missing:
        raise StepFailed(f"the workbook has no {' or '.join(missing)} sheet")
    if not any(isinstance(cell, str) and cell.strip() for cell in about):
        raise StepFailed("the workbook's About sheet is empty")
    return f"{len(names)} sheets"


# A page object ("/Type /Page"), not the page tree ("/Type /Pages").
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def read_pack(trial: Trial) -> str:
    data = trial.files["pdf"].read_bytes()
    if not data.startswith(b"%PDF-"):
        raise StepFailed("the Board pack is not a PDF (it does not start with %PDF-)")
    if b"%%EOF" not in data[-64:]:
        raise StepFailed("the Board pack is cut short (no end-of-file marker)")
    pages = len(_PAGE.findall(data))
    if pages == 0 or pages != trial.pages:
        raise StepFailed(f"the Board pack holds {pages} pages; the export said {trial.pages}")
    return f"{pages} pages, {len(data) // 1000:,} kB"


def write_bundle(trial: Trial) -> str:
    assert trial.folder is not None
    target = trial.folder / "selftest.auditdesk"
    result = send_audits(trial.context(), target, ChosenAudits((trial.audit_made().uuid,)))
    if result.audits != 1 or not target.is_file():
        raise StepFailed(f"the bundle holds {result.audits} audits, not 1")
    trial.files["bundle"] = target
    return f"{result.records} records"


def import_into_second(trial: Trial) -> str:
    sent = trial.audit_made()
    second = trial.workspace("second.sqlite")
    preview = preview_bundle(second, trial.files["bundle"])
    result = import_bundle(second, trial.files["bundle"], expected=preview)
    if not result.imported or result.preview.problems:
        raise StepFailed(result.describe())
    arrived = get_audit(second, sent.uuid)
    if (arrived.status, len(arrived.answers)) != (sent.status, len(sent.answers)):
        raise StepFailed(
            f"the imported audit is {arrived.status.label} with {len(arrived.answers)} "
            f"answers; {sent.status.label} with {len(sent.answers)} were sent"
        )
    return f"{arrived.reference}, {len(arrived.answers)} answers"


def reason(error: BaseException) -> str:
    """What went wrong in a line a person can act on (the traceback goes to the log)."""
    if isinstance(error, UserError | StepFailed):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{where}"
    return f"something unexpected went wrong ({type(error).__name__}: {error})"
