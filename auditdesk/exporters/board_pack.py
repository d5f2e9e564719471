"""The PDF Board pack (reportlab): cover, contents and the findings section by section. A
working copy (for the quality team, never the Board) adds an appendix listing the audits
with their final grades, which would let a reader recount hidden figures; it is marked
"Working copy: not for the Board" across every page.

The contents page needs the page each section starts on, so the front of the pack is laid
out once in memory to learn them, then for real. The appendix (pages of references) comes
last, so it is laid out only once: its first page is the one after the front.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import GRADE_LABELS, BoardFigures
from auditdesk.domain.report_lines import AuditLine
from auditdesk.domain.suppression import describe_limits
from auditdesk.domain.wording import date_text, date_time_text
from auditdesk.exporters import pack_activity as activity
from auditdesk.exporters import pack_sections as sections
from auditdesk.exporters.pack_document import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    Furniture,
    Heading,
    PackDocument,
)
from auditdesk.exporters.pack_styles import (
    BOLD,
    CELL,
    CONTENTS,
    FONT,
    H1,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    SMALL,
    SUBTITLE,
    TITLE,
    ZEBRA,
    markup,
    para,
    plain,
    register_fonts,
)

APPENDIX_ROW_HEIGHT = 10.5
APPENDIX_TEXT = 6.0  # points: two columns of audits fit across the page, dates in full
APPENDIX_PADDING = 3  # points before each cell's text (and 1 after its widest)
APPENDIX_KEY = "appendix"
WORKING_COPY = "Working copy: not for the Board"


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    build: Callable[[BoardFigures], list[Flowable]]


def _pfa(figures: BoardFigures) -> list[Flowable]:
    try:
        theme = figures.theme("pfa")
    except KeyError:
        return [para("No preparing-for-adulthood questions were answered in the period.")]
    return sections.theme_page(
        theme,
        "From the Year 9 review onwards every plan must consider the four preparing-for-"
        "adulthood areas: employment, independent living, friends and community, and good "
        "health. Good plans thread them through needs, outcomes and provision rather than "
        "give them a paragraph. These questions check that thread.",
        "pfa-questions",
    )


def _health(figures: BoardFigures) -> list[Flowable]:
    story: list[Flowable] = []
    for key, words in (
        (
            "health",
            "Health input: advice sought and recent, Section C clear about health "
            "needs (or that there are none), each need met in Section G, provision agreed.",
        ),
        (
            "social_care",
            "Social care input: advice sought, Section D clear, each need met in "
            "Section H, and H1 and H2 told apart.",
        ),
    ):
        try:
            theme = figures.theme(key)
        except KeyError:
            continue
        story.append(sections.h2(theme.label, f"theme-{key}"))
        story += sections.theme_page(theme, words, f"{key}-questions", level=2)
    return story or [para("No health or social care questions were answered in the period.")]


CHAPTERS = (
    Chapter("headline", "Headline", sections.headline),
    Chapter("sections", "Quality by section", sections.sections),
    Chapter("quality-areas", "Quality areas", sections.quality_areas),
    Chapter("pfa", "Preparing for adulthood", _pfa),
    Chapter("health", "Health and social care input", _health),
    Chapter("breakdowns", "Results by agency, locality, phase and need", sections.breakdowns),
    Chapter("visits", "Setting visits and provision delivery", activity.setting_visits),
    Chapter("moderation", "Moderation agreement", activity.moderation),
    Chapter("comments", "What is working well and what needs to improve", activity.comments),
    Chapter("actions", "Actions", activity.actions),
)


def write_board_pack(
    target: Path | io.BytesIO,
    figures: BoardFigures,
    audits: Callable[[], Iterator[AuditLine]],
    *,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Write the pack; returns its number of pages."""
    register_fonts()
    working = figures.working_copy
    furniture = Furniture(
        title=f"{figures.title}: {figures.period.label}",
        subject=f"Report to the {figures.partnership}",
        author=figures.generated_by,
        running_head=(f"{WORKING_COPY} · " if working else "")
        + f"{figures.title} · {figures.period.label}",
        footer=f"Produced {date_text(figures.generated_at.astimezone().date())} "
        f"by {figures.generated_by} with AuditDesk",
        watermark="Working copy" if working else "",
    )
    probe = PackDocument(io.BytesIO(), furniture)
    probe.build_story(_front(figures, pages=None), final=False)
    pages = {placed.key: placed.page for placed in probe.placed}
    if working:
        pages[APPENDIX_KEY] = probe.page + 1

    document = PackDocument(
        str(target) if isinstance(target, Path) else target, furniture, on_page=on_page
    )
    appendix = _appendix(audits()) if working else []
    document.build_story([*_front(figures, pages=pages), *appendix])
    return int(document.page)


