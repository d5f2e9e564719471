"""Import of a 1,000-audit bundle into a 10,000-audit database: budget 5 s (docs/performance.md).

The bundle comes from a separate 1,000-audit demo database with another seed, so every
audit in it is new to the receiving database. The figure is the whole import as a
quality lead runs it: reading and verifying the bundle, deciding every record, the
backup, and the one write transaction. The preview (which the window shows first) is
measured on its own.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from benchmarks.fixtures import RESULTS, demo_database, peak_memory_mb, report, scratch_copy

BUDGET_SECONDS = 5.0


def build_bundle(source: Path) -> Path:
    """A bundle of every audit in ``source`` (cached beside the demo databases)."""
    from auditdesk.services.bundles import ChosenAudits, send_audits
    from auditdesk.services.kernel import ServiceContext, get_profile, open_workspace

    bundle = RESULTS / "bench-1000.auditdesk"
    if bundle.exists():
        return bundle
    sender = scratch_copy(source, "bench-sender.sqlite")
    db = open_workspace(sender)
    try:
        actor = get_profile(db)
        assert actor is not None
        started = time.perf_counter()
        with closing(sqlite3.connect(sender)) as connection:
            every_audit = tuple(row[0] for row in connection.execute("SELECT uuid FROM audits"))
        result = send_audits(ServiceContext(db, actor), bundle, ChosenAudits(every_audit))
        report("bundle: write 1,000 audits (not budgeted)", time.perf_counter() - started, "s")
        report("bundle: size", result.size_bytes / 1e6, "MB")
    finally:
        db.close()
    for leftover in RESULTS.glob("bench-sender.sqlite*"):
        leftover.unlink()
    return bundle


def main() -> None:
    from auditdesk.services.bundles import ItemStatus, import_bundle, preview_bundle
    from auditdesk.services.kernel import ServiceContext, get_profile, open_workspace

    receiver = demo_database(10_000)
    bundle = build_bundle(demo_database(1_000, seed=7))
    target = scratch_copy(receiver, "bench-bundle-import.sqlite")
    db = open_workspace(target)
    try:
        actor = get_profile(db)
        assert actor is not None
        ctx = ServiceContext(db, actor)
        started, processor = time.perf_counter(), time.process_time()
        preview = preview_bundle(ctx, bundle)
        report("bundle: preview 1,000 audits (10,000 here)", time.perf_counter() - started, "s")
        # Processor time too: on a busy machine it moves far less than the elapsed time.
        report("bundle: preview, processor time", time.process_time() - processor, "s")
        audits = len(preview.of(ItemStatus.NEW, "audit"))
        stages: list[tuple[str, float]] = []
        started = time.perf_counter()
        result = import_bundle(
            ctx, bundle, progress=lambda stage: stages.append((stage, time.perf_counter())) or True
        )
        seconds = time.perf_counter() - started
        previous = started
        for stage, at in stages:
            print(f"    {stage:44} starts at {at - started:6.2f} s (+{at - previous:.2f})")
            previous = at
        assert result.imported, "the bundle should have brought new audits"
        report(f"bundle: import {audits:,} new audits into 10,000", seconds, "s", BUDGET_SECONDS)
        report("bundle: peak memory", peak_memory_mb(), "MB")
    finally:
        db.close()
        # The import's backup of the scratch database (145 MB) is of no further use.
        for backup in RESULTS.glob("bench-bundle-import.before-import-*"):
            backup.unlink()
    with closing(sqlite3.connect(target)) as connection:
        count = connection.execute("SELECT count(*) FROM audits").fetchone()[0]
    print(f"    {target.name}: {count:,} audits after the import")


if __name__ == "__main__":
    main()
