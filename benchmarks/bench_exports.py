"""Board exports on a 10,000-audit demo database (budgets in docs/performance.md).

- Workbook: the whole export (SQL, figures, every sheet, saving) against a bare openpyxl
  write-only loop writing the same cells, both measured in this run (budget 1.3x). The
  bare loop's cells are the finished workbook's own, read back, so the two write exactly
  the same values.
- Board pack: the whole PDF export, figures included (budget 5 s).
- Figures alone: what the in-app dashboard waits for.
Every part runs in its own process so each peak memory figure is its own. The scope is
every audit in the database (all terms): the largest pack and workbook it can produce.

Each timed part runs ``ROUNDS`` times, alternating, and the best run counts (as ``timeit``
does): on a shared machine other work only ever adds time. Processor time is reported
beside elapsed time for the same reason; the verdict uses processor time, which another
program's load barely touches.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.fixtures import AS_OF, demo_database, peak_memory_mb, report

AUDITS = 10_000
ROUNDS = 3  # this machine varies by 20% run to run; the best of three is steadier
WORKBOOK_BUDGET = 1.3
PACK_BUDGET = 5.0
FIRST_DAY = date(2024, 9, 1)  # before the demo's first audit


def _context(path: Path) -> object:
    from auditdesk.services.kernel import ServiceContext, get_profile, open_workspace

    db = open_workspace(path)
    actor = get_profile(db)
    assert actor is not None
    return ServiceContext(db, actor, clock=lambda: datetime.combine(AS_OF, datetime.min.time(),
                                                                   tzinfo=UTC))  # fmt: skip


def _scope() -> object:
    from auditdesk.services.reports import ReportScope, period_between

    # The working copy: its row sheets and the pack's appendix are the heavy part the
    # budgets are about (a Board copy carries figures only).
    return ReportScope(period_between(FIRST_DAY, AS_OF), working_copy=True)


def part_workbook(database: Path, target: Path) -> dict[str, float]:
    from auditdesk.services.reports import export_board

    ctx = _context(database)
    clock = _Clock()
    result = export_board(ctx, _scope(), xlsx=target)  # type: ignore[arg-type]
    return clock.stop() | {"audits": result.audits, "peak": peak_memory_mb()}


def part_bare_loop(workbook: Path, target: Path) -> dict[str, float]:
    from openpyxl import Workbook, load_workbook

    source = load_workbook(workbook, read_only=True)
    sheets = [
        (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
        for sheet in source.worksheets
    ]
    source.close()
    cells = sum(1 for _t, rows in sheets for row in rows for v in row if v is not None)
    # The cells held in memory would otherwise make every garbage collection during the
    # loop walk millions of objects, slowing the baseline for a reason the export lacks.
    gc.collect()
    gc.freeze()
    clock = _Clock()
    bare = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = bare.create_sheet(title)
        for row in rows:
            sheet.append(row)
    bare.save(target)
    return clock.stop() | {"cells": cells, "peak": peak_memory_mb()}


def part_pack(database: Path, target: Path) -> dict[str, float]:
    from pypdf import PdfReader

    from auditdesk.services.reports import export_board

    ctx = _context(database)
    clock = _Clock()
    result = export_board(ctx, _scope(), pdf=target)  # type: ignore[arg-type]
    timed = clock.stop()
    pages = len(PdfReader(target).pages)
    return timed | {"pages": pages, "audits": result.audits, "peak": peak_memory_mb()}


def part_figures(database: Path, _target: Path) -> dict[str, float]:
    from auditdesk.services.reports import board_figures

    ctx = _context(database)
    clock = _Clock()
    board_figures(ctx, _scope())  # type: ignore[arg-type]
    return clock.stop() | {"peak": peak_memory_mb()}


class _Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> dict[str, float]:
        return {
            "seconds": time.perf_counter() - self.wall,
            "cpu": time.process_time() - self.cpu,
        }


PARTS = {
    "workbook": part_workbook,
    "bare": part_bare_loop,
    "pack": part_pack,
    "figures": part_figures,
}


def _run(part: str, source: Path, target: Path) -> dict[str, float]:
    finished = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_exports", part, str(source), str(target)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return runs[0] | {
        "seconds": min(run["seconds"] for run in runs),
        "cpu": min(run["cpu"] for run in runs),
        "peak": max(run["peak"] for run in runs),
    }


def main() -> int:
    database = demo_database(AUDITS)
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "board.xlsx"
        made_runs, bare_runs, pack_runs, figure_runs = [], [], [], []
        for _round in range(ROUNDS):
            made_runs.append(_run("workbook", database, workbook))
            bare_runs.append(_run("bare", workbook, Path(folder) / "bare.xlsx"))
            pack_runs.append(_run("pack", database, Path(folder) / "board.pdf"))
            figure_runs.append(_run("figures", database, Path(folder) / "unused"))
        made, bare = _best(made_runs), _best(bare_runs)
        pack, figures = _best(pack_runs), _best(figure_runs)
        size = workbook.stat().st_size / 1_000_000
    print(
        f"Scope: every audit from {FIRST_DAY:%d %B %Y} to {AS_OF:%d %B %Y} "
        f"({made['audits']:,.0f} audits); workbook {size:.1f} MB, "
        f"{bare['cells']:,.0f} cells; pack {pack['pages']:.0f} pages.",
        flush=True,
    )
    report("workbook export, whole (elapsed)", made["seconds"], "s")
    report("bare write-only loop, same cells (elapsed)", bare["seconds"], "s")
    report("workbook / bare loop (elapsed)", made["seconds"] / bare["seconds"], "x")
    report("workbook export, whole (processor)", made["cpu"], "s")
    report("bare write-only loop, same cells (processor)", bare["cpu"], "s")
    ratio = made["cpu"] / bare["cpu"]
    report("workbook / bare loop (processor)", ratio, "x", WORKBOOK_BUDGET)
    report("Board pack export, whole (elapsed)", pack["seconds"], "s", PACK_BUDGET)
    report("Board pack export, whole (processor)", pack["cpu"], "s")
    report("Board figures alone, for the dashboard (elapsed)", figures["seconds"], "s")
    report("peak memory, workbook export", made["peak"], "MB")
    report("peak memory, bare loop (holds every cell)", bare["peak"], "MB")
    report("peak memory, Board pack export", pack["peak"], "MB")
    report("peak memory, figures alone", figures["peak"], "MB")
    within = ratio <= WORKBOOK_BUDGET and pack["seconds"] <= PACK_BUDGET
    print(f"Best of {ROUNDS} alternating runs of each part.", flush=True)
    return 0 if within else 1


if __name__ == "__main__":
    if len(sys.argv) == 4:
        measured = PARTS[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))
        print(json.dumps(measured))
        raise SystemExit(0)
    raise SystemExit(main())
