"""Exports speak in words: every string a person reads in the Board workbook, the Board
pack and the single-audit report is a title, prompt or label, never an internal id or a
stored code. Only the columns meant for analysts' pivots carry ids, and say so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.reports._exports import export_audit_report, export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import EveryTemplate, xlsx_xml
from tests.visible_text import internal_ids_in

#: The headers of the columns that hold stable ids for pivots, on the right of their sheet.
ID_COLUMNS = {"Template id", "Section id", "Question id"}


def workbook_strings(path: Path) -> Iterator[str]:
    """Every cell a person reads (all but the id columns), sheet names and chart titles."""
    book = load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        yield sheet.title
        ids: set[int] = set()  # from an id column's header to the foot of its sheet
        for row in sheet.iter_rows(values_only=True):
            ids |= {number for number, value in enumerate(row) if value in ID_COLUMNS}
            for number, value in enumerate(row):
                if isinstance(value, str) and number not in ids:
                    yield value
    for name, xml in xlsx_xml(path).items():
        if "/charts/" in name:
            yield from re.findall(r"<a:t>([^<]*)</a:t>", xml)


def pdf_strings(path: Path) -> Iterator[str]:
    """Every paragraph and table cell of every page, as pypdf reads the text back.

    A wrapped line is joined to the one above it (one line lower, overlapping it across the
    page, since right-aligned cells wrap to different left edges), so a word that wrapped
    onto a line of its own ("provision") is not taken for a lone code, while a cell of its
    own (a rating, a status) still stands alone.
    """
    for page in PdfReader(path).pages:
        runs = _Runs()
        page.extract_text(visitor_text=runs.visit)
        yield from runs.pieces


class _Runs:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.last: tuple[float, float, float, float] | None = None  # left, right, y, size

    def visit(
        self, text: str, cm: list[float], tm: list[float], _font: object, size: float
    ) -> None:
        text = text.strip()
        if not text:
            return
        x, y = cm[4] + tm[4], cm[5] + tm[5]
        right = x + len(text) * size * 0.5  # about half an em a character
        last = self.last
        wrapped = (
            last is not None
            and x < last[1]
            and right > last[0]
            and 0 < last[2] - y <= 1.6 * max(size, last[3])
        )
        if wrapped and self.pieces:
            self.pieces[-1] += " " + text
        else:
            self.pieces.append(text)
        self.last = (x, right, y, size)


def test_no_internal_id_reaches_a_workbook_pack_or_report(
    every_template: EveryTemplate, tmp_path: Path
) -> None:
    made = every_template
    scope = ReportScope(
        parse_period("Autumn 2026"), AuditFilter(statuses=tuple(AuditStatus)), suppress_below=0
    )
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    export_board(made.ctx, scope, xlsx=xlsx, pdf=pdf)
    found = {"workbook": internal_ids_in(workbook_strings(xlsx), extra_ids=made.ids)}
    found["Board pack"] = internal_ids_in(pdf_strings(pdf), extra_ids=made.ids)
    for reference in [*made.completed.values(), made.draft_reference]:
        report = tmp_path / f"{reference}.pdf"
        export_audit_report(made.ctx, reference, report)
        found[reference] = internal_ids_in(pdf_strings(report), extra_ids=made.ids)
    assert {where: ids for where, ids in found.items() if ids} == {}


def test_the_checker_finds_ids_and_codes_but_not_words() -> None:
    assert (
        internal_ids_in(
            [
                "Health and social care input > Is the health advice recent (within 12 months)?",
                "Yes",
                "Not applicable",
                "Good (draft)",
                "Key stage 2 (Y3-6)",
                "Autistic spectrum disorder (ASD)",
                "Section H1: social care provision",
                "still open or in progress",
                "Child 2: CE-10432",
                "0-25 SEND Partnership Board",
                "1,901 audits",
            ]
        )
        == []
    )
    assert internal_ids_in(
        [
            "ctx.advice_recent: rating",
            "yes",
            "Rated na",
            "ks2 pupils",
            "primary need asd",
            "annual_review",
            "Grade.GOOD",
            "ehcp-quality",
            "block 0b6c7a52-3f0e-4d55-9a57-2b7e0f1c9d10",
            "AD-1",
        ],
        extra_ids=["AD-1"],
    ) == [
        "ctx.advice_recent",
        "yes",
        "na",
        "ks2",
        "asd",
        "annual_review",
        "Grade.GOOD",
        "ehcp-quality",
        "0b6c7a52-3f0e-4d55-9a57-2b7e0f1c9d10",
        "AD-1",
    ]