def _front(figures: BoardFigures, *, pages: dict[str, int] | None) -> list[Flowable]:
    contents = _contents(pages, appendix=figures.working_copy)
    story = [*_cover(figures), NextPageTemplate("body"), PageBreak(), *contents]
    for chapter in CHAPTERS:
        story += [PageBreak(), Heading(chapter.title, H1, key=chapter.key)]
        story += chapter.build(figures)
    return story


def _cover(figures: BoardFigures) -> list[Flowable]:
    scope_rows = [
        [para(line.label, CELL.clone("cover_label", fontName=BOLD)), para(line.value, CELL)]
        for line in figures.scope
    ]
    scope = Table(scope_rows, colWidths=[FRAME_WIDTH * 0.26, FRAME_WIDTH * 0.74])
    scope.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    if figures.working_copy:
        kicker = f"{WORKING_COPY.upper()}: FOR THE QUALITY TEAM"
        identifiers = (
            "No child is named or otherwise identified in this report. This working copy "
            "lists every audit with its final grade in the appendix, which gives back the "
            "small numbers hidden in the tables: do not share it with the Board."
        )
    else:
        kicker = figures.partnership.upper()
        identifiers = (
            "This report lists no audit one by one and holds no child's reference, name or "
            "date of birth from the records; child references typed into comments are "
            "removed. A name typed into a comment cannot be recognised: read the comments "
            "before sharing."
        )
    return [
        Spacer(1, 18 * mm),
        para(kicker, SUBTITLE.clone("kicker", fontSize=10, leading=13)),
        para(figures.title, TITLE),
        para(f"Report to the {figures.partnership}", SUBTITLE),
        Spacer(1, 6 * mm),
        para(figures.period.label, TITLE.clone("period", fontSize=20, leading=24)),
        para(figures.period.dates_text, SUBTITLE.clone("dates", fontSize=11)),
        Spacer(1, 10 * mm),
        para("What this report covers", CELL.clone("cover_head", fontName=BOLD, fontSize=10)),
        Spacer(1, 2 * mm),
        scope,
        Spacer(1, 8 * mm),
        para(
            f"Produced on {date_time_text(figures.generated_at)} by {figures.generated_by}, "
            "with AuditDesk.",
            SMALL,
        ),
        para(figures.suppression_rule, SMALL),
        para(describe_limits(figures.suppress_below), SMALL),
        para(identifiers, SMALL),
    ]


