"""Text people type never becomes a formula, and nothing that names a child reaches a
Board export: checked in the saved XML of the workbook and the text of the pack."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope
from tests.conftest import plan_subject
from tests.exports.conftest import FORMULAS, PLANTED_CHILDREN, PLANTED_NAME, Planted, xlsx_xml


def _export(planted: Planted, tmp_path: Path, threshold: int = 0) -> tuple[Path, Path]:
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    scope = ReportScope(parse_period("Autumn 2026"), suppress_below=threshold, working_copy=True)
    export_board(planted.ctx, scope, xlsx=xlsx, pdf=pdf)
    return xlsx, pdf


def test_formula_like_text_is_stored_as_text(planted: Planted, tmp_path: Path) -> None:
    xlsx, _pdf = _export(planted, tmp_path)
    parts = xlsx_xml(xlsx)
    sheets = {name: text for name, text in parts.items() if name.startswith("xl/worksheets/")}
    everything = "".join(sheets.values())
    # The workbook writes no formulas at all, so any <f> would be user text gone wrong.
    assert "<f>" not in everything
    assert "<f " not in everything
    for formula in FORMULAS:
        escaped = formula.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        assert escaped in everything or formula in everything, formula
    cells = re.findall(r'<c r="[A-Z]+\d+"[^>]*>(?:(?!</c>).)*</c>', everything, flags=re.S)
    risky = [cell for cell in cells if re.search(r"<t[^>]*>[=+\-@]", cell)]
    assert risky
    for cell in risky:
        assert 't="inlineStr"' in cell, cell
    styles = parts["xl/styles.xml"]
    assert 'quotePrefix="1"' in styles

    book = load_workbook(xlsx)
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    seen.add(cell.value.split(" see ")[0])
    assert set(FORMULAS) <= seen


def test_control_characters_in_comments_do_not_break_the_export(
    planted: Planted, tmp_path: Path
) -> None:
    draft = audits.create_audit(
        planted.ctx, template_id="ehcp-quality", subject=plan_subject("CE-77999")
    )
    audits.record_answer(
        planted.ctx,
        draft.uuid,
        "a.aspirations",
        rating="good",
        comment="Pasted from a letter:\x0b\x0cnew page\x1f end",
    )
    every_status = AuditFilter(statuses=tuple(AuditStatus))
    scope = ReportScope(
        parse_period("Autumn 2026"), every_status, suppress_below=0, working_copy=True
    )
    target = tmp_path / "with drafts.xlsx"
    export_board(planted.ctx, scope, xlsx=target)
    values = [
        cell
        for row in load_workbook(target, read_only=True)["Answers"].iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and "Pasted from a letter" in cell
    ]
    assert values == ["Pasted from a letter:new page end"]


def test_no_child_reference_or_typed_name_reaches_a_board_export(
    planted: Planted, tmp_path: Path
) -> None:
    xlsx, pdf = _export(planted, tmp_path)
    text = "".join(xlsx_xml(xlsx).values())
    text += "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for child in PLANTED_CHILDREN:
        assert child not in text
    assert PLANTED_NAME not in text
    assert "[child reference removed]" in text  # the one typed into a comment
    for reference in (*planted.audit_references, planted.visit_reference):
        assert reference in text  # audits are listed by their own pseudonymous reference
    # Repeats are named by position, never by their label.
    book = load_workbook(xlsx, read_only=True)
    repeats = {row[5] for row in book["Answers"].iter_rows(min_row=2, values_only=True) if row[5]}
    assert repeats == {"Child 1", "Child 1 › Provision line 1"}
