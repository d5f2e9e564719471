"""The export service the window calls: progress with cancel, temp-then-rename writes, a
clear message when a target cannot be written, and nothing half written left behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from auditdesk.domain.periods import parse_period
from auditdesk.errors import FileProblem, InvalidInput
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_audit_report, export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import sql

SCOPE = ReportScope(parse_period("2025/26"))


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".partial"))


def test_progress_is_reported_from_nothing_to_everything(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []
    result = export_board(
        demo_ctx,
        SCOPE,
        xlsx=tmp_path / "b.xlsx",
        pdf=tmp_path / "b.pdf",
        progress=lambda done, total: calls.append((done, total)) or True,
    )
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    dones = [done for done, _total in calls]
    assert dones == sorted(dones)
    assert len({total for _done, total in calls}) == 1
    assert result.files == (tmp_path / "b.xlsx", tmp_path / "b.pdf")
    assert result.pages is not None
    assert result.pages > 10
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("stop_after", [1, 3, 1_000])
def test_a_cancelled_export_leaves_the_old_files_untouched(
    demo_ctx: ServiceContext, tmp_path: Path, stop_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    xlsx.write_bytes(b"last month's workbook")
    calls = 0

    def cancel_soon(_done: int, _total: int) -> bool:
        nonlocal calls
        calls += 1
        return calls < stop_after

    # openpyxl streams rows through temporary files; this export's own go to a folder of
    # its own (the system's is shared with the other test processes' exports).
    streaming = tmp_path / "streaming"
    streaming.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(streaming))
    result = export_board(demo_ctx, SCOPE, xlsx=xlsx, pdf=pdf, progress=cancel_soon)
    assert list(streaming.iterdir()) == []
    if stop_after == 1_000:  # never cancelled: written in full
        assert not result.cancelled
        assert xlsx.read_bytes().startswith(b"PK")
        return
    assert result.cancelled
    assert result.files == ()
    assert xlsx.read_bytes() == b"last month's workbook"
    assert not pdf.exists()
    assert _leftovers(tmp_path) == []


def test_a_target_held_open_elsewhere_gets_a_clear_message(
    demo_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to replace a file another program (Excel) has open: PermissionError.
    xlsx = tmp_path / "board.xlsx"
    xlsx.write_bytes(b"open in Excel")
    real_replace = os.replace

    def locked(source: str | Path, target: str | Path) -> None:
        if Path(target) == xlsx:
            raise PermissionError(13, "The process cannot access the file", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileProblem) as problem:
        export_board(demo_ctx, SCOPE, xlsx=xlsx)
    assert "board.xlsx could not be saved: it is open in another program" in str(problem.value)
    assert xlsx.read_bytes() == b"open in Excel"
    assert _leftovers(tmp_path) == []


def test_when_the_second_file_is_locked_the_message_says_what_was_saved(
    demo_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    real_replace = os.replace

    def locked(source: str | Path, target: str | Path) -> None:
        if Path(target) == pdf:
            raise PermissionError(13, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileProblem, match=r"\(board.xlsx was saved.\)"):
        export_board(demo_ctx, SCOPE, xlsx=xlsx, pdf=pdf)
    assert xlsx.exists()
    assert not pdf.exists()
    assert _leftovers(tmp_path) == []


def test_targets_that_cannot_be_written_are_refused_before_any_work(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    folder = tmp_path / "board.pdf"
    folder.mkdir()
    with pytest.raises(FileProblem, match="is a folder"):
        export_board(demo_ctx, SCOPE, pdf=folder)
    with pytest.raises(FileProblem, match="does not exist"):
        export_board(demo_ctx, SCOPE, pdf=tmp_path / "missing" / "board.pdf")
    with pytest.raises(InvalidInput, match="Choose where to save"):
        export_board(demo_ctx, SCOPE)
    with pytest.raises(InvalidInput, match=r"as a \.xlsx file"):
        export_board(demo_ctx, SCOPE, xlsx=tmp_path / "board.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.pdf"]


def test_the_disk_filling_up_is_reported_plainly(
    demo_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(_source: str | Path, _target: str | Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(FileProblem, match="is full"):
        export_board(demo_ctx, SCOPE, pdf=tmp_path / "board.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_log_counts_audits_in_words_that_agree(
    demo_ctx: ServiceContext, demo_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ((reference,),) = sql(demo_path, "SELECT reference FROM audits ORDER BY reference LIMIT 1")
    caplog.set_level("INFO", logger="auditdesk.services.reports._exports")
    export_audit_report(demo_ctx, reference, tmp_path / "one.pdf")
    board = export_board(demo_ctx, SCOPE, pdf=tmp_path / "board.pdf")
    lines = [record.getMessage() for record in caplog.records]
    assert "one.pdf (1 audit) in " in lines[0]
    assert f"board.pdf ({board.audits:,} audits) in " in lines[1]
