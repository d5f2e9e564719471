"""The single-audit report: everything about one audit, for the caseworker or setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from auditdesk.domain.audit_report import (
    AuditReport,
    Fact,
    ReportAnswer,
    ReportModeration,
    ReportModerationGrade,
    ReportSection,
)
from auditdesk.errors import CompletionRefused, InvalidInput, NotFound
from auditdesk.exporters.audit_report import write_audit_report
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_audit_report
from tests.conftest import FIXED_NOW, plan_subject
from tests.exports.conftest import FORMULAS, PLANTED_CHILDREN, Planted, sql
from tests.services.helpers import option_with_points


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_report_holds_subject_answers_grades_actions_and_sign_off(
    planted: Planted, tmp_path: Path
) -> None:
    reference = planted.audit_references[0]
    target = tmp_path / "audit.pdf"
    result = export_audit_report(planted.ctx, reference.lower(), target)
    assert result.files == (target,)
    reader = PdfReader(target)
    assert len(reader.pages) == result.pages
    assert reader.metadata is not None
    assert reader.metadata.title == f"Audit {reference}: EHCP multi-agency quality audit"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    text = _text(target)
    assert f"Audit {reference}" in text
    assert PLANTED_CHILDREN[0] in text  # for the caseworker, the child is named by reference
    assert "Social, emotional and mental health (SEMH)" in text
    assert "Audited by Sam Practice (Education)" in text
    assert f"Page 1 of {result.pages}" in text
    # Every answered question, with its rating and comment.
    prompts = sql(
        planted.path,
        "SELECT count(*) FROM answers a JOIN audits u ON u.id = a.audit_id WHERE u.reference = ?",
        reference,
    )[0][0]
    assert text.count(FORMULAS[0]) >= prompts - 1  # the planted comment on (nearly) every answer
    assert "Requires improvement" in text
    assert "Suggested from the answers:" in text
    assert "Overall: Requires improvement" in text  # the overall grade's reasons
    assert "Section A: views, interests and aspirations" in text
    assert "(overdue)" in text  # the planted action was due on 1 October 2026
    assert "This audit has not been drawn for moderation." in text
    assert "Signed off Not yet" in text


def test_a_moderated_demo_audit_shows_the_moderation_outcome(
    demo_ctx: ServiceContext, demo_path: Path, tmp_path: Path
) -> None:
    (reference, agreed), *_ = sql(
        demo_path,
        "SELECT a.reference, m.agreed_grade FROM audits a JOIN moderations m "
        "ON m.audit_id = a.id WHERE m.status = 'agreed' ORDER BY a.reference",
    )
    target = tmp_path / "moderated.pdf"
    export_audit_report(demo_ctx, reference, target)
    text = _text(target)
    assert "Agreed, agreed on" in text
    assert "Grade for First marker Second marker Agreed" in text
    assert agreed.replace("_", " ").capitalize() in text


def test_unknown_audits_and_wrong_file_types_get_clear_messages(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(NotFound, match="There is no audit 'AD-ZZZZZZ'"):
        export_audit_report(demo_ctx, "AD-ZZZZZZ", tmp_path / "x.pdf")
    with pytest.raises(InvalidInput, match=r"\.pdf file"):
        export_audit_report(demo_ctx, "AD-ZZZZZZ", tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_draft_report_says_it_is_a_draft_and_what_is_missing(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    slots = [s for s in detail.index.slots(detail.blocks, detail.context) if s.applies]
    required = [s for s in slots if s.question.required]
    answered = [s for s in required if s.question.is_rated][:7]
    for slot in answered:
        audits.record_answer(
            ctx, detail.uuid, slot.question.id, rating=option_with_points(detail, slot, 3)
        )
    with pytest.raises(CompletionRefused) as refused:  # what completing would say is missing
        audit_lifecycle.complete_audit(ctx, detail.uuid)
    missing = [m for m in refused.value.missing if m.question_id]
    assert len(missing) == len(required) - len(answered)  # nothing answered but those
    target = tmp_path / "draft.pdf"
    export_audit_report(ctx, detail.reference, target)
    reader = PdfReader(target)
    text = _text(target)

    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "DRAFT: this audit is not finished." in first_page
    assert "they are not a final judgement" in first_page
    assert (
        f"{len(missing)} of {len(required)} required questions are not answered yet: " in first_page
    )
    # Which sections, with how many each, in the template's order.
    tops = [detail.index.top_section(m.section_id).title for m in missing]
    counted = "; ".join(f"{title} ({tops.count(title)})" for title in dict.fromkeys(tops))
    assert counted in first_page
    assert (
        f"Grade so far, with {len(missing)} of {len(required)} required questions "
        "unanswered: Good (draft)" in first_page
    )
    assert "Overall grade Good" not in text  # never headlined as the final grade
    assert "Section grade so far:" in text
    assert "Section grade:" not in text
    # Every page, printed alone, still says it is a draft.
    for page in reader.pages:
        assert page.extract_text().lstrip().startswith("DRAFT Audit")
    assert reader.metadata is not None
    assert reader.metadata.title.startswith("DRAFT Audit")


def test_a_completed_report_reads_as_final(planted: Planted, tmp_path: Path) -> None:
    target = tmp_path / "final.pdf"
    export_audit_report(planted.ctx, planted.audit_references[0], target)
    text = _text(target)
    assert "Overall grade Requires improvement Suggested from the answers:" in text
    assert "DRAFT" not in text
    assert "so far" not in text


def _report_of(answers: int, *, moderation: ReportModeration | None) -> AuditReport:
    """A finished audit whose one section holds ``answers`` answers: as they grow by one,
    the closing blocks reach every place on a page, its foot included."""
    section = ReportSection(
        "Section F: provision",
        "Good",
        ("Provision is specific and quantified.",),
        tuple(
            ReportAnswer(f"q{number}", f"Question {number}", "", "Good", "Seen.", "", True)
            for number in range(answers)
        ),
    )
    return AuditReport(
        reference="AD-7KQ2XM",
        template_title="EHCP multi-agency quality audit",
        template_version=1,
        kind="EHCP audit",
        status="Completed",
        subject=(Fact("Child", "CE-10101"),),
        team=("Sam Practice (Education)",),
        sections=(section,),
        suggested_grade="Good",
        override_grade="",
        override_reason="",
        final_grade="Good",
        overall_reasons=(),
        actions=(),
        moderation=moderation,
        sign_off=(
            Fact("Status", "Completed"),
            Fact("Completed", "20 November 2026"),
            Fact("Signed off", "Not yet"),
        ),
        generated_at=FIXED_NOW,
        generated_by="Sam Practice",
    )


@pytest.mark.parametrize("moderated", [False, True], ids=["not moderated", "moderated"])
def test_closing_blocks_are_never_split_across_pages(tmp_path: Path, moderated: bool) -> None:
    """A page holding only "Signed off: Not yet" (the foot of a split table) reads as a
    page of nothing: each closing block moves whole to the next page instead."""
    moderation = (
        ReportModeration(
            "Agreed",
            "Morgan Health",
            (ReportModerationGrade("Overall", "Good", "Requires improvement", "Good"),),
            "Panel view.",
            None,
        )
        if moderated
        else None
    )
    blocks = {
        "Actions": ("No actions have been recorded for this audit.",),
        "Moderation": (
            ("Agreed. Second marker: Morgan Health.", "Grade for", "Panel view.")
            if moderated
            else ("This audit has not been drawn for moderation.",)
        ),
        "Sign-off": ("Status Completed", "Completed 20 November 2026", "Signed off Not yet"),
    }
    split: list[str] = []
    for answers in range(1, 70):
        target = tmp_path / f"{answers}.pdf"
        write_audit_report(target, _report_of(answers, moderation=moderation))
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(target).pages]
        for heading, lines in blocks.items():
            where = {next(n for n, text in enumerate(pages) if line in text) for line in lines}
            starts = max(n for n, text in enumerate(pages) if f"{heading} " in text)
            if where != {starts}:
                split.append(f"{answers} answers: {heading} starts on page {starts + 1}")
    assert split == []
