"""Windows and dialogs against docs/performance.md: each open and usable within 500 ms, on
the 50,000-audit database (the copy ``bench_editing`` builds, which adds an audit of 200
questions with 20 outcomes).

Each window or dialog is opened in a fresh process, three times (the median counts): the
real main window opens offscreen with the real task runner (worker threads), settles, and
then the window or dialog is opened as a person opens it (a menu command, a button, the
editor from the list), timed until it is shown and the background work it started has
finished and been shown (its first content loaded). A fresh process each time is what a
person meets the first time in a session (modules a command needs are loaded then), and a
window that takes minutes to refill (the Moderation tab shown a second time) cannot hold
up the rest: each opening has 300 s.

The import preview reads a whole 1,000-audit bundle behind a progress dialog; it is
timed like the rest and its verdict says how far that is from the budget.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.fixtures import RESULTS, demo_database, report, scratch_copy

BUDGET_MS = 500
ROUNDS = 3
PERSON = ("Bench Lead", "education", "quality_lead")  # an Agency and a Role


@dataclass(frozen=True)
class Prepared:
    """What the openings need from the database, found before the window opens."""

    big_audit: str  # uuid of the 200-question audit
    visit_audit: str  # uuid of the demo's audit with the most answers
    marking: str  # reference of an audit drawn and given to the bench person to mark
    agreed: str  # reference of an agreed moderation, to reconcile


def prepare(database: Path) -> Prepared:
    """Draw a sample and give one audit to the bench person to mark, as a quality lead
    does in the Moderation tab (through the same services)."""
    from sqlalchemy import func, select

    from auditdesk.domain.reference import Agency, Role
    from auditdesk.services.kernel import ServiceContext, open_workspace, use_profile
    from auditdesk.services.moderation import (
        assign_second_marker_to,
        draw_sample,
        list_moderations,
    )
    from auditdesk.store.models import Answer, Audit
    from benchmarks.bench_editing import audit_uuid

    db = open_workspace(database)
    try:
        person = use_profile(db, PERSON[0], Agency(PERSON[1]), Role(PERSON[2]))
        ctx = ServiceContext(db, person)
        sample = draw_sample(ctx, percentage=1, template_ids=("setting-visit",), seed=7)
        chosen = sample.drawn[0]
        assign_second_marker_to(ctx, [chosen.uuid], person.auditor_uuid)
        agreed = next(
            row for row in list_moderations(ctx)
            if row.status == "agreed" and row.template_title.startswith("Setting")
        )  # fmt: skip
        with db.read() as session:
            # The demo's biggest audit: the answers of the setting visits, counted per
            # audit through the index of answers given in blocks.
            visit = session.scalar(
                select(Audit.uuid)
                .join(Answer, Answer.audit_id == Audit.id)
                .where(Audit.template_id == "setting-visit", Answer.block_id.is_not(None))
                .group_by(Audit.id)
                .order_by(func.count().desc())
                .limit(1)
            )
        assert visit is not None
        return Prepared(audit_uuid(db), visit, chosen.audit_reference, agreed.audit_reference)
    finally:
        db.close()


@dataclass(frozen=True)
class Opening:
    """A window or dialog: what opens it (timed), what says it is open, and what must be
    done first (not timed: choosing the row a button acts on)."""

    name: str
    start: Callable[[], None]
    ready: Callable[[], bool]
    before: Callable[[], None] = lambda: None


#: What is opened, by name (``benchmarks.dialogs_window`` says how each is opened).
OPENINGS = (
    "editor, 200-question audit with 20 outcomes",
    "editor, the demo's biggest setting visit",
    "actions tab",
    "moderation tab",
    "dashboard tab",
    "blind marking window",
    "reconciliation dialog",
    "new audit dialog",
    "export dialog",
    "send dialog",
    "import preview, 1,000-audit bundle",
)
MOST_SECONDS = 300


def time_in_a_process(database: Path, bundle: Path, prepared: Prepared, name: str) -> float:
    """Seconds to open ``name`` in a fresh process (``MOST_SECONDS`` if it never did)."""
    env = {
        **os.environ,
        "AUDITDESK_HOME": str(RESULTS / "dialogs-bench-home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "benchmarks.dialogs_window", str(database), str(bundle),
               name, json.dumps(asdict(prepared))]  # fmt: skip
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=MOST_SECONDS, check=True
        )
    except subprocess.TimeoutExpired:
        return float(MOST_SECONDS)
    except subprocess.CalledProcessError as failed:
        raise RuntimeError(f"opening the {name} failed:\n{failed.stderr[-3000:]}") from None
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def main(names: Sequence[str]) -> None:
    from benchmarks.bench_bundles import build_bundle
    from benchmarks.bench_editing import editing_database

    bundle = build_bundle(demo_database(1_000, seed=7))
    database = scratch_copy(editing_database(), "dialogs-bench.sqlite")
    prepared = prepare(database)
    timings: dict[str, list[float]] = {}
    for name in OPENINGS:
        if names and not any(wanted in name for wanted in names):
            continue
        timings[name] = [time_in_a_process(database, bundle, prepared, name) for _ in range(ROUNDS)]
        median = statistics.median(timings[name]) * 1000
        report(f"{name} (median of {ROUNDS})", median, "ms", BUDGET_MS)
    print("every opening (ms): " + "; ".join(
        f"{n}: {', '.join(f'{t * 1000:.0f}' for t in ts)}" for n, ts in timings.items()
    ), flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
