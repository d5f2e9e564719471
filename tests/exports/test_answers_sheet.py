"""The Answers sheet reads in words from each audit's own template version: the section's
title, the question's prompt, the rating's label; stable ids stay at the right, for pivots
that line up across versions."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.periods import parse_period
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._rows import board_rows
from auditdesk.services.reports._scope import ReportScope, period_between
from tests.conftest import plan_subject
from tests.exports.conftest import DEMO_AS_OF, install_second_version, sql

ADVICE = "Is the advice the plan relies on recent, given within about the last 12 months?"
REWORDED = "Is all the advice the plan uses from the last 12 months?"
IDS = ["Template id", "Section id", "Question id"]


def _rows(path: Path, name: str) -> tuple[list[str], list[dict[str, Any]]]:
    sheet = load_workbook(path, read_only=True)[name]
    header, *body = list(sheet.iter_rows(values_only=True))
    return list(header), [dict(zip(header, row, strict=True)) for row in body]


def test_answers_carry_words_of_their_own_version_and_ids_at_the_right(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    older = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    install_second_version(
        ctx, "ehcp-quality", {ADVICE: REWORDED, "title: Context and timeliness": "title: Dates"}
    )
    newer = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002"))
    for detail, rating in ((older, "yes"), (newer, "partly")):
        audits.record_answer(ctx, detail.uuid, "ctx.advice_recent", rating=rating)
        audits.record_answer(ctx, detail.uuid, "ctx.advice_timely", rating=NOT_APPLICABLE)
    target = tmp_path / "board.xlsx"
    scope = ReportScope(
        parse_period("Autumn 2026"), AuditFilter(statuses=tuple(AuditStatus)), working_copy=True
    )
    export_board(ctx, scope, xlsx=target)

    header, rows = _rows(target, "Answers")
    assert header[:5] == ["Audit", "Template", "Version", "Section", "Question"]
    assert header[-3:] == IDS
    by_audit = {(row["Audit"], row["Question id"]): row for row in rows}
    first = by_audit[(older.reference, "ctx.advice_recent")]
    second = by_audit[(newer.reference, "ctx.advice_recent")]
    assert (first["Version"], first["Section"], first["Question"], first["Rating"]) == (
        1,
        "Context and timeliness",
        ADVICE,
        "Yes",
    )
    assert (second["Version"], second["Section"], second["Question"], second["Rating"]) == (
        2,
        "Dates",
        REWORDED,
        "Partly",
    )
    for row in (first, second):
        assert row["Template"] == "EHCP multi-agency quality audit"
        assert (row["Template id"], row["Section id"]) == ("ehcp-quality", "context")
    assert by_audit[(older.reference, "ctx.advice_timely")]["Rating"] == "N/A"

    # The other sheets with ids keep them at the right too.
    questions_header, _ = _rows(target, "Questions")
    assert questions_header[-2:] == ["Template id", "Question id"]
    audits_header, audit_rows = _rows(target, "Audits")
    assert audits_header[-1] == "Template id"
    assert {row["Template"] for row in audit_rows} == {"EHCP multi-agency quality audit"}


def test_counts_people_read_have_thousands_separators(ctx: ServiceContext, tmp_path: Path) -> None:
    audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    target = tmp_path / "board.xlsx"
    every = AuditFilter(statuses=tuple(AuditStatus))
    scope = ReportScope(parse_period("Autumn 2026"), every, suppress_below=0, working_copy=True)
    export_board(ctx, scope, xlsx=target)
    book = load_workbook(target)
    summary = book["Summary"]
    header = [cell.value for cell in summary[5]]
    assert header[:3] == ["Period", "Dates", "Audits"]
    assert summary.cell(6, 3).value == 1
    assert summary.cell(6, 3).number_format == "#,##0"  # 1,901 audits, not 1901
    rows = list(summary.iter_rows())
    start = next(n for n, row in enumerate(rows) if row[0].value == "Owner agency")
    counts = [
        cell for row in rows[start + 1 : start + 8] for cell in row if isinstance(cell.value, int)
    ]
    assert counts  # the actions by owner agency and their total
    assert {cell.number_format for cell in counts} == {"#,##0"}


def test_every_answer_in_scope_is_one_line_inside_blocks_and_out(
    demo_ctx: ServiceContext, demo_path: Path
) -> None:
    """Each answer of the audits in scope is one line, no more and no fewer: those in
    repeating blocks as well as those outside (they are read in one join through the index
    that leads with the audit, a few hundred audits at a time)."""
    scope = ReportScope(period_between(date(2024, 9, 1), DEMO_AS_OF), working_copy=True)
    with demo_ctx.db.read() as session:
        rows = board_rows(session, scope.conditions(), Catalogue.load(session), DEMO_AS_OF)
        references = {line.reference for line in rows.audits()}
        lines = Counter(
            (line.audit_reference, line.question_id, line.repeat is not None)
            for line in rows.answers()
        )
    stored = Counter(
        (reference, question_id, bool(in_block))
        for reference, question_id, in_block in sql(
            demo_path,
            "SELECT audits.reference, answers.question_id, answers.block_id IS NOT NULL "
            "FROM answers JOIN audits ON audits.id = answers.audit_id",
        )
        if reference in references
    )
    assert lines == stored
    assert sum(lines.values()) == rows.answer_count
    assert {in_block for _reference, _question, in_block in lines} == {True, False}
