"""Exported files get the permissions any new file of the person's gets (their umask), as
bundles do: a Board pack saved to a shared drive opens for the colleagues who can open the
person's other files there, not for its owner alone."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditdesk.domain.periods import parse_period
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_audit_report, export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import sql

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(params=[0o022, 0o027, 0o002], ids=lambda mask: f"umask {mask:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """A person's umask: the usual one, a team-only one, a group-writable one."""
    before = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _new_file_mode(folder: Path) -> int:
    """What any program's new file in ``folder`` gets: a text editor's, say."""
    plain = folder / "any new file.txt"
    plain.write_text("notes")
    return _mode(plain)


def test_board_exports_get_the_permissions_of_any_new_file(
    demo_ctx: ServiceContext, demo_path: Path, tmp_path: Path, umask: int
) -> None:
    xlsx, pdf, report = tmp_path / "board.xlsx", tmp_path / "board.pdf", tmp_path / "one.pdf"
    export_board(demo_ctx, ReportScope(parse_period("2025/26")), xlsx=xlsx, pdf=pdf)
    ((reference,),) = sql(demo_path, "SELECT reference FROM audits ORDER BY reference LIMIT 1")
    export_audit_report(demo_ctx, reference, report)

    expected = 0o666 & ~umask
    assert _new_file_mode(tmp_path) == expected
    assert {path.name: _mode(path) for path in (xlsx, pdf, report)} == {
        path.name: expected for path in (xlsx, pdf, report)
    }


def test_a_replaced_export_is_readable_like_a_new_one(
    demo_ctx: ServiceContext, tmp_path: Path, umask: int
) -> None:
    pdf = tmp_path / "board.pdf"
    pdf.write_bytes(b"last term's pack")
    pdf.chmod(0o600)  # kept private by an older AuditDesk
    export_board(demo_ctx, ReportScope(parse_period("Autumn 2025")), pdf=pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _mode(pdf) == 0o666 & ~umask
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".partial")]
