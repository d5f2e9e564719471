"""Fonts, colours, paragraph and table styles shared by the Board pack and the single-audit
report.

The text face is Bitstream Vera, which ships inside reportlab, embedded (subset) so the
PDF looks the same everywhere and its text can be searched and copied. User text is
escaped for reportlab's mini-markup and any character the font lacks is replaced, never
dropped silently.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, TableStyle  # type: ignore[import-untyped]

from auditdesk.exporters import palette

FONT = "AuditDeskSans"
BOLD = "AuditDeskSans-Bold"
ITALIC = "AuditDeskSans-Italic"
LANGUAGE = "en-GB"

PAGE_MARGIN = 18 * mm
INK = colors.HexColor("#1F1F1F")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#C8CDD2")
HEADER_FILL = colors.HexColor("#E9EEF3")
ZEBRA = colors.HexColor("#F6F8FA")


def colour(hex_code: str) -> colors.Color:
    return colors.HexColor(f"#{hex_code}")


GRADE_COLOURS = tuple(colour(code) for code in palette.GRADE_COLOURS)
DELIVERY_COLOURS = tuple(colour(code) for code in palette.DELIVERY_COLOURS)
MEASURE = colour(palette.MEASURE)
CONTEXT = colour(palette.GREY)


@cache
def register_fonts() -> None:
    """Register the embedded faces once per process."""
    faces = {FONT: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf"}
    for name, file_name in faces.items():
        pdfmetrics.registerFont(TTFont(name, file_name))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@cache
def _covered() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    return frozenset(font.face.charToGlyph)


def plain(text: str) -> str:
    """Text the font can draw: unknown characters become their plain form or "?"."""
    covered = _covered()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) in covered or ch in "\n\t":
            out.append(ch)
            continue
        simple = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        out.append(simple if simple and all(ord(c) in covered for c in simple) else "?")
    return "".join(out)


def markup(text: str) -> str:
    """User text made safe inside a Paragraph: escaped, line breaks kept."""
    return escape(plain(text)).replace("\n", "<br/>")


def _style(name: str, **settings: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": 9.5,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    return ParagraphStyle(name, **(base | settings))


BODY = _style("body", spaceAfter=5)
SMALL = _style("small", fontSize=8, leading=10.5, textColor=MUTED)
CELL = _style("cell", fontSize=8.5, leading=10.5)
CELL_RIGHT = _style("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT)
CELL_BOLD = _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5)
QUOTE = _style("quote", leftIndent=10, fontSize=9.5, leading=13, spaceAfter=6)
H1 = _style("h1", fontName=BOLD, fontSize=17, leading=21, spaceAfter=8, textColor=INK)
H2 = _style("h2", fontName=BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5)
H3 = _style("h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3)
TITLE = _style("title", fontName=BOLD, fontSize=26, leading=32, spaceAfter=10)
SUBTITLE = _style("subtitle", fontSize=14, leading=19, textColor=MUTED, spaceAfter=6)
BIG_NUMBER = _style("big", fontName=BOLD, fontSize=22, leading=26, textColor=MEASURE)
CONTENTS = _style("contents", fontSize=10.5, leading=17)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain (user or our own) text."""
    return Paragraph(markup(text), style)


def grid_style(*, header_rows: int = 1, zebra: bool = True, rows: int = 0) -> TableStyle:
    """Light horizontal rules, a shaded header and optional banding."""
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, MUTED),
        ]
    if zebra:
        for row in range(header_rows + 1, rows, 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return TableStyle(commands)
