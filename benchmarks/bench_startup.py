"""Start-up as a person meets it, against docs/performance.md: from launching
``auditdesk --db FILE`` to the window showing its first page of audits, on the 50,000-audit
demo database, under 1.5 s and at most 3x a bare PySide6 window with a table.

Timed from outside: the clock runs in this process from just before the launch. The real
command is started as a subprocess with ``AUDITDESK_READY_FILE`` naming a file, which the
window writes once it has painted its first page (:mod:`auditdesk.ui.ready_file`); the bare
window (a QMainWindow with a QTableView over a 50-row model, written to a temporary script)
writes one the same way after its first paint. They alternate, five of each after one
untimed launch of each (which also does any one-off work on the fresh copy), on a real X
server (Xvfb) when there is one, else Qt's offscreen platform. Medians are compared.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.user_profile import ProfileFile, UserProfile
from benchmarks.fixtures import RESULTS, demo_database, report, scratch_copy

AUDITS = 50_000
ROUNDS = 5
BUDGET_SECONDS = 1.5
BUDGET_RATIO = 3.0
GIVE_UP_SECONDS = 60
#: The untimed first launch may migrate the fresh copy (minutes at 50,000 audits when the
#: cached demo database predates the newest migration).
FIRST_LAUNCH_GIVE_UP_SECONDS = 900

BARE_WINDOW = r"""
import os
import sys
from pathlib import Path
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

READY = Path(os.environ["AUDITDESK_READY_FILE"])


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 50

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 10

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"row {index.row()} column {index.column()}"
        return None


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: READY.write_text("50 rows\n"))
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
model = Model()
table.setModel(model)
window.setCentralWidget(table)
first_paint = FirstPaint()
table.viewport().installEventFilter(first_paint)
window.resize(1280, 800)
window.show()
app.exec()
"""


def main() -> None:
    database = scratch_copy(demo_database(AUDITS), "startup-bench.sqlite")
    home = RESULTS / "startup-bench-home"
    shutil.rmtree(home, ignore_errors=True)
    # A profile already saved, so the welcome dialog does not show.
    ProfileFile(home / "profile.json").write(
        UserProfile("Bench Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    )
    with tempfile.TemporaryDirectory() as scratch, display() as (where, screen_env):
        bare = Path(scratch) / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        env = {**screen_env, "AUDITDESK_HOME": str(home)}
        app_command = [*auditdesk_command(), "--db", str(database)]
        bare_command = [sys.executable, str(bare)]
        ready = Path(scratch) / "ready"
        first_app, _cpu = launch(app_command, env, ready, FIRST_LAUNCH_GIVE_UP_SECONDS)
        launch(bare_command, env, ready)  # untimed: the same warm start the app had
        apps, bares = [], []
        for _ in range(ROUNDS):
            apps.append(launch(app_command, env, ready))
            bares.append(launch(bare_command, env, ready))
    app_median = statistics.median(elapsed for elapsed, _cpu in apps)
    bare_median = statistics.median(elapsed for elapsed, _cpu in bares)
    print(f"on {where}; app runs {_listed(apps)}; bare runs {_listed(bares)}", flush=True)
    report("first launch on a fresh copy (not budgeted)", first_app, "s")
    report(f"start-up to first page, {AUDITS:,} audits (median)", app_median, "s", BUDGET_SECONDS)
    report("bare PySide6 window with a table (median)", bare_median, "s")
    report("start-up against the bare window", app_median / bare_median, "x", BUDGET_RATIO)
    report("processor time to first page (median)", statistics.median(c for _e, c in apps), "s")
    report("processor time, bare window (median)", statistics.median(c for _e, c in bares), "s")


def auditdesk_command() -> list[str]:
    """The installed ``auditdesk`` script beside this Python, as a person runs it."""
    script = Path(sys.executable).with_name("auditdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "auditdesk"]


def launch(
    command: list[str], env: dict[str, str], ready: Path, give_up: float = GIVE_UP_SECONDS
) -> tuple[float, float]:
    """Seconds from starting ``command`` to its ready file appearing, and the processor
    seconds it had used by then (which other work on a shared machine barely changes);
    then it is stopped."""
    ready.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            env={**env, "AUDITDESK_READY_FILE": str(ready)},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            while not ready.exists():
                if process.poll() is not None or time.perf_counter() - started > give_up:
                    errors.seek(0)
                    raise SystemExit(
                        f"{' '.join(command)} never showed its first page "
                        f"(exit {process.returncode}):\n{errors.read().decode(errors='replace')}"
                    )
                time.sleep(0.002)
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            if process.returncode is None:
                _pid, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime


@contextmanager
def display() -> Iterator[tuple[str, dict[str, str]]]:
    """A real X server (Xvfb) if installed, so Qt draws as on a desktop; else offscreen."""
    # An installed AuditDesk has its modules compiled (pip does it on install, and the
    # first start writes any missing): a run told not to write bytecode would compile every
    # module at every start, which no user meets.
    skipped = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in skipped}
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield "Qt's offscreen platform", {**env, "QT_QPA_PLATFORM": "offscreen"}
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()  # written once the server accepts clients
        if not number:
            raise SystemExit("Xvfb did not start")
        yield f"Xvfb :{number}", {**env, "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait()


def _listed(runs: list[tuple[float, float]]) -> str:
    """Each run's elapsed seconds, with its processor seconds in brackets."""
    return ", ".join(f"{elapsed:.2f} ({cpu:.2f})" for elapsed, cpu in runs)


if __name__ == "__main__":
    main()
