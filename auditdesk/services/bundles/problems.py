"""Refusing a bundle: one plain message naming the file, what is wrong and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from auditdesk.errors import BundleProblem

SEND_AGAIN = "Ask the sender to send it again."
NOT_AUDITDESK = (
    "AuditDesk never writes a bundle like this: it has been altered or did not come from AuditDesk."
)
SMALLER = "Ask the sender to send the audits in smaller bundles."
_UNCHANGED = "Nothing in your database was changed."


def refuse(path: Path, problem: str, advice: str = SEND_AGAIN) -> NoReturn:
    raise BundleProblem(f"{path.name} cannot be imported: {problem}. {advice} {_UNCHANGED}")
