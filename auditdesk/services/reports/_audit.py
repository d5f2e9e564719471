"""One audit gathered for its report: subject, every answer in reading order, grades with
their reasons, actions, moderation outcome and sign-off."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.audit_report import (
    AuditReport,
    Fact,
    ReportAction,
    ReportAnswer,
    ReportModeration,
    ReportModerationGrade,
    ReportSection,
    Unfinished,
)
from auditdesk.domain.completion import missing_for_completion
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.grading import SectionResult
from auditdesk.domain.reference import AuditStatus, year_group_label
from auditdesk.domain.template_index import block_path
from auditdesk.domain.wording import date_text
from auditdesk.errors import NotFound
from auditdesk.services.audits._detail import detail_of
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.store.models import Audit, Auditor, Moderation, ModerationGrade

MODERATION_STATUS = {
    "drawn": "Drawn for moderation",
    "assigned": "With the second marker",
    "submitted": "Second marking submitted",
    "agreed": "Agreed",
}
#: Completion's words for an answer not given yet (counted, not listed, in the report).
UNANSWERED = ("not rated yet", "not written yet")


def find_audit_uuid(session: Session, wanted: str) -> str:
    """An audit by its reference (any case, e.g. ad-7k3p9q) or its uuid."""
    text = wanted.strip()
    found = session.scalar(
        select(Audit.uuid).where(
            or_(func.upper(Audit.reference) == text.upper(), Audit.uuid == text.lower())
        )
    )
    if found is None:
        raise NotFound(
            f"There is no audit '{text}' in this database. Give its reference (such as "
            "AD-7K3P9Q, shown in the audit list) or its id."
        )
    return found


def build_audit_report(
    session: Session,
    audit_uuid: str,
    *,
    today: date,
    generated_at: datetime,
    generated_by: str,
) -> AuditReport:
    detail = detail_of(session, audit_uuid, today=today)
    template = detail.index.template
    return AuditReport(
        reference=detail.reference,
        template_title=template.title,
        template_version=template.version,
        kind=template.kind.label,
        status=detail.status.label,
        subject=_subject(detail),
        team=tuple(f"{m.auditor.name} ({m.agency.label})" for m in detail.team),
        sections=_sections(detail),
        suggested_grade=_grade(detail.suggested_grade),
        override_grade=_grade(detail.override_grade),
        override_reason=detail.override_reason or "",
        final_grade=_grade(detail.final_grade) or "Not graded yet",
        overall_reasons=detail.grading.overall_reasons,
        actions=tuple(
            ReportAction(
                a.finding,
                a.action,
                a.owner_agency.label,
                a.owner,
                a.due_date,
                a.status.label,
                a.overdue,
                a.re_audit_date,
            )
            for a in detail.actions
        ),
        moderation=_moderation(session, detail),
        sign_off=_sign_off(detail),
        generated_at=generated_at,
        generated_by=generated_by,
        draft=detail.status is AuditStatus.DRAFT,
        unfinished=_unfinished(detail),
    )


def _unfinished(detail: AuditDetail) -> Unfinished | None:
    """What completion still needs (``None`` when nothing): required questions with no
    answer, counted by top-level section, and anything else in words."""
    index = detail.index
    required = 0
    by_section: dict[str, int] = defaultdict(int)
    for slot in index.slots(detail.blocks, detail.context):
        if not slot.applies or not slot.question.required:
            continue
        required += 1
        record = detail.answers.get(slot.key)
        answered = record is not None and (
            record.rating is not None if slot.question.is_rated else bool(record.comment.strip())
        )
        if not answered:
            by_section[index.top_section(slot.section.id).title] += 1
    states = {key: record.state for key, record in detail.answers.items()}
    other = tuple(
        f"{item.section_title}: {item.question_prompt} ({item.problem})"
        for item in missing_for_completion(index, detail.blocks, detail.context, states)
        if item.problem not in UNANSWERED
    )
    if not by_section and not other:
        return None
    order = [section.title for section in index.template.sections]
    sections = tuple(sorted(by_section.items(), key=lambda item: order.index(item[0])))
    return Unfinished(sum(by_section.values()), required, sections, other)


def _subject(detail: AuditDetail) -> tuple[Fact, ...]:
    facts = [Fact("Audit date", date_text(detail.audit_date))]
    if detail.child_reference:
        facts.append(Fact("Child (reference)", detail.child_reference))
    if detail.year_group is not None:
        facts.append(Fact("Year group", year_group_label(detail.year_group)))
    if detail.phase:
        facts.append(Fact("Phase", detail.phase.label))
    if detail.primary_need:
        facts.append(Fact("Primary need", f"{detail.primary_need.label} ({detail.primary_need})"))
    if detail.plan_stage:
        facts.append(Fact("Plan stage", detail.plan_stage.label))
    if detail.setting:
        setting = detail.setting
        urn = f", URN {setting.urn}" if setting.urn else ""
        facts.append(Fact("Setting", f"{setting.name} ({setting.setting_type.label}{urn})"))
    if detail.locality:
        facts.append(Fact("Locality", detail.locality))
    return tuple(facts)


def _sections(detail: AuditDetail) -> tuple[ReportSection, ...]:
    index = detail.index
    blocks = {block.id: block for block in detail.blocks}
    answers: dict[str, list[ReportAnswer]] = defaultdict(list)
    for slot in index.slots(detail.blocks, detail.context):
        if not slot.applies:
            continue
        top = index.top_section(slot.section.id)
        record = detail.answers.get(slot.key)
        where = []
        if slot.section.id != top.id:
            where.append(slot.section.title)
        if slot.block is not None:
            where.append(block_path(slot.block, blocks))
        rating = ""
        if slot.question.is_rated:
            code = record.rating if record else None
            scale = index.scale_for(slot.question)
            option = scale.option(code) if scale and code else None
            rating = "N/A" if code == NOT_APPLICABLE else option.label if option else "Not answered"
        answers[top.id].append(
            ReportAnswer(
                slot.question.id,
                slot.question.prompt,
                " › ".join(where),
                rating,
                record.comment if record else "",
                record.evidence if record else "",
                slot.question.is_rated,
            )
        )
    results = {result.section_id: result for result in detail.grading.sections}
    sections = []
    for top in index.template.sections:
        result = results.get(top.id)
        nested = [
            r
            for r in detail.grading.sections
            if r.section_id != top.id and index.top_section(r.section_id).id == top.id
        ]
        sections.append(
            ReportSection(
                title=top.title,
                grade=_section_grade(result, graded=top.graded),
                reasons=(*(result.reasons if result else ()), *_reasons(nested)),
                answers=tuple(answers.get(top.id, ())),
            )
        )
    return tuple(section for section in sections if section.answers or section.reasons)


def _section_grade(result: SectionResult | None, *, graded: bool) -> str:
    if not graded:
        return "Not graded (written answers)"
    if result is None or result.grade is None:
        return "No grade"
    return result.grade.label


def _reasons(results: list[SectionResult]) -> tuple[str, ...]:
    return tuple(reason for result in results for reason in result.reasons)


def _moderation(session: Session, detail: AuditDetail) -> ReportModeration | None:
    row = session.execute(
        select(Moderation, Auditor.name)
        .outerjoin(Auditor, Auditor.id == Moderation.second_marker_id)
        .join(Audit, Audit.id == Moderation.audit_id)
        .where(Audit.uuid == detail.uuid)
        .order_by(Moderation.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    moderation, marker = row
    titles = {section.id: section.title for section in detail.index.template.all_sections()}
    grades = session.scalars(
        select(ModerationGrade).where(ModerationGrade.moderation_id == moderation.id)
    ).all()
    ordered = sorted(
        grades,
        key=lambda g: (
            g.scope != "overall",
            list(titles).index(g.scope) if g.scope in titles else 0,
        ),
    )
    return ReportModeration(
        status=MODERATION_STATUS.get(moderation.status, moderation.status),
        second_marker=marker or "Not yet assigned",
        grades=tuple(
            ReportModerationGrade(
                "Overall" if g.scope == "overall" else titles.get(g.scope, g.scope),
                _grade_code(g.first_grade),
                _grade_code(g.second_grade),
                _grade_code(g.agreed_grade),
            )
            for g in ordered
        ),
        notes=moderation.notes,
        agreed_on=moderation.agreed_at.astimezone().date() if moderation.agreed_at else None,
    )


def _sign_off(detail: AuditDetail) -> tuple[Fact, ...]:
    facts = [Fact("Status", detail.status.label)]
    if detail.completed_at:
        facts.append(Fact("Completed", date_text(detail.completed_at.astimezone().date())))
    if detail.signed_off_at:
        who = f" by {detail.signed_off_by}" if detail.signed_off_by else ""
        facts.append(
            Fact("Signed off", f"{date_text(detail.signed_off_at.astimezone().date())}{who}")
        )
    else:
        facts.append(Fact("Signed off", "Not yet"))
    return tuple(facts)


def _grade(grade: Grade | None) -> str:
    return grade.label if grade else ""


def _grade_code(code: str | None) -> str:
    return Grade(code).label if code else "–"
