"""The single-audit report (reportlab): for the caseworker or the setting, everything
about one audit: subject, every answer with its comment and evidence, section and overall
grades with their reasons, actions, the moderation outcome and sign-off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from auditdesk.domain.audit_report import AuditReport, Fact, ReportAnswer, ReportSection
from auditdesk.domain.board_figures import long_date
from auditdesk.exporters.pack_document import FRAME_WIDTH, Furniture, Heading, PackDocument
from auditdesk.exporters.pack_styles import (
    BIG_NUMBER,
    BODY,
    CELL,
    CELL_BOLD,
    H1,
    H2,
    MUTED,
    RULE,
    SMALL,
    SUBTITLE,
    grid_style,
    markup,
    para,
    register_fonts,
)

NOTE = CELL.clone("note", textColor=MUTED, fontSize=7.5, leading=9.5)


def write_audit_report(target: Path, report: AuditReport) -> int:
    """Write the report to ``target``; returns its number of pages."""
    register_fonts()
    produced = report.generated_at.astimezone()
    furniture = Furniture(
        title=f"Audit {report.reference}: {report.template_title}",
        subject=f"{report.kind} {report.reference}",
        author=report.generated_by,
        running_head=f"Audit {report.reference} · {report.template_title}",
        footer=f"Produced {long_date(produced.date())} by {report.generated_by} with AuditDesk",
    )
    document = PackDocument(str(target), furniture, cover=False)
    document.build_story(_story(report))
    return int(document.page)


def _story(report: AuditReport) -> list[Flowable]:
    story: list[Flowable] = [
        Heading(f"Audit {report.reference}", H1, key="audit"),
        para(
            f"{report.template_title} (version {report.template_version}) · {report.status}",
            SUBTITLE,
        ),
        _facts(report.subject),
        Spacer(1, 2 * mm),
        para("Audited by " + "; ".join(report.team) if report.team else "No auditors recorded."),
        *_judgement(report),
    ]
    for number, section in enumerate(report.sections):
        story += _section(section, f"section-{number}")
    story += _actions(report)
    story += _moderation(report)
    story += [Heading("Sign-off", H2, key="sign-off", level=1), _facts(report.sign_off)]
    return story


def _facts(facts: tuple[Fact, ...]) -> Table:
    rows = [[para(fact.label, CELL_BOLD), para(fact.value, CELL)] for fact in facts]
    table = Table(rows or [["", ""]], colWidths=[FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.75])
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
    )
    return table


def _judgement(report: AuditReport) -> list[Flowable]:
    lines = [f"Suggested from the answers: {report.suggested_grade or 'none yet'}."]
    if report.override_grade:
        lines.append(
            f"Changed by the auditor to {report.override_grade} because: "
            f"{report.override_reason or 'no reason recorded'}."
        )
    story: list[Flowable] = [
        Heading("Overall grade", H2, key="overall", level=1),
        para(report.final_grade, BIG_NUMBER),
        *[para(line) for line in lines],
    ]
    story += [para(f"• {reason}", SMALL) for reason in report.overall_reasons]
    return story


def _section(section: ReportSection, key: str) -> list[Flowable]:
    head: list[Flowable] = [
        Heading(section.title, H2, key=key, level=1),
        para(f"Section grade: {section.grade}", CELL_BOLD),
    ]
    head += [para(f"• {reason}", SMALL) for reason in section.reasons]
    if not section.answers:
        return head
    rows: list[list[Any]] = [
        [
            para("Question", CELL_BOLD),
            para("Rating", CELL_BOLD),
            para("Comment and evidence", CELL_BOLD),
        ]
    ]
    rows += [_answer_cells(answer) for answer in section.answers]
    table = Table(rows, colWidths=[FRAME_WIDTH * f for f in (0.42, 0.17, 0.41)], repeatRows=1)
    table.setStyle(grid_style(rows=len(rows), zebra=False))
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [KeepTogether([*head, Spacer(1, 1 * mm)]), table]


def _answer_cells(answer: ReportAnswer) -> list[Any]:
    question: list[Flowable] = [para(answer.prompt, CELL)]
    if answer.where:
        question.append(para(answer.where, NOTE))
    words: list[Flowable] = []
    if answer.comment:
        words.append(para(answer.comment, CELL))
    if answer.evidence:
        words.append(Paragraph(f"<i>Evidence:</i> {markup(answer.evidence)}", CELL))
    if not words:
        words.append(para("–", NOTE))
    rating = answer.rating if answer.rated else "Written answer"
    return [question, para(rating, CELL_BOLD if answer.rated else NOTE), words]


def _actions(report: AuditReport) -> list[Flowable]:
    story: list[Flowable] = [Heading("Actions", H2, key="actions", level=1)]
    if not report.actions:
        return [*story, para("No actions have been recorded for this audit.", BODY)]
    rows: list[list[Any]] = [
        [para(text, CELL_BOLD) for text in ("Finding and action", "Owner", "Due", "Status")]
    ]
    for action in report.actions:
        status = action.status + (" (overdue)" if action.overdue else "")
        rows.append(
            [
                [para(action.finding, CELL), para(f"Action: {action.action}", CELL)],
                para(f"{action.owner} ({action.owner_agency})", CELL),
                para(long_date(action.due_date), CELL),
                para(status, CELL_BOLD if action.overdue else CELL),
            ]
        )
    table = Table(rows, colWidths=[FRAME_WIDTH * f for f in (0.5, 0.2, 0.15, 0.15)], repeatRows=1)
    table.setStyle(grid_style(rows=len(rows), zebra=False))
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [*story, table]


def _moderation(report: AuditReport) -> list[Flowable]:
    story: list[Flowable] = [Heading("Moderation", H2, key="moderation", level=1)]
    moderation = report.moderation
    if moderation is None:
        return [*story, para("This audit has not been drawn for moderation.")]
    agreed = f", agreed on {long_date(moderation.agreed_on)}" if moderation.agreed_on else ""
    story.append(para(f"{moderation.status}{agreed}. Second marker: {moderation.second_marker}."))
    rows: list[list[Any]] = [
        [para(text, CELL_BOLD) for text in ("Grade for", "First marker", "Second marker", "Agreed")]
    ]
    rows += [[para(g.scope, CELL), g.first, g.second, g.agreed] for g in moderation.grades]
    table = Table(rows, colWidths=[FRAME_WIDTH * f for f in (0.4, 0.2, 0.2, 0.2)], repeatRows=1)
    table.setStyle(grid_style(rows=len(rows)))
    table.setStyle([("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black)])
    story.append(table)
    if moderation.notes:
        story.append(para(f"Notes: {moderation.notes}", SMALL))
    return story
