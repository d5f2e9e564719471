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
from auditdesk.domain.wording import date_text
from auditdesk.exporters.pack_document import FRAME_WIDTH, Furniture, Heading, PackDocument
from auditdesk.exporters.pack_styles import (
    BIG_NUMBER,
    BODY,
    BOLD,
    CELL,
    CELL_BOLD,
    H1,
    H2,
    INK,
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
WARNING = BODY.clone("warning", textColor=INK, spaceAfter=3)
WARNING_FILL = colors.HexColor("#FFF4D6")  # a pale amber: stands out, prints legibly
WARNING_EDGE = colors.HexColor("#B8860B")
# The grade so far is bold but in ink, not the large blue figure of a final grade.
SO_FAR = BODY.clone("so_far", fontName=BOLD, fontSize=12, leading=16, spaceAfter=4)


def write_audit_report(target: Path, report: AuditReport) -> int:
    """Write the report to ``target``; returns its number of pages."""
    register_fonts()
    produced = report.generated_at.astimezone()
    # A printed page of a draft must say so on its own, away from the first page's warning.
    marked = f"{_state(report).upper()} " if report.provisional else ""
    furniture = Furniture(
        title=f"{marked}Audit {report.reference}: {report.template_title}",
        subject=f"{report.kind} {report.reference}",
        author=report.generated_by,
        running_head=f"{marked}Audit {report.reference} · {report.template_title}",
        footer=f"Produced {date_text(produced.date())} by {report.generated_by} with AuditDesk",
        watermark=_state(report).upper() if report.provisional else "",
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
        *_warning(report),
        *_judgement(report),
    ]
    unanswered = dict(report.unfinished.sections) if report.unfinished else {}
    for number, section in enumerate(report.sections):
        state = _state(report).lower() if report.provisional else None
        story += _section(section, f"section-{number}", state, unanswered.get(section.title, 0))
    # The closing blocks are each kept whole, moved to the next page if need be: a table
    # split at a page's foot could leave a page holding only "Signed off: Not yet".
    # (A block longer than a page, a long list of actions, still flows on.)
    story += [
        KeepTogether(_actions(report)),
        KeepTogether(_moderation(report)),
        KeepTogether([Heading("Sign-off", H2, key="sign-off", level=1), _facts(report.sign_off)]),
    ]
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


def _state(report: AuditReport) -> str:
    return "Draft" if report.draft else "Incomplete"


def _questions(number: int) -> str:
    return f"{number:,} required question{'' if number == 1 else 's'}"


def _warning(report: AuditReport) -> list[Flowable]:
    """The first thing a reader meets in a draft: it is not final, and what is missing."""
    if not report.provisional:
        return []
    unfinished = report.unfinished
    lines = [
        Paragraph(
            f"<b>{_state(report).upper()}: this audit is not finished.</b> Its grades are "
            "worked out from the answers so far and will change as the audit is completed; "
            "they are not a final judgement.",
            WARNING,
        )
    ]
    if unfinished is not None and unfinished.unanswered:
        where = "; ".join(f"{title} ({number:,})" for title, number in unfinished.sections)
        lines.append(
            para(
                f"{unfinished.unanswered:,} of {_questions(unfinished.required)} are not "
                f"answered yet: {where}.",
                WARNING,
            )
        )
    if unfinished is not None and unfinished.other:
        lines.append(para("Also still to do before it can be completed:", WARNING))
        lines += [para(f"• {item}", WARNING) for item in unfinished.other]
    box = Table([[lines]], colWidths=[FRAME_WIDTH])
    box.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), WARNING_FILL),
            ("BOX", (0, 0), (-1, -1), 1, WARNING_EDGE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
    )
    return [Spacer(1, 3 * mm), box]


def _judgement(report: AuditReport) -> list[Flowable]:
    if report.provisional:
        return _provisional_judgement(report)
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


def _provisional_judgement(report: AuditReport) -> list[Flowable]:
    """The grade so far, never headlined as if it were the final one."""
    unfinished = report.unfinished
    grade = report.override_grade or report.suggested_grade
    state = _state(report).lower()
    so_far = f"{grade} ({state})" if grade else "none yet"
    if unfinished is not None and unfinished.unanswered:
        headline = (
            f"Grade so far, with {unfinished.unanswered:,} of "
            f"{_questions(unfinished.required)} unanswered: {so_far}"
        )
    else:
        headline = f"Grade so far: {so_far}"
    lines = [
        f"Suggested from the answers so far: {report.suggested_grade or 'none yet'}.",
    ]
    if report.override_grade:
        lines.append(
            f"Changed by the auditor to {report.override_grade} because: "
            f"{report.override_reason or 'no reason recorded'}."
        )
    lines.append("The grade becomes final when the audit is completed.")
    story: list[Flowable] = [
        Heading("Overall grade so far", H2, key="overall", level=1),
        para(headline, SO_FAR),
        *[para(line) for line in lines],
    ]
    story += [para(f"• {reason}", SMALL) for reason in report.overall_reasons]
    return story


def _section(
    section: ReportSection, key: str, state: str | None = None, unanswered: int = 0
) -> list[Flowable]:
    """``state`` ("draft") when the audit is unfinished: its grades are only so far."""
    grade = f"Section grade: {section.grade}"
    if state is not None:
        missing = f", {unanswered:,} unanswered" if unanswered else ""
        grade = f"Section grade so far: {section.grade} ({state}{missing})"
    head: list[Flowable] = [
        Heading(section.title, H2, key=key, level=1),
        para(grade, CELL_BOLD),
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
                para(date_text(action.due_date), CELL),
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
    agreed = f", agreed on {date_text(moderation.agreed_on)}" if moderation.agreed_on else ""
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
