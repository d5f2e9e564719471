"""Every date in the exports is written the one way people read dates in AuditDesk
("7 December 2026", "7 December 2026 at 12:47"): the workbook's cells and its date
format, the Board pack from cover to appendix, the single-audit report."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.lib.units import mm

from auditdesk.domain.periods import parse_period
from auditdesk.domain.wording import SPREADSHEET_DATE, date_text, date_time_text
from auditdesk.exporters.board_pack import appendix_widths
from auditdesk.exporters.pack_document import FRAME_WIDTH
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_audit_report, export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import sql
from tests.one_date_format import dates_written_otherwise, dates_written_the_one_way

ONE_WAY_WITH_TIME = re.compile(r"[1-9]\d? [A-Z][a-z]+ \d{4} at \d{2}:\d{2}")


def test_the_one_way_to_write_a_date_and_a_time() -> None:
    assert date_text(date(2026, 12, 7)) == "7 December 2026"
    assert date_text(date(2026, 9, 30)) == "30 September 2026"
    assert date_time_text(datetime(2026, 12, 7, 9, 5)) == "7 December 2026 at 09:05"
    local = datetime(2026, 12, 7, 12, 47, tzinfo=UTC).astimezone()
    assert date_time_text(datetime(2026, 12, 7, 12, 47, tzinfo=UTC)) == (
        f"{date_text(local.date())} at {local:%H:%M}"
    )
    # The checker the export and window tests use knows each way it has been seen written.
    assert dates_written_otherwise(
        ["07 Dec 2026", "7 December 2026", "07 December 2026 at 12:47", "12:47 on 7 Dec 2026"]
    ) == ["07 Dec 2026", "07 December 2026", "12:47 on 7 Dec"]
    assert dates_written_otherwise(["Due 7 December 2026", "Board pack 2026-12-07.pdf"]) == []


def test_the_workbook_writes_dates_the_one_way(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    xlsx = tmp_path / "board.xlsx"
    export_board(demo_ctx, ReportScope(parse_period("2025/26")), xlsx=xlsx)
    book = load_workbook(xlsx)
    texts: list[str] = []
    date_formats: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                elif isinstance(cell.value, datetime):
                    date_formats.add(cell.number_format)
    assert dates_written_otherwise(texts) == []
    assert len(dates_written_the_one_way(texts)) >= 3  # the period, its comparison, today
    # Date cells stay dates (to sort and filter), shown the same way as the words.
    assert date_formats == {SPREADSHEET_DATE}
    about = {row[0].value: row[1].value for row in book["About"].iter_rows() if len(row) > 1}
    assert ONE_WAY_WITH_TIME.fullmatch(about["When"])


def test_the_board_pack_writes_dates_the_one_way_cover_to_appendix(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    pdf = tmp_path / "board.pdf"
    export_board(demo_ctx, ReportScope(parse_period("Autumn 2025"), working_copy=True), pdf=pdf)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert dates_written_otherwise(pages) == []
    assert ONE_WAY_WITH_TIME.search(" ".join(pages[0].split()))  # "Produced on ... at ..."
    appendix = " ".join(pages[-1].split())
    assert "Appendix: the audits in this report" in appendix
    assert len(dates_written_the_one_way([appendix])) > 10


def test_the_appendix_has_room_for_every_date_and_grade_in_full() -> None:
    """Two columns of audits across the page, each cell as wide as its widest text."""
    widths = appendix_widths()
    gap = FRAME_WIDTH - 2 * sum(widths)
    assert gap >= 5 * mm


def test_the_audit_report_writes_dates_the_one_way(
    demo_ctx: ServiceContext, demo_path: Path, tmp_path: Path
) -> None:
    signed_off = sql(demo_path, "SELECT reference FROM audits WHERE status = 'signed_off'")[0][0]
    moderated = sql(
        demo_path,
        "SELECT a.reference FROM audits a JOIN moderations m ON m.audit_id = a.id "
        "WHERE m.status = 'agreed'",
    )[0][0]
    with_action = sql(
        demo_path, "SELECT a.reference FROM audits a JOIN actions x ON x.audit_id = a.id"
    )[0][0]
    texts = []
    for reference in (signed_off, moderated, with_action):
        target = tmp_path / f"{reference}.pdf"
        export_audit_report(demo_ctx, reference, target)
        texts += [page.extract_text() for page in PdfReader(target).pages]
    assert dates_written_otherwise(texts) == []
    assert len(dates_written_the_one_way(texts)) >= 6
