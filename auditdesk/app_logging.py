"""The log support reads: ``<data dir>/logs/auditdesk.log`` holds AuditDesk's own account
of a run (start-up, databases opened and migrated, exports, bundles) and every warning and
error with its traceback; ``native-crash.log`` beside it holds Python's traceback when the
process dies in native code (a segfault or abort in Qt or a C library), which no Python
handler can catch. The next start copies such a crash into the log and says so."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from auditdesk import __version__, paths

OWN_LOGGER = "auditdesk"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RUN_HEADER = "--- AuditDesk "  # starts the line each run writes into the crash file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunLog:
    path: Path  # the log file (or where it would have been, if it could not be made)
    previous_crash: str | None  # the last run's native crash trace, if it had one


@dataclass
class _Attached:
    handler: logging.Handler
    root_level_before: int


_attached: dict[Path, _Attached] = {}  # log files already attached (tests start repeatedly)
_crash_streams: dict[Path, TextIO] = {}  # kept open: faulthandler writes with no allocation


class OwnInfoAndEveryWarning(logging.Filter):
    """AuditDesk's own INFO lines, and WARNING and above from anyone.

    Alembic, SQLAlchemy, Pillow, fontTools and the like report their own workings at INFO
    (``Context impl SQLiteImpl``, font subsetting); in a support log that buries what the
    person did. Filtering at our handler keeps out whichever library comes next too,
    without changing those libraries' loggers for anyone else (tests, a developer)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or is_own_logger(record.name)


def is_own_logger(name: str) -> bool:
    return name == OWN_LOGGER or name.startswith(OWN_LOGGER + ".")


def start_logging(what: str) -> RunLog:
    """Everything a run needs for support to follow it: the log, native crashes recorded
    from here on, the previous run's native crash brought into the log, and a first line
    naming the version and what was started (``what``)."""
    log_path = configure_logging()
    previous = record_native_crashes()
    log.info(
        "AuditDesk %s started: %s (Python %s on %s)",
        __version__,
        what,
        platform.python_version(),
        platform.system() or "an unknown system",
    )
    if previous:
        log.error(
            "the previous run of AuditDesk stopped in a native crash; its trace:\n%s", previous
        )
    return RunLog(log_path, previous)


class _QuietWhenFull(logging.handlers.RotatingFileHandler):
    """The log file, which says once (on stderr) that it cannot be written, and then
    carries on without it: a full or failing disk under the data folder must not fill the
    terminal with Python's "--- Logging error ---" tracebacks, one per line logged, nor
    stop the work the person asked for."""

    _said = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if not self._said:
            self._said = True
            problem = sys.exc_info()[1]
            reason = getattr(problem, "strerror", None) or problem or "unknown reason"
            with suppress(OSError, ValueError):
                print(
                    f"auditdesk: warning: the log {self.baseFilename} cannot be written "
                    f"({reason}); carrying on without it.",
                    file=sys.stderr,
                )


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to ``<data dir>/logs/auditdesk.log`` (rotated, 5 x 1 MB); returns the path.

    Falls back to stderr only if the folder cannot be created (read-only home, say), so
    logging can never stop the app starting.
    """
    target = paths.log_file()
    if target in _attached:
        return target
    root = logging.getLogger()
    level_before = root.level
    root.setLevel(level)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietWhenFull(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(OwnInfoAndEveryWarning())
    root.addHandler(handler)
    _attached[target] = _Attached(handler, level_before)
    return target


def record_native_crashes() -> str | None:
    """From now on a native crash writes Python's traceback of every thread into
    ``native-crash.log``; returns the previous run's crash trace, if there was one.

    Left alone if faulthandler is already on (``python -X faulthandler``,
    ``PYTHONFAULTHANDLER``, a test runner): whoever turned it on is watching its output."""
    target = paths.native_crash_file()
    previous = _take_previous_crash(target)
    if target in _crash_streams or faulthandler.is_enabled():
        return previous
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Append mode: two AuditDesks (the window and a command) can share the file.
        stream = target.open("a", encoding="utf-8")
        started = datetime.now(UTC).isoformat(timespec="seconds")
        stream.write(f"{RUN_HEADER}{__version__}, process {os.getpid()}, started {started}\n")
        stream.flush()
        faulthandler.enable(stream, all_threads=True)
    except OSError:
        log.warning("native crashes cannot be recorded in %s", target, exc_info=True)
        return previous
    _crash_streams[target] = stream
    return previous


def _take_previous_crash(target: Path) -> str | None:
    """The runs in the crash file that wrote more than their header line, and a fresh file
    once they are read (so the file never grows from one run to the next)."""
    try:
        text = target.read_text(encoding="utf-8", errors="replace")
    except OSError:  # not there yet (a clean history), or unreadable: nothing to report
        return None
    runs: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith(RUN_HEADER) or not runs:
            runs.append([])
        runs[-1].append(line)
    crashed = [run for run in runs if any(line.strip() for line in run if not _header(line))]
    if text:  # taken, or only run headers: the file starts afresh, it never just grows
        try:
            os.truncate(target, 0)
        except OSError:  # held open elsewhere (Windows): reported again next time, not lost
            log.warning("could not clear %s after reading it", target, exc_info=True)
    return "\n".join("\n".join(run) for run in crashed).strip() or None


def _header(line: str) -> bool:
    return line.startswith(RUN_HEADER)


def stop_logging() -> None:
    """Undo :func:`configure_logging` and :func:`record_native_crashes` (tests start
    AuditDesk's logging more than once in one process)."""
    root = logging.getLogger()
    for attached in _attached.values():
        root.removeHandler(attached.handler)
        attached.handler.close()
        root.setLevel(attached.root_level_before)
    _attached.clear()
    if _crash_streams:
        faulthandler.disable()
        for stream in _crash_streams.values():
            stream.close()
        _crash_streams.clear()