def _contents(pages: dict[str, int] | None, *, appendix: bool) -> list[Flowable]:
    entries = [(chapter.key, chapter.title) for chapter in CHAPTERS]
    if appendix:
        entries.append((APPENDIX_KEY, "Appendix: the audits in this report"))
    rows = []
    for key, title in entries:
        # The first layout does not know the pages yet; "00" keeps the same width.
        page = str(pages.get(key, "")) if pages is not None else "00"
        rows.append(
            [
                Paragraph(f'<a href="#{key}">{markup(title)}</a>', CONTENTS)
                if pages is not None
                else para(title, CONTENTS),
                para(page, CONTENTS.clone("contents_page", alignment=2)),
            ]
        )
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.88, FRAME_WIDTH * 0.12])
    table.setStyle(
        [("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    return [Heading("Contents", H1, key="contents"), table]


class AppendixPage(Flowable):  # type: ignore[misc]
    """One page of the appendix: audits in two columns, drawn as a handful of text objects
    rather than a table of thousands of cells (a 10,000-audit pack draws 40,000 of them).
    Sized to fit the page, so it is never split and the reading order stays down the left
    column, then the right."""

    HEADER = ("Reference", "Template", "Date", "Final grade")

    def __init__(self, lines: list[AuditLine]) -> None:
        super().__init__()
        self.widths = appendix_widths()
        half = (len(lines) + 1) // 2
        self.halves = [
            [_appendix_cells(line) for line in lines[:half]],
            [_appendix_cells(line) for line in lines[half:]],
        ]
        self.rows = half

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return FRAME_WIDTH, (self.rows + 1) * APPENDIX_ROW_HEIGHT

    def draw(self) -> None:
        canvas = self.canv
        height = (self.rows + 1) * APPENDIX_ROW_HEIGHT
        block = sum(self.widths)
        for number, cells in enumerate(self.halves):
            left = number * (FRAME_WIDTH - block)
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(left, height - APPENDIX_ROW_HEIGHT, block, APPENDIX_ROW_HEIGHT, 0, 1)
            canvas.setFillColor(ZEBRA)
            for row in range(1, len(cells), 2):
                y = height - (row + 2) * APPENDIX_ROW_HEIGHT
                canvas.rect(left, y, block, APPENDIX_ROW_HEIGHT, 0, 1)
            x = left + APPENDIX_PADDING
            baseline = height - APPENDIX_ROW_HEIGHT + 3
            for column, width in enumerate(self.widths):
                canvas.setFillColor(MUTED)
                canvas.setFont(BOLD, APPENDIX_TEXT)
                canvas.drawString(x, baseline, self.HEADER[column])
                text = canvas.beginText(x, baseline - APPENDIX_ROW_HEIGHT)
                text.setFont(FONT, APPENDIX_TEXT, APPENDIX_ROW_HEIGHT)
                text.setFillColor(INK)
                for values in cells:
                    text.textLine(values[column])
                canvas.drawText(text)
                x += width


@cache
def appendix_widths() -> tuple[float, ...]:
    """Each appendix column as wide as the widest thing it can hold (a reference of W's,
    "Annual review", "30 September 2026", "Requires improvement"), so nothing overlaps."""
    register_fonts()
    widest = (
        ["AD-WWWWWW"],
        list(SHORT_KINDS.values()),
        [date_text(date(2000, month, 28)) for month in range(1, 13)],
        [*GRADE_LABELS, "Not graded"],
    )
    return tuple(
        APPENDIX_PADDING
        + 1
        + max(
            stringWidth(text, BOLD if number == 0 else FONT, APPENDIX_TEXT)
            for number, text in enumerate([heading, *texts])
        )
        for heading, texts in zip(AppendixPage.HEADER, widest, strict=True)
    )


def _appendix(lines: Iterable[AuditLine]) -> list[Flowable]:
    introduction: list[Flowable] = [
        Heading("Appendix: the audits in this report", H1, key=APPENDIX_KEY),
        para(
            "Every audit counted in this report, by its AuditDesk reference, oldest first "
            "(down the left column, then the right). The reference finds the audit in "
            "AuditDesk; it does not identify a child.",
            SMALL,
        ),
        Spacer(1, 2 * mm),
    ]
    room = FRAME_HEIGHT
    for flowable in introduction:
        _width, height = flowable.wrap(FRAME_WIDTH, room)
        room -= height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    per_page = int(FRAME_HEIGHT // APPENDIX_ROW_HEIGHT) - 2  # less the header, and a margin
    first_page = max(1, int(room // APPENDIX_ROW_HEIGHT) - 2)
    story: list[Flowable] = [PageBreak(), *introduction]
    iterator = iter(lines)
    rows_on_page = first_page
    written = 0
    while chunk := list(islice(iterator, rows_on_page * 2)):
        story.append(AppendixPage(chunk))
        written += len(chunk)
        rows_on_page = per_page
    if not written:
        story.append(para("There are no audits in scope."))
    return story


def _appendix_cells(line: AuditLine) -> tuple[str, str, str, str]:
    return (
        plain(line.reference),
        plain(_short_kind(line.kind)),
        date_text(line.audit_date),
        line.final_grade or "Not graded",
    )


SHORT_KINDS = {
    "EHCP audit": "EHCP",
    "Annual review audit": "Annual review",
    "Setting quality visit": "Setting visit",
    "Thematic audit": "Thematic",
}


def _short_kind(kind: str) -> str:
    return SHORT_KINDS.get(kind, kind)
