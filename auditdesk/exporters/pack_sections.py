"""The Board pack's chapters on quality: headline, sections, quality areas and breakdowns,
each a list of flowables built from the Board figures (shared table helpers too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import (
    GRADE_LABELS,
    BoardFigures,
    GradeRow,
    GradeTable,
    QuestionFigure,
    Share,
    ThemeFigure,
)
from auditdesk.domain.periods import term_key
from auditdesk.exporters.pack_charts import (
    ShareLine,
    grade_bars,
    ink_on,
    share_rows,
    trend_chart,
)
from auditdesk.exporters.pack_document import FRAME_WIDTH, Heading
from auditdesk.exporters.pack_styles import (
    BIG_NUMBER,
    CELL,
    CELL_BOLD,
    CELL_RIGHT,
    GRADE_COLOURS,
    H2,
    H3,
    MEASURE,
    RULE,
    SMALL,
    grid_style,
    para,
)

WEAKEST_SHOWN = 8


def h2(text: str, key: str) -> Heading:
    return Heading(text, H2, key=key, level=1)


def with_interval(share: Share) -> str:
    if share.interval is None:
        return share.text
    return f"{share.text} ({share.interval_text})"


def tiles(cells: Sequence[tuple[str, str, str]]) -> Table:
    """Key figures side by side: a label, the figure large, a line of context."""
    width = FRAME_WIDTH / len(cells)
    row = [
        [para(label, SMALL), para(value, BIG_NUMBER), para(context, SMALL)]
        for label, value, context in cells
    ]
    table = Table([row], colWidths=[width] * len(cells))
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]
    )
    return table


# -- headline --------------------------------------------------------------------------------
def headline(figures: BoardFigures) -> list[Flowable]:
    head = figures.headline
    change = head.change
    if change.points is None:
        change_value, change_context = "–", change.verdict.capitalize()
    else:
        change_value = f"{round(change.points):+d} points".replace("-", "−")
        change_context = change.verdict.capitalize()
    story: list[Flowable] = [
        tiles(
            [
                (
                    "Audits graded",
                    head.current.graded.text,
                    f"of {head.audits.text} audits in scope",
                ),
                (
                    "Good or better",
                    head.current.share.text,
                    f"95% interval {head.current.share.interval_text}"
                    if head.current.share.interval
                    else "no interval",
                ),
                (f"Change since {figures.previous_period.label}", change_value, change_context),
            ]
        ),
        Spacer(1, 4 * mm),
        para(head.summary),
        h2("Grade distribution", "distribution"),
        grade_bars(head.current, FRAME_WIDTH, 58 * mm),
        Spacer(1, 2 * mm),
        grade_table([head.current, head.previous], "Period"),
        h2("Good or better by term", "trend"),
        trend_chart(figures.trend, _in_period(figures), FRAME_WIDTH, 62 * mm),
        para(
            "Each dot is the share of audits judged good or better that term; the line through "
            "it is the 95% interval, which is wide when there were few audits. "
            + figures.trend.note,
            SMALL,
        ),
    ]
    return story


def _in_period(figures: BoardFigures) -> set[str]:
    first, last = term_key(figures.period.start), term_key(figures.period.end)
    return {row.key for row in figures.trend.rows if first <= row.key <= last}


def grade_table(
    rows: Sequence[GradeRow], first_header: str, *, total: GradeRow | None = None
) -> Table:
    header = [first_header, "Graded", *GRADE_LABELS, "Good or better (95% interval)"]
    body = [
        [
            para(row.label, CELL),
            row.graded.text,
            *[g.text for g in row.grades],
            with_interval(row.share),
        ]
        for row in rows
    ]
    if total is not None:
        body.append(
            [
                para(total.label, CELL_BOLD),
                total.graded.text,
                *[g.text for g in total.grades],
                with_interval(total.share),
            ]
        )
    data = [
        [para(text, CELL_BOLD) if i == 0 else head_cell(text) for i, text in enumerate(header)],
        *body,
    ]
    widths = [FRAME_WIDTH * f for f in (0.22, 0.08, 0.12, 0.12, 0.12, 0.12, 0.22)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(rows=len(data)))
    table.setStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")])
    if total is not None:
        table.setStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)])
    return table


HEAD_RIGHT = CELL_RIGHT.clone("head_right", fontName=CELL_BOLD.fontName, fontSize=7, leading=8.5)


def head_cell(text: str) -> Any:
    return para(text, HEAD_RIGHT)


# -- quality by section ------------------------------------------------------------------------
def sections(figures: BoardFigures) -> list[Flowable]:
    story: list[Flowable] = [
        para(
            "The share of audits given each grade, section by section. Darker shading means a "
            "larger share; counts too small to show are marked, never shaded.",
        )
    ]
    for number, table in enumerate(figures.sections):
        # Kept whole: a template's sections fit a page, and a heading alone at the foot of
        # a page with one row under it reads badly.
        story.append(KeepTogether([h2(table.title, f"sections-{number}"), heat_table(table)]))
    if not figures.sections:
        story.append(para("No section grades were recorded for the audits in scope."))
    return story


def heat_table(table: GradeTable) -> Table:
    header = ["Section", "Graded", *GRADE_LABELS, "Good or better"]
    data: list[list[Any]] = [[para(header[0], CELL_BOLD), *[head_cell(h) for h in header[1:]]]]
    style: list[tuple[Any, ...]] = []
    for row_number, row in enumerate(table.rows, 1):
        shares = row.grade_shares()
        cells: list[Any] = [para(row.label, CELL), row.graded.text]
        for column, (count, share) in enumerate(zip(row.grades, shares, strict=True), 2):
            cells.append(share.text if share.value is not None else count.text)
            if share.value is not None:
                fill = _blend(GRADE_COLOURS[column - 2], share.value)
                style += [
                    ("BACKGROUND", (column, row_number), (column, row_number), fill),
                    ("TEXTCOLOR", (column, row_number), (column, row_number), ink_on(fill)),
                ]
        cells.append(row.share.text)
        if row.share.value is not None:
            fill = _blend(MEASURE, row.share.value)
            last = len(cells) - 1
            style += [
                ("BACKGROUND", (last, row_number), (last, row_number), fill),
                ("TEXTCOLOR", (last, row_number), (last, row_number), ink_on(fill)),
            ]
        data.append(cells)
    widths = [FRAME_WIDTH * f for f in (0.30, 0.08, 0.12, 0.12, 0.12, 0.12, 0.14)]
    result = Table(data, colWidths=widths, repeatRows=1)
    result.setStyle(grid_style(rows=len(data), zebra=False))
    result.setStyle([("ALIGN", (1, 1), (-1, -1), "CENTER"), *style])
    return result


def _blend(colour: colors.Color, amount: float) -> colors.Color:
    """``colour`` mixed into white: 0 is white, 1 is the full colour (capped for legibility)."""
    amount = max(0.0, min(1.0, amount)) * 0.9
    return colors.Color(
        1 + (colour.red - 1) * amount,
        1 + (colour.green - 1) * amount,
        1 + (colour.blue - 1) * amount,
    )


# -- quality areas -----------------------------------------------------------------------------
def quality_areas(figures: BoardFigures) -> list[Flowable]:
    if not figures.themes:
        return [para("No rated answers were recorded for the audits in scope.")]
    lines = [ShareLine(theme.label, theme.share, theme.rated.text) for theme in figures.themes]
    return [
        para(
            "How often answers met the standard in each quality area, across every template. "
            "Each dot is the share of rated answers meeting the standard; the line is its 95% "
            "interval; n is the number of rated answers."
        ),
        share_rows(lines, FRAME_WIDTH, label_width=170),
    ]


def theme_page(
    theme: ThemeFigure, introduction: str, key: str, *, level: int = 1
) -> list[Flowable]:
    story: list[Flowable] = [para(introduction)]
    lines = [
        ShareLine(part.template_title, part.share, part.rated.text) for part in theme.by_template
    ]
    story.append(
        para(
            f"Across all templates, {theme.share.text} of {theme.rated.text} rated answers met "
            f"the standard ({interval_words(theme.share)}).",
        )
    )
    story.append(share_rows(lines, FRAME_WIDTH, reference=theme.share, label_width=170))
    weakest = _weakest(theme.questions)
    if weakest:
        heading = Heading("Questions least often meeting the standard", H3, key=key, level=level)
        story.append(KeepTogether([heading, question_table(weakest)]))
    return story


def interval_words(share: Share) -> str:
    return f"95% interval {share.interval_text}" if share.interval else "too few to say"


def _weakest(questions: Sequence[QuestionFigure]) -> list[QuestionFigure]:
    shown = [q for q in questions if q.share.value is not None]
    return sorted(shown, key=lambda q: (q.share.value or 0, q.template_title))[:WEAKEST_SHOWN]


def question_table(questions: Sequence[QuestionFigure]) -> Table:
    data: list[list[Any]] = [
        [
            para("Template", CELL_BOLD),
            para("Question", CELL_BOLD),
            head_cell("Rated"),
            head_cell("Meeting the standard (95% interval)"),
        ]
    ]
    for question in questions:
        data.append(
            [
                para(question.template_title, CELL),
                para(question.prompt, CELL),
                question.rated.text,
                with_interval(question.share),
            ]
        )
    table = Table(data, colWidths=[FRAME_WIDTH * f for f in (0.22, 0.5, 0.08, 0.2)], repeatRows=1)
    table.setStyle(grid_style(rows=len(data)))
    table.setStyle([("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table


# -- breakdowns --------------------------------------------------------------------------------
def breakdowns(figures: BoardFigures) -> list[Flowable]:
    story: list[Flowable] = [
        para(
            "Good or better by group, with 95% intervals; the dashed line is the figure for all "
            "audits. Where intervals overlap the line, the group may not really differ from the "
            "rest."
        )
    ]
    for table in figures.breakdowns:
        lines = [ShareLine(row.label, row.share, row.graded.text) for row in table.rows]
        block: list[Flowable] = [h2(table.title, f"by-{table.key}")]
        if table.note:
            block.append(para(table.note, SMALL))
        block.append(
            share_rows(
                lines,
                FRAME_WIDTH,
                reference=table.total.share if table.total else None,
                label_width=170,
            )
        )
        story.append(KeepTogether(block))
        story.append(Spacer(1, 2 * mm))
        story.append(grade_table(table.rows, table.title, total=table.total))
    return story
