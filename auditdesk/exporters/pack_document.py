"""The PDF document around the Board pack's content: A4 pages with a running head, "Page n
of m" footers, a clickable outline, and headings that report the page they land on (for
the contents page)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph  # type: ignore[import-untyped]

from auditdesk.exporters.pack_styles import (
    FONT,
    LANGUAGE,
    MEASURE,
    MUTED,
    PAGE_MARGIN,
    RULE,
    markup,
    plain,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN
HEAD_SPACE = 14 * mm
FOOT_SPACE = 4 * mm
FRAME_HEIGHT = PAGE_HEIGHT - 2 * PAGE_MARGIN - HEAD_SPACE - FOOT_SPACE
WATERMARK = colors.Color(0.85, 0.85, 0.85)


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that becomes an outline entry and a contents line."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, level: int = 0) -> None:
        super().__init__(markup(text), style)
        self.outline_text = plain(text)
        self.outline_key = key
        self.outline_level = level


@dataclass(frozen=True)
class Placed:
    key: str
    title: str
    level: int
    page: int


@dataclass(frozen=True)
class Furniture:
    """What every page carries: document metadata and the running head and foot."""

    title: str
    subject: str
    author: str
    running_head: str
    footer: str
    watermark: str = ""  # across every page ("DRAFT"), for what is not final


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say "Page n of m"."""

    first_numbered = 2  # the cover carries no number

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber >= self.first_numbered:
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawRightString(
                    PAGE_WIDTH - PAGE_MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}"
                )
            super().showPage()
        super().save()


class _EveryPageNumbered(NumberedCanvas):
    first_numbered = 1


class _LayoutOnlyCanvas(Canvas):  # type: ignore[misc]
    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._startPage()  # drop the page's drawing

    def save(self) -> None:
        pass


class PackDocument(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        target: str | IO[bytes],
        furniture: Furniture,
        *,
        on_page: Callable[[int], None] | None = None,
        cover: bool = True,
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=PAGE_MARGIN,
            rightMargin=PAGE_MARGIN,
            topMargin=PAGE_MARGIN + HEAD_SPACE,
            bottomMargin=PAGE_MARGIN + FOOT_SPACE,
            title=furniture.title,
            subject=furniture.subject,
            author=furniture.author,
            creator="AuditDesk",
            lang=LANGUAGE,
            displayDocTitle=True,
            initialFontName=FONT,
        )
        self.furniture = furniture
        self.on_page = on_page
        self.cover = cover
        self.placed: list[Placed] = []
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body = PageTemplate("body", [frame], onPage=self._body_page)
        cover_page = PageTemplate("cover", [frame], onPage=self._plain_page)
        self.addPageTemplates([cover_page, body] if cover else [body])

    def build_story(self, story: list[Flowable], *, final: bool = True) -> None:
        """Lay out and write ``story``; ``final=False`` only lays it out (to learn where
        headings fall), skipping the cost of writing a file nobody reads."""
        numbered = NumberedCanvas if self.cover else _EveryPageNumbered
        self.build(story, canvasmaker=numbered if final else _LayoutOnlyCanvas)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Heading):
            key, level = flowable.outline_key, flowable.outline_level
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)
            self.placed.append(Placed(key, flowable.outline_text, level, self.page))

    def _plain_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        # The cover's only decoration: a band in the pack's measure colour.
        canvas.saveState()
        canvas.setFillColor(MEASURE)
        canvas.rect(0, PAGE_HEIGHT - 9 * mm, PAGE_WIDTH, 9 * mm, stroke=0, fill=1)
        canvas.restoreState()
        if self.on_page is not None:
            self.on_page(self.page)

    def _body_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - PAGE_MARGIN
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN, top, plain(self.furniture.running_head))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(PAGE_MARGIN, top - 2.5 * mm, PAGE_WIDTH - PAGE_MARGIN, top - 2.5 * mm)
        canvas.drawString(PAGE_MARGIN, 10 * mm, plain(self.furniture.footer))
        if self.furniture.watermark:
            _watermark(canvas, self.furniture.watermark)
        canvas.restoreState()
        if self.on_page is not None:
            self.on_page(self.page)


def _watermark(canvas: Canvas, text: str) -> None:
    """Large pale letters across the page, under the content drawn after them."""
    canvas.saveState()
    canvas.setFont(FONT, 96)
    canvas.setFillColor(WATERMARK)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -32, plain(text))
    canvas.restoreState()
