"""The workbook's figure sheets (sections, quality areas, breakdowns, setting visits,
moderation, Board comments) and its row sheets (audits, answers, actions)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import (
    GRADE_LABELS,
    AgreementFigure,
    BoardFigures,
    GradeRow,
    GradeTable,
    QuestionFigure,
)
from auditdesk.domain.report_lines import BoardRows
from auditdesk.domain.suppression import SECONDARY_MARK
from auditdesk.exporters.answer_cells import answer_cells
from auditdesk.exporters.workbook_writer import (
    DATE_WIDTH,
    Column,
    SheetWriter,
    count_value,
    day,
    decimal,
    interval_values,
    percent,
    share_value,
)

GRADE_COLUMNS = [
    Column("Audits graded", 13),
    *[Column(label, 12) for label in GRADE_LABELS],
    Column("Good or better", 13),
    Column("% good or better", 13),
    Column("95% interval from", 13),
    Column("95% interval to", 13),
]
SHARE_COLUMNS = [
    Column("Answers rated", 13),
    Column("Meeting the standard", 14),
    Column("% meeting the standard", 14),
    Column("95% interval from", 13),
    Column("95% interval to", 13),
]


def grade_cells(sheet: SheetWriter, row: GradeRow) -> list[Any]:
    ws = sheet.sheet
    return [
        count_value(ws, row.graded),
        *[count_value(ws, grade) for grade in row.grades],
        count_value(ws, row.good_or_better),
        share_value(ws, row.share),
        *interval_values(ws, row.share),
    ]


def breakdown_sheet(workbook: Workbook, name: str, table: GradeTable) -> None:
    sheet = SheetWriter(workbook, name, [38, *[13] * 9], freeze="B2")
    sheet.table(
        "By" + "".join(word.capitalize() for word in table.key.split("_")),
        [Column(table.title, 38), *GRADE_COLUMNS],
        ([row.label, *grade_cells(sheet, row)] for row in table.rows),
    )
    if table.total is not None:
        sheet.append([table.total.label, *grade_cells(sheet, table.total)])
    if table.note:
        sheet.blank()
        sheet.append([table.note])


def sections_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    sheet = SheetWriter(workbook, "Sections", [30, 46, *[13] * 9], freeze="C2")
    sheet.table(
        "Sections",
        [Column("Template", 30), Column("Section", 46), *GRADE_COLUMNS],
        (
            [table.title, row.label, *grade_cells(sheet, row)]
            for table in figures.sections
            for row in table.rows
        ),
    )
    sheet.blank()
    sheet.append(["Suggested section grades (before any moderation) of top-level sections."])


def quality_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    sheet = SheetWriter(workbook, "Quality areas", [34, 30, *[14] * 5], freeze="C2")

    def rows() -> Iterator[list[Any]]:
        for theme in figures.themes:
            yield [theme.label, "All templates", *_share_cells(sheet, theme)]
            for part in theme.by_template:
                yield [theme.label, part.template_title, *_share_cells(sheet, part)]

    sheet.table(
        "QualityAreas", [Column("Quality area", 34), Column("Template", 30), *SHARE_COLUMNS], rows()
    )
    sheet.blank()
    sheet.append(
        [
            "Rows for “All templates” add up the template rows below them; filter them out "
            "before adding up a column."
        ]
    )


def questions_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    columns = [
        Column("Template", 26),
        Column("Section", 34),
        Column("Question", 70),
        Column("Quality areas", 34),
        *SHARE_COLUMNS,
        Column("Template id", 16),
        Column("Question id", 26),
    ]
    sheet = SheetWriter(workbook, "Questions", [c.width for c in columns], freeze="D2")
    sheet.table(
        "Questions",
        columns,
        (
            [
                question.template_title,
                question.section_title,
                question.prompt,
                ", ".join(question.themes),
                *_share_cells(sheet, question),
                question.template_id,
                question.question_id,
            ]
            for question in figures.questions
        ),
    )


def setting_visits_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    visits = figures.setting_visits
    sheet = SheetWriter(workbook, "Setting visits", [30, *[14] * 8], freeze=None)
    ws = sheet.sheet
    sheet.heading("Setting quality visits")
    sheet.table(
        "Visits",
        [Column("Measure", 30), Column("Count", 14)],
        [
            ["Visits", count_value(ws, visits.visits)],
            ["Settings visited", count_value(ws, visits.settings)],
            ["Children sampled", count_value(ws, visits.children)],
        ],
    )
    sheet.blank()
    sheet.heading("Provision checks by setting type")
    columns = [
        Column("Setting type", 30),
        *[Column(label, 14) for label in visits.categories],
        Column("Checks", 14),
        Column("% delivered", 14),
        Column("95% interval from", 14),
        Column("95% interval to", 14),
    ]

    def cells(row: Any) -> list[Any]:
        return [
            row.label,
            *[count_value(ws, c) for c in row.counts],
            count_value(ws, row.total),
            share_value(ws, row.delivered),
            *interval_values(ws, row.delivered),
        ]

    sheet.table("ProvisionChecks", columns, (cells(row) for row in visits.rows))
    sheet.append(cells(visits.total))


def moderation_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    moderation = figures.moderation
    sheet = SheetWriter(workbook, "Moderation", [26, 12, 70, 10, 14, 14, 14, 16], freeze="A2")
    ws = sheet.sheet

    def cells(level: str, item: AgreementFigure) -> list[Any]:
        if item.hidden:  # a percentage or kappa would give the hidden counts away
            figures: list[Any] = [SECONDARY_MARK, SECONDARY_MARK]
        else:
            share = item.percent / 100 if item.percent is not None else None
            figures = [percent(ws, share), decimal(ws, item.kappa)]
        return [
            item.template_title,
            level,
            item.scope,
            count_value(ws, item.pairs),
            count_value(ws, item.exact),
            *figures,
            item.band,
        ]

    lines = [cells("Overall", moderation.overall), cells("All ratings", moderation.ratings)]
    lines += [cells("Section", item) for item in moderation.sections]
    lines += [cells("Question", item) for item in moderation.questions]
    sheet.table(
        "Moderation",
        [
            Column("Template", 26),
            Column("Level", 12),
            Column("Compared", 70),
            Column("Pairs", 10),
            Column("Exact agreements", 14),
            Column("% exact agreement", 14),
            Column("Weighted kappa", 14),
            Column("Strength", 16),
        ],
        lines,
    )
    sheet.blank()
    sheet.append([f"Audits moderated: {moderation.moderations.text}. {moderation.note}"])


def comments_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    sheet = SheetWriter(workbook, "Board comments", [20, 100, 14, 16], freeze="A2")
    marked = [("Working well", item) for item in figures.highlights.working_well]
    marked += [("Needs to improve", item) for item in figures.highlights.needs_improvement]
    sheet.table(
        "BoardComments",
        [
            Column("Kind", 20),
            Column("Comment", 100),
            Column("Times marked", 14),
            Column("Latest audit", 16),
        ],
        (
            [kind, item.text, count_value(sheet.sheet, item.marked), day(sheet.sheet, item.latest)]
            for kind, item in marked
        ),
    )


def audits_sheet(workbook: Workbook, rows: BoardRows) -> None:
    columns = [
        Column("Audit", 12),
        Column("Template", 30),
        Column("Version", 9),
        Column("Kind", 20),
        Column("Plan stage", 20),
        Column("Audit date", DATE_WIDTH),
        Column("Term", 13),
        Column("Status", 12),
        Column("Completed", DATE_WIDTH),
        Column("Signed off", DATE_WIDTH),
        Column("Lead auditor", 22),
        Column("Lead agency", 14),
        Column("Auditors and agencies", 48),
        Column("Suggested grade", 20),
        Column("Final grade", 20),
        Column("Grade overridden", 10),
        Column("Template id", 16),
    ]
    sheet = SheetWriter(workbook, "Audits", [c.width for c in columns], freeze="B2")
    ws = sheet.sheet
    sheet.table(
        "Audits",
        columns,
        (
            [
                line.reference,
                line.template_title,
                line.version,
                line.kind,
                line.plan_stage,
                day(ws, line.audit_date),
                line.term,
                line.status,
                day(ws, line.completed_on),
                day(ws, line.signed_off_on),
                line.lead_auditor,
                line.lead_agency,
                line.team,
                line.suggested_grade,
                line.final_grade,
                "Yes" if line.grade_overridden else "No",
                line.template_id,
            ]
            for line in rows.audits()
        ),
    )


def answers_sheet(workbook: Workbook, rows: BoardRows) -> None:
    columns = [
        Column("Audit", 12),
        Column("Template", 30),
        Column("Version", 9),
        Column("Section", 34),
        Column("Question", 60),
        Column("Repeat", 28),
        Column("Rating", 20),
        Column("Points", 8),
        Column("Comment", 60),
        Column("Evidence", 40),
        Column("Marked for the Board", 18),
        # Stable ids, for pivots that line up across template versions: last, for analysts.
        Column("Template id", 16),
        Column("Section id", 14),
        Column("Question id", 28),
    ]
    sheet = SheetWriter(workbook, "Answers", [c.width for c in columns], freeze="B2")
    # Plain values only, in the line's own field order: the Answers sheet is most of the
    # workbook, and every step per answer counts.
    sheet.table("Answers", columns, answer_cells(sheet.sheet, rows.answers()), made_safe=True)


def actions_sheet(workbook: Workbook, rows: BoardRows) -> None:
    columns = [
        Column("Audit", 12),
        Column("Finding", 50),
        Column("Action", 50),
        Column("Owner agency", 14),
        Column("Owner", 22),
        Column("Due", DATE_WIDTH),
        Column("Status", 12),
        Column("Overdue", 9),
        Column("Re-audit", DATE_WIDTH),
        Column("Completed", DATE_WIDTH),
    ]
    sheet = SheetWriter(workbook, "Actions", [c.width for c in columns], freeze="B2")
    ws = sheet.sheet
    sheet.table(
        "Actions",
        columns,
        (
            [
                line.audit_reference,
                line.finding,
                line.action,
                line.owner_agency,
                line.owner,
                day(ws, line.due_date),
                line.status,
                "Yes" if line.overdue else "No",
                day(ws, line.re_audit_date),
                day(ws, line.completed_on),
            ]
            for line in rows.actions()
        ),
    )


def _share_cells(sheet: SheetWriter, figure: QuestionFigure | Any) -> list[Any]:
    ws = sheet.sheet
    return [
        count_value(ws, figure.rated),
        count_value(ws, figure.meeting),
        share_value(ws, figure.share),
        *interval_values(ws, figure.share),
    ]
