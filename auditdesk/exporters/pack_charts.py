"""Charts for the Board pack, drawn with reportlab's own graphics (real text, vector
shapes) in the colour-blind-safe palette, every value also written as a label.

Hidden (suppressed) figures are never drawn as if they were zero: a bar or dot is left
out and the mark ("<5", "*") written in its place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import GRADE_LABELS, GradeRow, GradeTable, Share
from auditdesk.domain.suppression import Count
from auditdesk.exporters.pack_styles import (
    BOLD,
    CONTEXT,
    FONT,
    GRADE_COLOURS,
    INK,
    MEASURE,
    MUTED,
    RULE,
    plain,
)

LABEL_SIZE = 7.5
HIDDEN_FILL = colors.HexColor("#D9D9D9")


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    anchor: str = "start",
    colour: colors.Color = INK,
    bold: bool = False,
) -> String:
    return String(
        x,
        y,
        plain(text),
        fontName=BOLD if bold else FONT,
        fontSize=size,
        fillColor=colour,
        textAnchor=anchor,
    )


def fit(text: str, width: float, size: float = LABEL_SIZE) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    text = plain(text)
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# How many gridlines each kind of ceiling divides into, so every gridline is a round
# number a reader can use (250 in fives: 50, 100, ...; never 62 and 188).
_DIVISIONS = {1: 5, 2: 4, 2.5: 5, 5: 5, 10: 5}


def count_axis(value: float) -> tuple[float, int]:
    """The top of a count axis at or above ``value``, and how many equal, round steps
    divide it: (250, 5) for 228, (1000, 5) for 755, (4, 4) for 3."""
    if value <= 4:
        return 4.0, 4  # whole counts: 1, 2, 3, 4
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude), _DIVISIONS[step]
    return float(10 * magnitude), 5


def grade_bars(row: GradeRow, width: float, height: float) -> Drawing:
    """Final grades as coloured columns, each labelled with its count and share."""
    drawing = Drawing(width, height)
    left, bottom, top = 30.0, 26.0, height - 14
    plot_height = top - bottom
    shown = [grade.shown for grade in row.grades if grade.shown is not None]
    ceiling, divisions = count_axis(max(shown, default=0))
    for step in range(divisions + 1):
        value = ceiling * step / divisions
        y = bottom + plot_height * step / divisions
        drawing.add(Line(left, y, width, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(left - 4, y - 2.5, f"{value:,.0f}", anchor="end", colour=MUTED))
    slot = (width - left) / len(row.grades)
    shares = row.grade_shares()
    for index, (grade, part) in enumerate(zip(row.grades, shares, strict=True)):
        centre = left + slot * (index + 0.5)
        bar = slot * 0.56
        label_y = bottom + 3
        if grade.shown is not None:
            bar_height = plot_height * grade.shown / ceiling
            drawing.add(
                Rect(
                    centre - bar / 2,
                    bottom,
                    bar,
                    bar_height,
                    strokeColor=None,
                    fillColor=GRADE_COLOURS[index],
                )
            )
            label_y = bottom + bar_height + 3
        label = grade.text if part.value is None else f"{grade.text} ({part.text})"
        drawing.add(_text(centre, label_y, label, anchor="middle", bold=True))
        drawing.add(_text(centre, bottom - 11, GRADE_LABELS[index], anchor="middle"))
    return drawing


def trend_chart(table: GradeTable, in_period: set[str], width: float, height: float) -> Drawing:
    """% good or better by term: a dot per term with its 95% interval; terms before the
    period in grey."""
    drawing = Drawing(width, height)
    left, bottom, top = 32.0, 30.0, height - 8
    plot_height = top - bottom

    def y_of(value: float) -> float:
        return bottom + plot_height * value

    for step in range(5):
        value = step / 4
        drawing.add(Line(left, y_of(value), width, y_of(value), strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(left - 4, y_of(value) - 2.5, f"{value:.0%}", anchor="end", colour=MUTED))
    rows = table.rows
    slot = (width - left) / max(1, len(rows))
    previous: tuple[float, float] | None = None
    for index, row in enumerate(rows):
        x = left + slot * (index + 0.5)
        colour = MEASURE if row.key in in_period else CONTEXT
        drawing.add(_text(x, bottom - 11, row.label.split(" (")[0], anchor="middle"))
        drawing.add(_text(x, bottom - 21, f"n = {row.graded.text}", anchor="middle", colour=MUTED))
        share = row.share
        if share.value is None:
            drawing.add(_text(x, y_of(0) + 4, share.text, anchor="middle", colour=MUTED))
            previous = None
            continue
        point = (x, y_of(share.value))
        if previous is not None:
            drawing.add(Line(*previous, *point, strokeColor=colour, strokeWidth=1.2))
        if share.interval is not None:
            low, high = y_of(share.interval.low), y_of(share.interval.high)
            drawing.add(Line(x, low, x, high, strokeColor=colour, strokeWidth=1))
            for end in (low, high):
                drawing.add(Line(x - 3, end, x + 3, end, strokeColor=colour, strokeWidth=1))
            label_y = high + 3
        else:
            label_y = point[1] + 5
        drawing.add(
            Circle(*point, 3.2, fillColor=colour, strokeColor=colors.white, strokeWidth=0.8)
        )
        drawing.add(_text(x, label_y, share.text, anchor="middle", bold=True, colour=colour))
        previous = point
    return drawing


@dataclass(frozen=True)
class ShareLine:
    label: str
    share: Share
    base: str  # the count the share is of, as published


def share_rows(
    lines: Sequence[ShareLine],
    width: float,
    *,
    reference: Share | None = None,
    label_width: float = 150,
    row_height: float = 13,
) -> Drawing:
    """One line per group: its percentage as a dot with the 95% interval, on a shared
    0-100% scale; a dashed line marks the overall figure for comparison."""
    value_width = 78.0
    height = row_height * len(lines) + 18
    drawing = Drawing(width, height)
    left, right = label_width, width - value_width
    axis_y = 12.0

    def x_of(value: float) -> float:
        return left + (right - left) * value

    for step in range(5):
        value = step / 4
        drawing.add(
            Line(x_of(value), axis_y, x_of(value), height, strokeColor=RULE, strokeWidth=0.4)
        )
        drawing.add(_text(x_of(value), 2, f"{value:.0%}", anchor="middle", colour=MUTED))
    if reference is not None and reference.value is not None:
        x = x_of(reference.value)
        drawing.add(
            Line(x, axis_y, x, height, strokeColor=MUTED, strokeWidth=0.8, strokeDashArray=[2, 2])
        )
    for index, line in enumerate(lines):
        y = height - row_height * (index + 0.5)
        drawing.add(_text(0, y - 2.5, fit(line.label, label_width - 6)))
        share = line.share
        if share.value is None:
            drawing.add(_text(right + 4, y - 2.5, f"{share.text} (n = {line.base})", colour=MUTED))
            continue
        if share.interval is not None:
            drawing.add(
                Line(
                    x_of(share.interval.low),
                    y,
                    x_of(share.interval.high),
                    y,
                    strokeColor=MEASURE,
                    strokeWidth=1.2,
                )
            )
        drawing.add(
            Circle(
                x_of(share.value),
                y,
                3,
                fillColor=MEASURE,
                strokeColor=colors.white,
                strokeWidth=0.6,
            )
        )
        drawing.add(_text(right + 4, y - 2.5, f"{share.text} (n = {line.base})"))
    return drawing


@dataclass(frozen=True)
class StackedLine:
    label: str
    counts: tuple[Count, ...]
    total: Count


def stacked_rows(
    lines: Sequence[StackedLine],
    categories: Sequence[str],
    fills: Sequence[colors.Color],
    width: float,
    *,
    label_width: float = 120,
    row_height: float = 16,
) -> Drawing:
    """Each group's counts as one bar split into coloured parts (100% = the group). Parts
    that are hidden are drawn together in grey as "hidden": their sum is the published
    total less the published parts, so it reveals nothing."""
    legend_height = 16.0
    height = row_height * len(lines) + legend_height + 4
    drawing = Drawing(width, height)
    x = label_width
    for category, fill in zip(categories, fills, strict=True):
        drawing.add(Rect(x, height - 10, 8, 8, fillColor=fill, strokeColor=None))
        drawing.add(_text(x + 11, height - 9, category))
        x += 16 + stringWidth(plain(category), FONT, LABEL_SIZE)
    drawing.add(Rect(x, height - 10, 8, 8, fillColor=HIDDEN_FILL, strokeColor=None))
    drawing.add(_text(x + 11, height - 9, "Hidden (small numbers)"))
    bar_width = width - label_width
    for index, line in enumerate(lines):
        y = height - legend_height - row_height * (index + 1) + 3
        drawing.add(_text(0, y + 3, fit(line.label, label_width - 6)))
        total = line.total.shown
        if not total:
            drawing.add(
                _text(
                    label_width, y + 3, line.total.text if total is None else "none", colour=MUTED
                )
            )
            continue
        x = label_width
        hidden = total
        for part, fill in zip(line.counts, fills, strict=True):
            if part.shown is None:
                continue
            hidden -= part.shown
            x = _segment(
                drawing,
                (x, y, bar_width * part.shown / total, row_height - 5),
                fill,
                share=part.shown / total,
            )
        if hidden > 0:
            box = (x, y, bar_width * hidden / total, row_height - 5)
            _segment(drawing, box, HIDDEN_FILL, share=None)
    return drawing


def _segment(
    drawing: Drawing,
    box: tuple[float, float, float, float],
    fill: colors.Color,
    *,
    share: float | None,
) -> float:
    """One part of a stacked bar, labelled with its share when there is room; returns
    where the next part starts."""
    x, y, width, height = box
    drawing.add(
        Rect(x, y, width, height, fillColor=fill, strokeColor=colors.white, strokeWidth=0.5)
    )
    if share is not None and width > 22:
        drawing.add(
            _text(
                x + width / 2,
                y + height / 2 - 2.5,
                f"{share:.0%}",
                anchor="middle",
                colour=ink_on(fill),
            )
        )
    return x + width


def ink_on(fill: colors.Color) -> colors.Color:
    """Black or white text, whichever reads better on ``fill``."""
    luminance = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue
    return colors.white if luminance < 0.45 else INK
