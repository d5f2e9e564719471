"""Exports the window and the command line call: the Board workbook and pack, and the
single-audit report.

Each export reads in one transaction, so the workbook and the pack describe the same
moment even while others keep working, and writes through :mod:`auditdesk.whole_files`: a cancelled
or failed export leaves nothing at the target path.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from auditdesk.domain.report_lines import BoardRows
from auditdesk.domain.wording import count
from auditdesk.errors import InvalidInput
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._figures import build_board_figures
from auditdesk.services.reports._redaction import Redactor
from auditdesk.services.reports._rows import board_rows
from auditdesk.services.reports._scope import ReportScope
from auditdesk.whole_files import written_whole

__all__ = ["ExportResult", "Progress", "ReportScope", "export_audit_report", "export_board"]

#: (done, total) -> keep going? Called often enough for a progress bar and a Cancel button.
Progress = Callable[[int, int], bool]
T = TypeVar("T")
log = logging.getLogger(__name__)
EVERY = 2_000  # rows between progress reports
PACK_FRONT_PAGES = 25  # roughly the pages before the appendix, for the progress total

# The writers (openpyxl, reportlab) are imported when an export runs, not when the window
# starts: together they cost over half a second of a 2-second start-up budget.


class _Cancelled(Exception):
    """Raised inside the writers when the person cancels; never leaves this module."""


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]  # what was written (nothing when cancelled)
    audits: int
    pages: int | None  # of the PDF, when one was written
    seconds: float
    cancelled: bool = False


def export_board(
    ctx: ServiceContext,
    scope: ReportScope,
    *,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the Board workbook, the Board pack, or both, for ``scope``."""
    targets = _board_targets(xlsx, pdf)
    started = time.perf_counter()
    with ctx.db.read() as session:
        catalogue = Catalogue.load(session)
        redactor = Redactor.load(session)
        figures = build_board_figures(
            session,
            scope,
            today=ctx.today(),
            generated_at=ctx.now(),
            generated_by=ctx.actor.name,
            catalogue=catalogue,
            redactor=redactor,
        )
        rows = board_rows(session, scope.conditions(), catalogue, ctx.today(), redactor)
        meter = _Meter(progress, _units(rows, xlsx=xlsx is not None, pdf=pdf is not None))
        pages: int | None = None
        try:
            with written_whole(targets, database=ctx.db.path) as temporaries:
                meter.tick(0)
                paths = dict(zip(targets, temporaries, strict=True))
                if xlsx is not None:
                    # Each writer is imported when it is used: a workbook alone need not
                    # load reportlab, nor a pack alone openpyxl.
                    from auditdesk.exporters.board_workbook import (  # noqa: PLC0415
                        write_board_workbook,
                    )

                    write_board_workbook(paths[xlsx], figures, meter.rows(rows))
                if pdf is not None:
                    from auditdesk.exporters.board_pack import write_board_pack  # noqa: PLC0415

                    audits = rows.audits
                    pages = write_board_pack(
                        paths[pdf],
                        figures,
                        lambda: meter.counted(audits(), weight=0.01),
                        on_page=lambda _page: meter.tick(1),
                    )
                meter.finish()
        except _Cancelled:
            return ExportResult((), rows.audit_count, None, time.perf_counter() - started, True)
    return _written(
        ExportResult(
            tuple(path.expanduser().absolute() for path in targets),
            rows.audit_count,
            pages,
            time.perf_counter() - started,
        )
    )


def export_audit_report(ctx: ServiceContext, audit: str, pdf: Path) -> ExportResult:
    """Write one audit's report; ``audit`` is its reference (AD-...) or uuid."""
    # Imported here: one audit's report needs the audit's detail and grading, which the
    # Board exports do not (a thirtieth of a second of every Board export's start-up).
    from auditdesk.services.reports._audit import (  # noqa: PLC0415
        build_audit_report,
        find_audit_uuid,
    )

    _check_suffix(pdf, ".pdf", "report")
    started = time.perf_counter()
    with ctx.db.read() as session:
        report = build_audit_report(
            session,
            find_audit_uuid(session, audit),
            today=ctx.today(),
            generated_at=ctx.now(),
            generated_by=ctx.actor.name,
        )
        from auditdesk.exporters.audit_report import write_audit_report  # noqa: PLC0415

        with written_whole([pdf], database=ctx.db.path) as (temporary,):
            pages = write_audit_report(temporary, report)
    return _written(
        ExportResult((pdf.expanduser().absolute(),), 1, pages, time.perf_counter() - started)
    )


def _written(result: ExportResult) -> ExportResult:
    log.info(
        "exported %s (%s) in %.1f s",
        " and ".join(map(str, result.files)),
        count(result.audits, "audit"),
        result.seconds,
    )
    return result


def _board_targets(xlsx: Path | None, pdf: Path | None) -> list[Path]:
    if xlsx is None and pdf is None:
        raise InvalidInput("Choose where to save the workbook, the Board pack or both.")
    if xlsx is not None:
        _check_suffix(xlsx, ".xlsx", "workbook")
    if pdf is not None:
        _check_suffix(pdf, ".pdf", "Board pack")
    return [path for path in (xlsx, pdf) if path is not None]


def _check_suffix(path: Path, suffix: str, what: str) -> None:
    if path.suffix.lower() != suffix:
        raise InvalidInput(
            f"Save the {what} as a {suffix} file: “{path.name}” would not open in the "
            f"programs that read {suffix} files."
        )


def _units(rows: BoardRows, *, xlsx: bool, pdf: bool) -> int:
    units = rows.audit_count + rows.answer_count + rows.action_count if xlsx else 0
    if pdf:
        units += PACK_FRONT_PAGES + rows.audit_count // 100
    return max(1, units)


class _Meter:
    """Turns work done into (done, total) reports and a cancel check."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0.0
        self._reported = -EVERY

    def tick(self, amount: float) -> None:
        self.done += amount
        if self.progress is None:
            return
        done = min(int(self.done), self.total - 1)
        if done - self._reported >= EVERY or amount == 0 or amount >= 1:
            self._reported = done
            if not self.progress(done, self.total):
                raise _Cancelled

    def finish(self) -> None:
        if self.progress is not None and not self.progress(self.total, self.total):
            raise _Cancelled

    def counted(self, items: Iterator[T], *, weight: float = 1.0) -> Iterator[T]:
        for number, item in enumerate(items, 1):
            if number % EVERY == 0:
                self.tick(EVERY * weight)
            yield item

    def rows(self, rows: BoardRows) -> BoardRows:
        if self.progress is None:
            return rows  # nothing to report to: not a step more per row
        return replace(
            rows,
            audits=lambda: self.counted(rows.audits()),
            answers=lambda: self.counted(rows.answers()),
            actions=lambda: self.counted(rows.actions()),
        )
