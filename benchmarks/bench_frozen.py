"""The packaged app (``make package``) against the installed one: its size on disk, the
time from launch to the window's first page of audits, frozen and unfrozen, and how long
its self-test takes.

    AUDITDESK_BENCH_RESULTS=/tmp/bench .venv/bin/python -m benchmarks.bench_frozen [--audits N]

Launches are timed from outside exactly as benchmarks/bench_startup.py times them (the
window writes ``AUDITDESK_READY_FILE`` after painting its first page), alternating frozen
and unfrozen, one untimed launch of each first, and the medians compared. Not part of
``make bench``: it needs the frozen build in dist/, which takes a minute to make.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.user_profile import ProfileFile, UserProfile
from benchmarks.bench_startup import auditdesk_command, display, launch
from benchmarks.fixtures import RESULTS, demo_database, report, scratch_copy

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "AuditDesk")
    parser.add_argument("--audits", type=int, default=2_000)
    options = parser.parse_args()
    frozen = options.dist / "AuditDesk"
    if not frozen.exists():
        raise SystemExit(f"No frozen app at {frozen}: run `make package` first.")
    newest = max(path.stat().st_mtime for path in (ROOT / "auditdesk").rglob("*.py"))
    if frozen.stat().st_mtime < newest:
        # Timing an app built from older code would say nothing about this code.
        raise SystemExit(f"The frozen app at {frozen} is older than the code: run `make package`.")
    report_size(options.dist)
    home = RESULTS / "frozen-bench-home"
    shutil.rmtree(home, ignore_errors=True)
    # A profile already saved, so the welcome dialog does not show.
    ProfileFile(home / "profile.json").write(
        UserProfile("Bench Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    )
    report_selftest(frozen, home)
    database = scratch_copy(demo_database(options.audits), "frozen-bench.sqlite")
    ready = RESULTS / "frozen-bench-ready"
    with display() as (where, screen_env):
        env = {**screen_env, "AUDITDESK_HOME": str(home)}
        commands = {
            "frozen": [str(frozen), "--db", str(database)],
            "unfrozen": [*auditdesk_command(), "--db", str(database)],
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        firsts = {name: launch(command, env, ready) for name, command in commands.items()}
        for _ in range(ROUNDS):
            for name, command in commands.items():
                runs[name].append(launch(command, env, ready))
    print(f"on {where}, {options.audits:,} audits; runs (elapsed, processor seconds):")
    for name, timed in runs.items():
        listed = ", ".join(f"{elapsed:.2f} ({cpu:.2f})" for elapsed, cpu in timed)
        print(f"  {name}: first {firsts[name][0]:.2f}; then {listed}", flush=True)
    medians = {name: statistics.median(e for e, _c in timed) for name, timed in runs.items()}
    processor = {name: statistics.median(c for _e, c in timed) for name, timed in runs.items()}
    report("first page, frozen (median)", medians["frozen"], "s")
    report("first page, unfrozen (median)", medians["unfrozen"], "s")
    report("frozen against unfrozen", medians["frozen"] / medians["unfrozen"], "x")
    report("processor time to first page, frozen", processor["frozen"], "s")
    report("processor time to first page, unfrozen", processor["unfrozen"], "s")


def report_size(folder: Path) -> None:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    report("frozen app, files", len(files), "")
    report("frozen app, size of its files", sum(p.stat().st_size for p in files) / 1e6, "MB")
    blocks = sum(p.stat().st_blocks for p in files) * 512  # what the disk gives them
    report("frozen app, size on disk", blocks / 1e6, "MB")


def report_selftest(frozen: Path, home: Path) -> None:
    started = time.perf_counter()
    finished = subprocess.run(
        [str(frozen), "selftest", "--home", str(RESULTS)],
        env={**os.environ, "AUDITDESK_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if finished.returncode != 0:
        print(f"frozen selftest exited {finished.returncode}:\n{finished.stdout}{finished.stderr}")
        return
    report("frozen selftest, whole command", elapsed, "s")


if __name__ == "__main__":
    main()
