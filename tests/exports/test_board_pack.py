"""The PDF Board pack read back with pypdf: its metadata and language, page numbers, the
contents against the pages, figures equal to the database, and the appendix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.services.reports._exports import ExportResult, export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import demo_context, sql

IN_SCOPE = (
    "audit_date BETWEEN '2025-09-01' AND '2026-08-31' "
    "AND status IN ('completed', 'moderated', 'signed_off')"
)
CHAPTERS = [
    "Headline",
    "Quality by section",
    "Quality areas",
    "Preparing for adulthood",
    "Health and social care input",
    "Results by agency, locality, phase and need",
    "Setting visits and provision delivery",
    "Moderation agreement",
    "What is working well and what needs to improve",
    "Actions",
    "Appendix: the audits in this report",
]


@pytest.fixture(scope="module")
def pack(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ExportResult]:
    target = tmp_path_factory.mktemp("pack") / "board pack.pdf"
    with demo_context(demo_path) as ctx:
        # Every count shown, so the test can compare each with the database; suppression
        # has its own tests.
        scope = ReportScope(parse_period("2025/26"), suppress_below=0, working_copy=True)
        result = export_board(ctx, scope, pdf=target)
    return target, result


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_metadata_language_and_page_numbers(pack: tuple[Path, ExportResult]) -> None:
    path, result = pack
    reader = PdfReader(path)
    assert len(reader.pages) == result.pages
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Quality of EHC plans and SEND provision: 2025/26"
    assert meta.subject == "Report to the 0-25 SEND Partnership Board"
    assert meta.author  # the demo's quality lead
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    texts = _pages(path)
    total = len(texts)
    assert "Page 1 of" not in texts[0]  # the cover
    for number, text in enumerate(texts[1:], 2):
        assert f"Page {number} of {total}" in text
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == ["Contents", *CHAPTERS]


def test_the_contents_page_points_at_the_right_pages(pack: tuple[Path, ExportResult]) -> None:
    path, _result = pack
    texts = _pages(path)
    contents = texts[1]
    for chapter in CHAPTERS:
        match = re.search(rf"{re.escape(chapter)}\s*(\d+)", contents)
        assert match, chapter
        page = int(match.group(1))
        # The running head and foot come first, then this working copy's watermark.
        _head, _foot, body = texts[page - 1].split("\n", 2)
        assert body.removeprefix("Working copy\n").startswith(chapter), (chapter, page)


def test_headline_figures_equal_the_database(
    pack: tuple[Path, ExportResult], demo_path: Path
) -> None:
    path, _result = pack
    counted = dict(
        sql(
            demo_path,
            f"SELECT final_grade, count(*) FROM audits WHERE {IN_SCOPE} GROUP BY final_grade",
        )
    )
    graded = sum(v for k, v in counted.items() if k)
    good = counted.get("outstanding", 0) + counted.get("good", 0)
    headline = " ".join(_pages(path)[2].split())
    assert (
        f"Of {graded:,} audits graded in 2025/26, {round(100 * good / graded)}% were judged"
        in headline
    )
    for grade in ("outstanding", "good", "requires_improvement", "inadequate"):
        number = counted.get(grade, 0)
        assert f"{number:,} ({round(100 * number / graded)}%)" in headline


def test_the_appendix_lists_every_audit_by_reference(
    pack: tuple[Path, ExportResult], demo_path: Path
) -> None:
    path, result = pack
    expected = [
        reference
        for (reference,) in sql(
            demo_path,
            f"SELECT reference FROM audits WHERE {IN_SCOPE} ORDER BY audit_date, reference",
        )
    ]
    assert result.audits == len(expected)
    texts = _pages(path)
    start = next(
        n
        for n, text in enumerate(texts)
        if "Appendix: the audits in this report\n" in text and "Every audit counted" in text
    )
    listed = re.findall(r"AD-[A-Z0-9]{6}", " ".join(texts[start:]))
    assert sorted(listed) == sorted(expected)
    children = {reference for (reference,) in sql(demo_path, "SELECT reference FROM children")}
    everything = " ".join(texts)
    assert not [child for child in children if child in everything]


def test_charts_are_drawn_as_real_text(pack: tuple[Path, ExportResult]) -> None:
    path, _result = pack
    headline = _pages(path)[2]
    for label in ("Outstanding", "Requires improvement", "Spring 2026", "n = "):
        assert label in headline
    fonts = set()
    for page in PdfReader(path).pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            described = font.get_object()
            if "/DescendantFonts" in described or "/FontDescriptor" in described:
                fonts.add(str(described["/BaseFont"]))
    # The embedded (subset) text face: real, searchable text rather than pictures of it.
    assert any(name.endswith("BitstreamVeraSans-Roman") for name in fonts)
