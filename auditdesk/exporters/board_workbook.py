"""The Board workbook (openpyxl): About and Summary sheets with native Excel charts and the
figure sheets. A working copy (never for the Board) adds one row per audit, answer and
action for the quality team's own pivots: counting those rows would rebuild every count
the figure sheets hide, so a Board copy never carries them."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.chart import BarChart, LineChart, Reference  # type: ignore[import-untyped]
from openpyxl.chart.label import DataLabelList  # type: ignore[import-untyped]
from openpyxl.chart.marker import Marker  # type: ignore[import-untyped]
from openpyxl.chart.series import DataPoint  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import GRADE_LABELS, BoardFigures, GradeRow
from auditdesk.domain.report_lines import BoardRows
from auditdesk.domain.suppression import describe_limits
from auditdesk.domain.wording import date_text, date_time_text
from auditdesk.exporters.palette import GRADE_COLOURS, MEASURE
from auditdesk.exporters.workbook_sheets import (
    GRADE_COLUMNS,
    actions_sheet,
    answers_sheet,
    audits_sheet,
    breakdown_sheet,
    comments_sheet,
    grade_cells,
    moderation_sheet,
    quality_sheet,
    questions_sheet,
    sections_sheet,
    setting_visits_sheet,
)
from auditdesk.exporters.workbook_writer import (
    Column,
    SheetWriter,
    count_value,
    number,
    share_value,
)
from auditdesk.whole_files import WriteStream

SHEETS = (
    ("About", "What the workbook covers, who produced it, definitions and the privacy rule."),
    ("Summary", "Headline figures, the grade distribution, the trend by term and actions."),
    ("Sections", "Section grades of each template."),
    ("Quality areas", "How often answers met the standard, by quality area and template."),
    ("Questions", "The same for every rated question."),
    ("By agency", "Final grades by the lead auditor's agency."),
    ("By locality", "Final grades by locality."),
    ("By phase", "Final grades by the child's phase."),
    ("By primary need", "Final grades by the child's primary need."),
    ("By setting type", "Final grades by setting type."),
    ("Setting visits", "Visits and provision checks by setting type."),
    ("Moderation", "Agreement between first and second markers."),
    ("Board comments", "Comments quality leads marked as working well or needing to improve."),
)
ROW_SHEETS = (
    ("Audits", "One row per audit, by its AuditDesk reference."),
    (
        "Answers",
        "One row per answer: section, question and rating in words, with the stable ids at "
        "the right for pivots across template versions.",
    ),
    ("Actions", "One row per action raised from the audits, with its status today."),
)
WORKING_COPY = "Working copy: not for the Board"
BREAKDOWN_SHEETS = {
    "agency": "By agency",
    "locality": "By locality",
    "phase": "By phase",
    "primary_need": "By primary need",
    "setting_type": "By setting type",
}


SUPPRESSED_TABLES = (
    "Every count of audits, answers, provision checks, comments and moderation pairs, on "
    "the Summary and every figure sheet, follows the rule, and a percentage or interval is "
    "hidden with its counts. Figures shown in several places (a breakdown's total row is "
    "the headline; the terms of a period add up to it) hide the same cells everywhere. "
    "Actions are not suppressed: they count pieces of work owned by agencies, not children."
)
NOTHING_SUPPRESSED = (
    "Nowhere: no count is hidden in this export, on any sheet. Every count of audits, "
    "answers, provision checks, comments and moderation pairs is shown as it is."
)


def where_it_applies(threshold: int) -> str:
    return SUPPRESSED_TABLES if threshold > 1 else NOTHING_SUPPRESSED


def write_board_workbook(path: Path, figures: BoardFigures, rows: BoardRows) -> None:
    """Write the workbook to ``path`` (the caller makes the write atomic)."""
    workbook = Workbook(write_only=True)
    properties = workbook.properties
    properties.title = f"{figures.title}: {figures.period.label}"
    if figures.working_copy:
        properties.title = f"{WORKING_COPY}. {properties.title}"
    properties.subject = f"Report to the {figures.partnership}"
    properties.creator = figures.generated_by
    properties.language = "en-GB"
    properties.keywords = "EHCP; SEND; quality assurance; audit"
    try:
        about_sheet(workbook, figures)
        summary_sheet(workbook, figures)
        sections_sheet(workbook, figures)
        quality_sheet(workbook, figures)
        questions_sheet(workbook, figures)
        for table in figures.breakdowns:
            breakdown_sheet(workbook, BREAKDOWN_SHEETS.get(table.key, table.title[:31]), table)
        setting_visits_sheet(workbook, figures)
        moderation_sheet(workbook, figures)
        comments_sheet(workbook, figures)
        if figures.working_copy:
            audits_sheet(workbook, rows)
            answers_sheet(workbook, rows)
            actions_sheet(workbook, rows)
        with WriteStream(path) as stream:  # a full disk is reported once, in words
            workbook.save(stream)
    except BaseException:
        _discard(workbook)
        raise


def _discard(workbook: Workbook) -> None:
    """Close and delete the sheets openpyxl was streaming to temporary files, so a cancelled
    or failed export leaves nothing behind (not even in the system's temporary folder)."""
    for sheet in workbook.worksheets:
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        with suppress(Exception):
            if rows is not None:
                rows.close()  # finishes the sheet's XML while its file is still open
        if writer is not None:
            with suppress(Exception):
                writer.close()
            with suppress(Exception):
                writer.cleanup()


def about_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    sheet = SheetWriter(workbook, "About", [30, 110], freeze=None)
    if figures.working_copy:
        sheet.title(f"{WORKING_COPY}. {figures.title}")
        sheet.append(
            [
                "This working copy adds the Audits, Answers and Actions sheets, one row per "
                "audit, answer and action. Counting those rows gives back every count the "
                "figure sheets hide, so keep it within the quality team: export a Board copy "
                "for the Board."
            ]
        )
    else:
        sheet.title(figures.title)
    sheet.append([f"Report to the {figures.partnership}: {figures.period.label}"])
    sheet.blank()
    sheet.heading("What this workbook covers")
    for line in figures.scope:
        sheet.wrapped(line.label, line.value)
    sheet.blank()
    sheet.heading("Produced")
    sheet.wrapped("When", date_time_text(figures.generated_at))
    sheet.wrapped("By", figures.generated_by)
    sheet.wrapped("With", "AuditDesk")
    sheet.blank()
    sheet.heading("Small numbers and privacy")
    sheet.wrapped("Suppression", figures.suppression_rule)
    sheet.wrapped("Where it applies", where_it_applies(figures.suppress_below))
    sheet.wrapped("Limits", describe_limits(figures.suppress_below))
    sheet.wrapped(
        "Identifiers",
        "The workbook holds no child's reference, name or date of birth from the records, "
        "and child references typed into comments are removed. A name typed into a comment "
        "cannot be recognised: read the comments before sharing."
        + (
            " Audits are listed by their AuditDesk reference only."
            if figures.working_copy
            else " It lists no audits, answers or actions one by one"
            + (
                ": rows could be counted to rebuild the hidden figures."
                if figures.suppress_below > 1
                else "."
            )
        ),
    )
    sheet.blank()
    sheet.heading("Definitions")
    sheet.table(
        "Definitions",
        [Column("Term", 30), Column("Meaning", 110)],
        ([item.term, item.meaning] for item in figures.definitions),
        wrap=True,
    )
    sheet.blank()
    sheet.heading("Sheets")
    sheet.table(
        "Sheets",
        [Column("Sheet", 30), Column("What it holds", 110)],
        ([*s] for s in (*SHEETS, *(ROW_SHEETS if figures.working_copy else ()))),
        wrap=True,
    )


def summary_sheet(workbook: Workbook, figures: BoardFigures) -> None:
    sheet = SheetWriter(workbook, "Summary", [30, 36, *[14] * 10], freeze=None)
    ws = sheet.sheet
    headline = figures.headline
    sheet.title(f"Summary: {figures.period.label}")
    sheet.append([headline.summary])
    sheet.blank()

    sheet.heading("Headline")
    periods = [
        (figures.period, headline.audits, headline.current),
        (figures.previous_period, headline.previous_audits, headline.previous),
    ]
    sheet.table(
        "Headline",
        [Column("Period", 30), Column("Dates", 26), Column("Audits", 12), *GRADE_COLUMNS],
        (
            [period.label, period.dates_text, count_value(ws, audits), *grade_cells(sheet, row)]
            for period, audits, row in periods
        ),
    )
    change = headline.change
    if change.interval is not None:
        low, high = (_points(change.interval.low), _points(change.interval.high))
        sheet.append(
            [f"Change: {change.text} (95% interval {low} to {high} points), {change.verdict}."]
        )
    else:
        sheet.append([f"Change: {change.verdict}."])
    sheet.blank()

    sheet.heading("Grade distribution")
    start = sheet.row + 1
    _distribution_table(sheet, headline.current)
    distribution_start = start
    sheet.blank()

    sheet.heading("% good or better by term")
    start = sheet.row + 1
    sheet.table(
        "ByTerm",
        [Column("Term", 30), *GRADE_COLUMNS],
        ([row.label, *grade_cells(sheet, row)] for row in figures.trend.rows),
    )
    trend_start = start
    sheet.append([figures.trend.note])
    sheet.blank()

    sheet.heading("Actions by owner agency")
    actions = figures.actions
    columns = ["Owner agency", "Open", "In progress", "Overdue", "Done", "Cancelled", "Total"]

    def cells(row: Any) -> list[Any]:
        counts = (row.open, row.in_progress, row.overdue, row.done, row.cancelled, row.total)
        return [row.label, *(number(ws, value) for value in counts)]

    sheet.table(
        "ActionsByAgency",
        [Column(name, 13) for name in columns],
        (cells(row) for row in actions.rows),
    )
    sheet.append(cells(actions.total))
    sheet.append(
        [
            f"Actions raised from the audits in scope, with their status on "
            f"{date_text(actions.today)}. They count work, not children, so are not suppressed."
        ]
    )
    # Charts below the tables, side by side, where a reader scrolling down finds them
    # (to the right of twelve columns they start off screen).
    row = sheet.row + 2
    _grade_chart(
        sheet, distribution_start, f"Final grades, {figures.period.label}", anchor=f"A{row}"
    )
    _trend_chart(sheet, trend_start, len(figures.trend.rows), anchor=f"E{row}")


def _distribution_table(sheet: SheetWriter, row: GradeRow) -> None:
    ws = sheet.sheet
    shares = row.grade_shares()
    sheet.table(
        "GradeDistribution",
        [Column("Final grade", 30), Column("Audits", 12), Column("% of graded audits", 13)],
        (
            [label, count_value(ws, grade), share_value(ws, part)]
            for label, grade, part in zip(GRADE_LABELS, row.grades, shares, strict=True)
        ),
    )


def _grade_chart(sheet: SheetWriter, header_row: int, title: str, *, anchor: str) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = "Audits"
    chart.legend = None
    chart.height, chart.width = 7.5, 15
    data = Reference(sheet.sheet, min_col=2, min_row=header_row, max_row=header_row + 4)
    labels = Reference(sheet.sheet, min_col=1, min_row=header_row + 1, max_row=header_row + 4)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    series = chart.series[0]
    for index, colour in enumerate(GRADE_COLOURS):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = colour
        point.graphicalProperties.line.solidFill = colour
        series.dPt.append(point)
    series.dLbls = _value_labels()
    _show_axes(chart)
    sheet.sheet.add_chart(chart, anchor)


def _trend_chart(sheet: SheetWriter, header_row: int, terms: int, *, anchor: str) -> None:
    chart = LineChart()
    chart.title = "% good or better by term"
    chart.legend = None
    chart.height, chart.width = 7.5, 15
    share_column = 1 + 1 + len(GRADE_LABELS) + 1 + 1  # Term, graded, grades, good, then %
    data = Reference(
        sheet.sheet, min_col=share_column, min_row=header_row, max_row=header_row + terms
    )
    labels = Reference(sheet.sheet, min_col=1, min_row=header_row + 1, max_row=header_row + terms)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    series = chart.series[0]
    series.graphicalProperties.line.solidFill = MEASURE
    series.graphicalProperties.line.width = 28_575  # 2.25 pt in EMU
    series.smooth = False  # a smoothed line would invent values between terms
    series.marker = Marker(symbol="circle", size=7)
    series.marker.graphicalProperties.solidFill = MEASURE
    series.marker.graphicalProperties.line.solidFill = MEASURE
    series.dLbls = _value_labels()
    series.dLbls.position = "t"
    _show_axes(chart)
    sheet.sheet.add_chart(chart, anchor)


def _points(proportion: float) -> str:
    """A signed number of percentage points with a true minus sign: "+4", "−3"."""
    return f"{round(proportion * 100):+d}".replace("-", "\u2212")


def _value_labels() -> DataLabelList:
    labels = DataLabelList()
    labels.showVal = True
    labels.showSerName = labels.showCatName = labels.showLegendKey = False
    labels.showPercent = labels.showLeaderLines = False
    return labels


def _show_axes(chart: BarChart | LineChart) -> None:
    # openpyxl 3.1 hides axes unless told otherwise (delete defaults to True).
    chart.x_axis.delete = False
    chart.y_axis.delete = False
