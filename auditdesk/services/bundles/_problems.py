"""Refusing a bundle: one plain message naming the file, what is wrong and what to do, and
a line in the log for support.

What to do depends on where the fault lies. A file damaged on its way (cut short, failing a
checksum, a member whose SHA-256 is not the one its manifest gives) may arrive whole if it
is sent again. A file that arrived intact (every member matches its SHA-256) but does not
match the bundle format, or does not hang together, would arrive just the same again: most
likely the AuditDesk that wrote it has a fault, or the file was changed after it was
written, and only support can tell which.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError

from auditdesk import paths
from auditdesk.domain.bundle_types import STAMP_OUT_OF_RANGE, STAMP_RANGE
from auditdesk.domain.document_check import problems_of
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles._visible import visible

log = logging.getLogger(__name__)

SEND_AGAIN = "Ask the sender to send it again."
NOT_AUDITDESK = (
    "AuditDesk never writes a bundle like this: it has been altered or did not come from AuditDesk."
)
SMALLER = "Ask the sender to send the audits in smaller bundles."
_UNCHANGED = "Nothing in your database was changed."

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Refusal:
    """Refusing one bundle file; ``app_version`` is the sender's AuditDesk, once the
    manifest that names it has been read."""

    path: Path
    app_version: str | None = None

    def refuse(self, problem: str, advice: str = SEND_AGAIN) -> NoReturn:
        """Refuse the file for ``problem`` (a clause: "the file is damaged")."""
        # The problem may quote the bundle's own text: never pass on its control characters.
        problem = visible(problem)
        log.warning(
            "refused the bundle %s (written by %s): %s", self._name, self._sender(), problem
        )
        raise BundleProblem(f"{self._name} cannot be imported: {problem}. {advice} {_UNCHANGED}")

    def invalid(self, problem: str, details: Sequence[str] = ()) -> NoReturn:
        """Refuse a file that arrived intact but is not what AuditDesk writes; sending it
        again cannot help. ``details`` (field by field) go to the log, for support."""
        problem = visible(problem)
        log.error(
            "refused the bundle %s (written by %s): it arrived intact but %s%s",
            self._name,
            self._sender(),
            problem,
            "".join(f"\n    {visible(line)}" for line in details),
        )
        writer = (
            f"AuditDesk {visible(self.app_version)}, which wrote it,"
            if self.app_version
            else "the AuditDesk that wrote it"
        )
        raise BundleProblem(
            f"{self._name} cannot be imported: {problem}. The file arrived intact, so "
            f"sending it again will not help: most likely {writer} has a fault, or the file "
            "was changed after it was written. Please send the file and AuditDesk's log "
            f"({paths.log_file()}) to your support team. {_UNCHANGED}"
        )

    @property
    def _name(self) -> str:
        # A file name travels with an e-mail attachment: it is the sender's text too.
        return visible(self.path.name)

    def _sender(self) -> str:
        version = visible(self.app_version) if self.app_version else None
        return f"AuditDesk {version}" if version else "an unknown AuditDesk"


def validated(refusal: Refusal, model: type[Model], data: Any, what: str) -> Model:
    """``data`` as ``model``; an intact member that does not match is refused as one sending
    again cannot mend, with every finding in the log."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = problems_of(error)
        for found in error.errors(include_url=False):
            if found["type"] == STAMP_OUT_OF_RANGE:
                # Said in its own words: a date is something a person can check.
                where = ".".join(str(part) for part in found["loc"])
                year = (found.get("ctx") or {}).get("year", "?")
                refusal.invalid(
                    f"{what} holds a date AuditDesk cannot work with (the year {year}, in "
                    f"{where}): AuditDesk works with dates from {STAMP_RANGE}",
                    problems,
                )
        shown = "; ".join(problems[:3])
        refusal.invalid(f"{what} does not match the bundle format ({shown})", problems)
