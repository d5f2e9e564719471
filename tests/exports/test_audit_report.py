"""The single-audit report: everything about one audit, for the caseworker or setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from auditdesk.errors import InvalidInput, NotFound
from auditdesk.services.context import ServiceContext
from auditdesk.services.exports import export_audit_report
from tests.exports.conftest import FORMULAS, PLANTED_CHILDREN, Planted, sql


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
    assert "Overall: the" in text  # the overall grade's reasons
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
