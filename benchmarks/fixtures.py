"""Demo databases for benchmarks, built once and reused (they take minutes at 50,000)."""

from __future__ import annotations

import os
import resource
import shutil
from datetime import date
from pathlib import Path

from auditdesk.services.demo import DemoOptions, generate_demo
from auditdesk.services.kernel import open_workspace

#: Where the demo databases and scratch copies live; ``AUDITDESK_BENCH_RESULTS`` names
#: another folder so that two benchmarks run at once do not write the same scratch copy.
RESULTS = Path(
    os.environ.get("AUDITDESK_BENCH_RESULTS")
    or Path(__file__).resolve().parent.parent / "bench-results"
)
AS_OF = date(2026, 11, 20)


def demo_database(audits: int, seed: int = 1) -> Path:
    """A demo database with ``audits`` audits (cached in bench-results/)."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"demo-{audits}-seed{seed}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".building")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        db = open_workspace(partial)
        try:
            generate_demo(db, DemoOptions(audits, seed=seed, as_of=AS_OF))
        finally:
            db.close()
        os.replace(partial, path)
    return path


def scratch_copy(path: Path, name: str) -> Path:
    """A throw-away copy to write into, so the cached database stays pristine."""
    target = RESULTS / name
    for leftover in RESULTS.glob(name + "*"):
        leftover.unlink()
    shutil.copy(path, target)
    return target


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(name: str, value: float, unit: str, budget: float | None = None) -> None:
    verdict = ""
    if budget is not None:
        verdict = f"  budget {budget:g} {unit}: {'within' if value <= budget else 'OVER'}"
    print(f"{name:48} {value:10.3f} {unit}{verdict}", flush=True)
