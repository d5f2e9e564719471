"""``auditdesk export board`` writes a Board copy (figures only) unless a working copy is
asked for by name, and then says on the file itself that it is not for the Board."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.test_cli import give_profile, run

ROWS = {"Audits", "Answers", "Actions"}


def test_rows_go_only_into_a_working_copy_asked_for_by_name(
    demo_path: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    give_profile(home, "Sam Practice")
    board, working = tmp_path / "board.xlsx", tmp_path / "working.xlsx"
    for target, extra in ((board, []), (working, ["--working-copy"])):
        result = run(
            home,
            "export",
            "board",
            "--db",
            demo_path,
            "--period",
            "2025/26",
            "--xlsx",
            target,
            *extra,
        )
        assert result.returncode == 0, result.stderr
    assert not ROWS & set(load_workbook(board, read_only=True).sheetnames)
    book = load_workbook(working)
    assert set(book.sheetnames) >= ROWS
    assert book["About"]["A1"].value.startswith("Working copy: not for the Board")
