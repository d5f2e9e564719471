"""Two tiers of trouble (docs/architecture.md, "Errors"): expected problems go to the
message bar; anything else is a bug and goes to the log and the crash dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable

from auditdesk.errors import UserError
from auditdesk.ui.crash_dialog import report_unexpected
from auditdesk.ui.task_runner import Cancelled

log = logging.getLogger(__name__)


def error_handler(show_problem: Callable[[str], None]) -> Callable[[BaseException], None]:
    def handle(error: BaseException) -> None:
        if isinstance(error, Cancelled):
            show_problem("Cancelled; nothing was changed.")
        elif isinstance(error, UserError):
            # Not a bug, but support reading the log should see what the person was told.
            log.info("told the person: %s", error)
            show_problem(str(error))
        else:
            report_unexpected(error)

    return handle
