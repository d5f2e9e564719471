"""What an export covers is said once and truly: the suppression rule once (not also as a
shorter "Small counts" line), and a comparison listed only when the figures make one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope, period_between
from tests.exports.conftest import DEMO_AS_OF


def _outputs(ctx: ServiceContext, scope: ReportScope, folder: Path) -> tuple[dict, str, str]:
    """The About sheet (label -> value), the Summary sheet's words, the pack's cover."""
    folder.mkdir()
    xlsx, pdf = folder / "board.xlsx", folder / "board.pdf"
    export_board(ctx, scope, xlsx=xlsx, pdf=pdf)
    book = load_workbook(xlsx)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    summary = " ".join(
        str(value) for row in book["Summary"].iter_rows(values_only=True) for value in row if value
    )
    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    return about, summary, cover


def test_the_suppression_rule_is_said_once(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    about, _summary, cover = _outputs(
        demo_ctx, ReportScope(parse_period("2025/26")), tmp_path / "out"
    )
    assert "Small counts" not in about
    about_text = " ".join(f"{label} {value}" for label, value in about.items())
    assert about_text.count("Counts from 1 to 4") == 1
    assert about["Suppression"].startswith("Counts from 1 to 4 in any table of figures")
    assert cover.count("Counts from 1 to 4") == 1


def test_a_comparison_is_listed_only_when_one_is_made(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    # The demo's audits begin in January 2025: a span from then has nothing before it.
    first = ReportScope(period_between(date(2025, 1, 1), DEMO_AS_OF))
    about, summary, cover = _outputs(demo_ctx, first, tmp_path / "first")
    assert "Compared with" not in about
    assert "Compared with" not in cover
    assert (
        "There is no comparison with the previous period (12 February 2023 to 31 December "
        "2024): no audits in scope were graded then." in summary
    )
    assert "graded from 1 January 2025 to 20 November 2026" in summary

    # 2025/26 follows 2024/25, which the demo has audits in: compared, and listed.
    about, summary, cover = _outputs(
        demo_ctx, ReportScope(parse_period("2025/26")), tmp_path / "year"
    )
    assert about["Compared with"] == "2024/25 (1 September 2024 to 31 August 2025)"
    assert "Compared with 2024/25" in cover
    assert "In 2024/25 it was" in summary
    assert "no comparison" not in summary.lower()
