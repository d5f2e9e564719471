"""Small counts are hidden in the workbook and the pack alike, and shown only when the
quality lead switches suppression off."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import Planted

#: Sheets of figures about children; actions, moderation pairs and rows are not counts of
#: children (the About sheet says so).
FIGURE_SHEETS = (
    "Sections",
    "Quality areas",
    "Questions",
    "By agency",
    "By locality",
    "By phase",
    "By primary need",
    "By setting type",
    "Setting visits",
    "Board comments",
)


def _export(planted: Planted, folder: Path, threshold: int) -> tuple[Path, Path]:
    folder.mkdir()
    xlsx, pdf = folder / "board.xlsx", folder / "board.pdf"
    scope = ReportScope(parse_period("Autumn 2026"), suppress_below=threshold)
    export_board(planted.ctx, scope, xlsx=xlsx, pdf=pdf)
    return xlsx, pdf


def _small_numbers(path: Path, sheet_name: str, *, max_row: int | None = None) -> list[object]:
    sheet = load_workbook(path)[sheet_name]
    return [
        cell.value
        for row in sheet.iter_rows(min_row=2, max_row=max_row)
        for cell in row
        if type(cell.value) is int
        and 0 < cell.value < 5
        and cell.number_format != "0%"
        and cell.column_letter != "D"  # version numbers on Questions are not counts
    ]


def test_small_counts_are_hidden_in_both_outputs(planted: Planted, tmp_path: Path) -> None:
    xlsx, pdf = _export(planted, tmp_path / "default", 5)
    book = load_workbook(xlsx)
    for name in FIGURE_SHEETS:
        assert _small_numbers(xlsx, name) == [], name
    summary = book["Summary"]
    headline = [cell.value for cell in summary[6]]
    assert headline[0] == "Autumn 2026"
    assert headline[2:4] == ["<5", "<5"]  # four audits, all graded
    assert "<5" in [cell.value for row in book["By locality"].iter_rows() for cell in row]
    about = " ".join(
        str(cell.value) for row in book["About"].iter_rows() for cell in row if cell.value
    )
    assert "Counts from 1 to 4 in any table of figures are shown as “<5”" in about

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "<5" in text
    assert "the share judged good or better is hidden because the numbers are small" in text
    assert "Counts from 1 to 4 in any table of figures are shown as “<5”" in text


def test_suppression_can_be_switched_off_for_internal_use(planted: Planted, tmp_path: Path) -> None:
    xlsx, pdf = _export(planted, tmp_path / "all", 0)
    book = load_workbook(xlsx)
    headline = [cell.value for cell in book["Summary"][6]]
    assert headline[2:4] == [4, 4]
    about = " ".join(
        str(cell.value) for row in book["About"].iter_rows() for cell in row if cell.value
    )
    assert "suppression is switched off" in about
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Of 4 audits graded in Autumn 2026" in text
