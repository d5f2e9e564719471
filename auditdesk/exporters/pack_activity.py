"""The Board pack's chapters on the work around the audits: setting visits and provision
delivery, moderation agreement, the comments marked for the Board, and actions."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import AgreementFigure, BoardFigures, Highlight
from auditdesk.domain.suppression import SECONDARY_MARK
from auditdesk.domain.wording import date_text
from auditdesk.exporters.pack_charts import StackedLine, stacked_rows
from auditdesk.exporters.pack_document import FRAME_WIDTH
from auditdesk.exporters.pack_sections import (
    h2,
    head_cell,
    interval_words,
    tiles,
    with_interval,
)
from auditdesk.exporters.pack_styles import (
    CELL,
    CELL_BOLD,
    DELIVERY_COLOURS,
    QUOTE,
    SMALL,
    grid_style,
    para,
)


# -- setting visits ----------------------------------------------------------------------------
def setting_visits(figures: BoardFigures) -> list[Flowable]:
    visits = figures.setting_visits
    story: list[Flowable] = [
        tiles(
            [
                ("Setting visits", visits.visits.text, "quality visits in the period"),
                ("Settings visited", visits.settings.text, "different settings"),
                ("Children sampled", visits.children.text, "whose provision was checked"),
            ]
        ),
        Spacer(1, 4 * mm),
        para(
            "Each provision check compares what a sampled child's plan specifies with what the "
            f"evidence shows. Overall, {visits.total.delivered.text} of {visits.total.total.text} "
            f"checks found the provision delivered ({interval_words(visits.total.delivered)})."
        ),
    ]
    if visits.total.total.shown == 0:
        return [*story, para("No provision checks were recorded in the period.")]
    lines = [StackedLine(row.label, row.counts, row.total) for row in visits.rows]
    lines.append(StackedLine(visits.total.label, visits.total.counts, visits.total.total))
    story.append(h2("Provision delivery by setting type", "delivery"))
    story.append(stacked_rows(lines, visits.categories, DELIVERY_COLOURS, FRAME_WIDTH))
    header = ["Setting type", *visits.categories, "Checks", "Delivered (95% interval)"]
    data: list[list[Any]] = [[para(header[0], CELL_BOLD), *[head_cell(h) for h in header[1:]]]]
    for row in [*visits.rows, visits.total]:
        data.append(
            [
                para(row.label, CELL),
                *[c.text for c in row.counts],
                row.total.text,
                with_interval(row.delivered),
            ]
        )
    table = Table(
        data,
        colWidths=[FRAME_WIDTH * f for f in (0.2, 0.11, 0.11, 0.11, 0.11, 0.1, 0.26)],
        repeatRows=1,
    )
    table.setStyle(grid_style(rows=len(data)))
    table.setStyle(
        [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    )
    story += [Spacer(1, 3 * mm), table]
    return story


# -- moderation, comments, actions -------------------------------------------------------------
def moderation(figures: BoardFigures) -> list[Flowable]:
    result = figures.moderation
    if result.moderations.shown == 0:
        return [
            para("No audits dated in the period have been moderated yet."),
            para(result.note, SMALL),
        ]
    data: list[list[Any]] = [
        [
            para("Compared", CELL_BOLD),
            head_cell("Pairs"),
            head_cell("Exact agreement"),
            head_cell("Weighted kappa"),
            head_cell("Strength"),
        ]
    ]

    def line(label: str, item: AgreementFigure) -> list[Any]:
        if item.hidden:  # the percentage or kappa would give the hidden counts away
            return [para(label, CELL), item.pairs.text, SECONDARY_MARK, SECONDARY_MARK, item.band]
        percent = f"{item.percent:.0f}%" if item.percent is not None else "–"
        kappa = f"{item.kappa:.2f}" if item.kappa is not None else "–"
        return [para(label, CELL), item.pairs.text, percent, kappa, item.band]

    data.append(line("Overall grade (one pair per audit)", result.overall))
    data.append(line("Every rated question", result.ratings))
    for item in result.sections:
        data.append(line(f"{item.template_title}: {item.scope}", item))
    table = Table(
        data, colWidths=[FRAME_WIDTH * f for f in (0.47, 0.09, 0.12, 0.12, 0.2)], repeatRows=1
    )
    table.setStyle(grid_style(rows=len(data)))
    table.setStyle(
        [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("LINEBELOW", (0, 2), (-1, 2), 0.8, colors.black)]
    )
    overall = result.overall
    words = (
        f"{result.moderations.text} audits dated in the period were moderated by a second marker. "
    )
    if overall.hidden:
        words += "How often their overall grades agreed is hidden because the numbers are small"
    else:
        words += (
            f"Their overall grades agreed exactly in {overall.exact.text} of "
            f"{overall.pairs.text} pairs"
        )
        if overall.kappa is not None:
            words += f"; weighted kappa {overall.kappa:.2f} ({overall.band.lower()} agreement)"
    return [para(words + "."), table, Spacer(1, 2 * mm), para(result.note, SMALL)]


def comments(figures: BoardFigures) -> list[Flowable]:
    marked = figures.highlights
    story: list[Flowable] = [
        para(
            "Comments from audits that quality leads marked for the Board. The same words "
            "marked in several audits appear once. Child references are removed; the comments "
            "are otherwise as the auditors wrote them."
        )
    ]
    for title, key, items in (
        ("What is working well", "working-well", marked.working_well),
        ("What needs to improve", "to-improve", marked.needs_improvement),
    ):
        story.append(h2(title, key))
        if not items:
            story.append(para("No comments were marked for this in the period.", SMALL))
        story += [_quote(item) for item in items]
    return story


def _quote(item: Highlight) -> Flowable:
    number = item.marked.shown
    if number is None:  # a small number, hidden like every other
        note = f"Latest audit {date_text(item.latest)}."
    else:
        times = "once" if number == 1 else f"{number:,} times"
        note = f"Marked {times}; latest audit {date_text(item.latest)}."
    return KeepTogether(
        [
            para(f"“{item.text}”", QUOTE),
            para(
                note,
                SMALL.clone("quote_note", leftIndent=10, spaceAfter=6),
            ),
        ]
    )


def actions(figures: BoardFigures) -> list[Flowable]:
    result = figures.actions
    total = result.total
    header = ["Owner agency", "Open", "In progress", "Overdue", "Done", "Cancelled", "Total"]
    data: list[list[Any]] = [[para(header[0], CELL_BOLD), *[head_cell(h) for h in header[1:]]]]
    for row in [*result.rows, total]:
        data.append(
            [
                para(row.label, CELL),
                f"{row.open:,}",
                f"{row.in_progress:,}",
                f"{row.overdue:,}",
                f"{row.done:,}",
                f"{row.cancelled:,}",
                f"{row.total:,}",
            ]
        )
    table = Table(data, colWidths=[FRAME_WIDTH * 0.28] + [FRAME_WIDTH * 0.12] * 6, repeatRows=1)
    table.setStyle(grid_style(rows=len(data)))
    table.setStyle(
        [
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ("TEXTCOLOR", (3, 1), (3, -1), colors.HexColor("#A33A00")),
        ]
    )
    still_open = total.open + total.in_progress
    return [
        para(
            f"{total.total:,} actions were raised from the audits in this report. On "
            f"{date_text(result.today)}, {still_open:,} are still open or in progress, and "
            f"{total.overdue:,} of those are past their due date."
        ),
        table,
        Spacer(1, 2 * mm),
        para(
            "Actions count pieces of work owned by agencies, not children, so they are shown "
            "in full.",
            SMALL,
        ),
    ]
