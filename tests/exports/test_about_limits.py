"""The About sheet and the pack's cover claim no more than suppression does: it holds within
one copy, not between copies of overlapping scopes, and with it switched off nothing is
said to be hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope


def _texts(ctx: ServiceContext, folder: Path, threshold: int) -> tuple[dict[str, str], str]:
    xlsx, pdf = folder / "board.xlsx", folder / "board.pdf"
    scope = ReportScope(parse_period("2025/26"), suppress_below=threshold)
    export_board(ctx, scope, xlsx=xlsx, pdf=pdf)
    about = {
        str(row[0]): str(row[1])
        for row in load_workbook(xlsx)["About"].iter_rows(values_only=True)
        if row and row[0] and len(row) > 1 and row[1]
    }
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    return about, text


def test_the_board_copy_says_suppression_holds_within_one_copy_only(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    about, text = _texts(demo_ctx, tmp_path, 5)
    assert "holds within this one copy" in about["Limits"]
    assert "do not publish copies of overlapping scopes together" in about["Limits"]
    assert "follows the rule" in about["Where it applies"]
    assert "do not publish copies of overlapping scopes together" in text


@pytest.mark.parametrize("threshold", [0, 1])
def test_with_suppression_off_nothing_is_said_to_be_hidden(
    demo_ctx: ServiceContext, tmp_path: Path, threshold: int
) -> None:
    about, text = _texts(demo_ctx, tmp_path, threshold)
    whole = " ".join(about.values())
    assert "switched off" in about["Suppression"]
    assert about["Where it applies"].startswith("Nowhere: no count is hidden")
    assert "Nothing is hidden" in about["Limits"]
    for claim in ("follows the rule", "hidden figures", "holds within"):
        assert claim not in whole, claim
    assert "Nothing is hidden in this export" in text
