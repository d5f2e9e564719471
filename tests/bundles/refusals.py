"""Checking that a bundle is refused as it should be: by the services the window uses and
by ``auditdesk bundle import`` run in this process, each with a plain message, and with
the database and its folder exactly as they were."""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from auditdesk import app_logging, cli
from auditdesk.domain.bundle_format import BundleLimits
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles import import_bundle, preview_bundle
from tests.bundles.helpers import Laptop
from tests.test_cli import give_profile

SEND_AGAIN = "Ask the sender to send it again."
#: What ``auditdesk`` exits with for a plain refusal, and for a bug.
EXIT_REFUSED = 1
EXIT_BUG = 70


@contextmanager
def logged() -> Iterator[list[logging.LogRecord]]:
    """What the bundle services log meanwhile."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("auditdesk.services.bundles")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def refused(
    lead: Laptop,
    bundle: Path,
    *expected: str,
    limits: BundleLimits | None = None,
    intact: bool = False,
    writer: str | None = "0.1.0",
) -> str:
    """Import and preview both refuse ``bundle``, naming it and saying ``expected``; the
    database and its folder are exactly as they were, and the log says why.

    ``intact``: the file arrived whole but is not what AuditDesk writes, so the message
    says sending again cannot help, and the log has the details as an error; ``writer``
    is the AuditDesk version the message names (None when the manifest could not say)."""
    before = lead.dump()
    files = sorted(os.listdir(lead.path.parent))
    extra = {"limits": limits} if limits else {}
    with logged() as records, pytest.raises(BundleProblem) as problem:
        import_bundle(lead.ctx, bundle, **extra)  # type: ignore[arg-type]
    message = str(problem.value)
    with pytest.raises(BundleProblem):
        preview_bundle(lead.ctx, bundle, **extra)  # type: ignore[arg-type]
    assert lead.dump() == before
    assert sorted(os.listdir(lead.path.parent)) == files  # no backup, nothing extracted
    assert message.startswith(f"{bundle.name} cannot be imported: ")
    assert message.endswith("Nothing in your database was changed.")
    assert "Traceback" not in message
    for fragment in expected:
        assert fragment in message, message
    (line,) = [r for r in records if r.levelno >= logging.WARNING and bundle.name in r.getMessage()]
    if intact:
        assert "The file arrived intact, so sending it again will not help" in message
        named = f"AuditDesk {writer}, which wrote it," if writer else "the AuditDesk that wrote it"
        assert f"most likely {named} has a fault" in message
        assert "send the file and AuditDesk's log" in message
        assert SEND_AGAIN not in message
        assert line.levelno == logging.ERROR
        sender = f"AuditDesk {writer}" if writer else "an unknown AuditDesk"
        assert f"written by {sender}" in line.getMessage()
    else:
        assert "arrived intact" not in message
        assert line.levelno == logging.WARNING
    return message


def run_import_command(lead: Laptop, bundle: Path, *, dry_run: bool) -> tuple[int, str, str]:
    """``auditdesk bundle import BUNDLE --db LEAD [--dry-run]``, run in this process as the
    quality lead: its exit code, what it printed and what it said on stderr."""
    home = Path(os.environ["AUDITDESK_HOME"])
    give_profile(home, "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    args = ["bundle", "import", str(bundle), "--db", str(lead.path)]
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([*args, "--dry-run"] if dry_run else args)
    finally:
        app_logging.stop_logging()
    return code, out.getvalue(), err.getvalue()


def command_refuses(lead: Laptop, bundle: Path, *expected: str) -> str:
    """``auditdesk bundle import`` refuses ``bundle``, with and without ``--dry-run``: exit
    code 1 (never 70, a bug), a plain message saying ``expected`` and no traceback, the
    database exactly as it was. Returns the message."""
    before = lead.dump()
    messages = []
    for dry_run in (True, False):
        code, out, err = run_import_command(lead, bundle, dry_run=dry_run)
        assert code == EXIT_REFUSED, (code, out, err)
        assert "Traceback" not in out + err
        assert err.startswith(f"auditdesk: {bundle.name} cannot be imported: "), err
        for fragment in expected:
            assert fragment in err, err
        messages.append(err)
        assert lead.dump() == before
    assert messages[0] == messages[1]
    return messages[0]
