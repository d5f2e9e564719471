"""The log file every part of AuditDesk writes to; bugs land here with their traceback."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from auditdesk import paths

_configured: set[Path] = set()  # log files already attached (tests call this repeatedly)


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to ``<data dir>/logs/auditdesk.log`` (rotated, 5 x 1 MB); returns the path.

    Falls back to stderr only if the folder cannot be created (read-only home, say), so
    logging can never stop the app starting.
    """
    target = paths.log_file()
    if target in _configured:
        return target
    root = logging.getLogger()
    root.setLevel(level)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _configured.add(target)
    return target
