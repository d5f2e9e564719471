"""The Board workbook read back with openpyxl: sheets, real tables, frozen headers, date
formats, and figures equal to what the database file says when asked directly."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from auditdesk.domain.grades import GRADES_BEST_FIRST
from auditdesk.domain.periods import parse_period
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import demo_context, sql
from tests.exports.published import BOARD_SHEETS, ROW_SHEETS

PERIOD = parse_period("2025/26")
IN_SCOPE = (
    "audit_date BETWEEN '2025-09-01' AND '2026-08-31' "
    "AND status IN ('completed', 'moderated', 'signed_off')"
)
SHEETS = [*BOARD_SHEETS, *ROW_SHEETS]  # a working copy: the Board sheets, then the rows


@pytest.fixture(scope="module")
def workbook_path(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export shared by the tests that only read it back."""
    target = tmp_path_factory.mktemp("workbook") / "board.xlsx"
    with demo_context(demo_path) as ctx:
        result = export_board(
            ctx, ReportScope(PERIOD, suppress_below=0, working_copy=True), xlsx=target
        )
    assert result.files == (target,)
    assert not result.cancelled
    return target


def rows_of(sheet: Worksheet) -> list[dict[str, Any]]:
    """A sheet's first table as dicts keyed by its header."""
    table = next(iter(sheet.tables.values()))
    cells = list(sheet[table.ref])
    header = [cell.value for cell in cells[0]]
    return [dict(zip(header, (cell.value for cell in row), strict=True)) for row in cells[1:]]


def test_the_workbook_has_every_sheet_as_real_tables(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == SHEETS
    names = [name for sheet in book.worksheets for name in sheet.tables]
    assert len(names) == len(set(names))  # Excel needs unique table names
    for sheet in book.worksheets:
        assert sheet.tables, f"{sheet.title} has no Excel table"
        for table in sheet.tables.values():
            header = [cell.value for cell in sheet[table.ref][0]]
            assert header == [column.name for column in table.tableColumns]
            assert table.autoFilter is not None
            assert table.autoFilter.ref == table.ref
    for name in ("Audits", "Answers", "Actions"):
        assert book[name].freeze_panes == "B2"
        assert book[name].print_title_rows == "$1:$1"
    assert book["Sections"].freeze_panes == "C2"
    assert book.properties.language == "en-GB"
    assert "2025/26" in (book.properties.title or "")


def test_summary_has_native_charts(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    charts = book["Summary"]._charts
    titles = []
    for chart in charts:
        runs = chart.title.tx.rich.p[0].r
        titles.append("".join(run.t for run in runs))
    assert titles == ["Final grades, 2025/26", "% good or better by term"]


def test_rows_match_the_database(workbook_path: Path, demo_path: Path) -> None:
    book = load_workbook(workbook_path)
    audits = rows_of(book["Audits"])
    expected = sql(demo_path, f"SELECT reference, final_grade FROM audits WHERE {IN_SCOPE}")
    assert {row["Audit"] for row in audits} == {reference for reference, _ in expected}
    assert len(audits) == len(expected)
    grades = Counter(row["Final grade"] for row in audits)
    assert grades == Counter(g.replace("_", " ").capitalize() for _, g in expected)
    first = audits[0]
    assert isinstance(first["Audit date"], datetime)
    date_cell = book["Audits"]["F2"]
    assert date_cell.number_format == "d mmmm yyyy"  # 7 December 2026, as dates are read
    assert [row["Audit date"] for row in audits] == sorted(row["Audit date"] for row in audits)

    answers = rows_of(book["Answers"])
    (count,) = sql(
        demo_path,
        f"SELECT count(*) FROM answers WHERE audit_id IN (SELECT id FROM audits WHERE {IN_SCOPE})",
    )[0]
    assert len(answers) == count
    ids = sql(demo_path, "SELECT DISTINCT question_id FROM answers")
    assert {row["Question id"] for row in answers} <= {question for (question,) in ids}
    assert all(row["Points"] in (None, 1, 2, 3, 4) for row in answers)

    actions = rows_of(book["Actions"])
    expected_actions = sql(
        demo_path,
        "SELECT count(*), sum(status IN ('open', 'in_progress') AND due_date < '2026-11-20') "
        f"FROM actions WHERE audit_id IN (SELECT id FROM audits WHERE {IN_SCOPE})",
    )[0]
    assert len(actions) == expected_actions[0]
    assert sum(row["Overdue"] == "Yes" for row in actions) == expected_actions[1]


def test_figures_match_the_database(workbook_path: Path, demo_path: Path) -> None:
    book = load_workbook(workbook_path)
    counted = dict(
        sql(
            demo_path,
            f"SELECT final_grade, count(*) FROM audits WHERE {IN_SCOPE} GROUP BY final_grade",
        )
    )
    graded = sum(counted.get(grade.value, 0) for grade in GRADES_BEST_FIRST)
    good = counted.get("outstanding", 0) + counted.get("good", 0)
    headline = rows_of(book["Summary"])[0]
    assert headline["Period"] == "2025/26"
    assert headline["Audits graded"] == graded
    for grade in GRADES_BEST_FIRST:
        assert headline[grade.label] == counted.get(grade.value, 0)
    assert headline["Good or better"] == good
    assert headline["% good or better"] == pytest.approx(good / graded)
    assert headline["95% interval from"] < good / graded < headline["95% interval to"]

    by_locality = rows_of(book["By locality"])
    expected = sql(
        demo_path,
        f"SELECT locality, count(*), sum(final_grade IN ('outstanding', 'good')) FROM audits "
        f"WHERE {IN_SCOPE} AND final_grade IS NOT NULL GROUP BY locality ORDER BY locality",
    )
    assert [(r["Locality"], r["Audits graded"], r["Good or better"]) for r in by_locality] == [
        tuple(row) for row in expected
    ]

    sections = rows_of(book["Sections"])
    sections_sql = dict(
        sql(
            demo_path,
            "SELECT g.section_id, count(*) FROM audit_section_grades g JOIN audits a "
            f"ON a.id = g.audit_id WHERE {IN_SCOPE.replace('audit_date', 'a.audit_date')} "
            "AND a.template_id = 'ehcp-quality' AND g.grade IS NOT NULL GROUP BY g.section_id",
        )
    )
    ehcp = {r["Section"]: r["Audits graded"] for r in sections if r["Template"].startswith("EHCP")}
    assert ehcp["Section A: views, interests and aspirations"] == sections_sql["A"]
    assert ehcp["Golden thread"] == sections_sql["golden_thread"]


def test_no_child_identifier_reaches_the_workbook(workbook_path: Path, demo_path: Path) -> None:
    children = {reference for (reference,) in sql(demo_path, "SELECT reference FROM children")}
    assert children
    book = load_workbook(workbook_path, read_only=True)
    headers = []
    for sheet in book.worksheets:
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            for value in row:
                if isinstance(value, str):
                    assert value not in children, f"{value} on {sheet.title}"
                    assert not re.search(r"\bCE-\d{5,6}\b", value), f"{value} on {sheet.title}"
                    if number == 0:
                        headers.append(value.casefold())
    for header in headers:
        assert "birth" not in header
        assert header not in ("name", "child", "child reference", "dob")
