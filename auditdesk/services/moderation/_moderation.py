"""Moderation: a quality lead draws a sample, second markers rate blind, then both sides
are reconciled and the agreed grades recorded."""

from __future__ import annotations

import json
import math
import random
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from auditdesk.domain import limits, validation
from auditdesk.domain.completion import AnswerState, missing_for_completion
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.grading import GradingResult, grade_audit
from auditdesk.domain.record_documents import (
    document_hash,
    moderation_document,
    sample_document,
)
from auditdesk.domain.reference import (
    Agency,
    AuditStatus,
    PlanStage,
    PrimaryNeed,
    year_group_label,
)
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_model import RatingScale
from auditdesk.domain.wording import date_text
from auditdesk.errors import CompletionRefused, InvalidInput, NotAllowed, NotFound
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import auditor_by_uuid
from auditdesk.store.models import (
    Audit,
    AuditAuditor,
    AuditBlock,
    Auditor,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
    Plan,
    Setting,
    TemplateVersion,
)

OVERALL = "overall"
AnswerKey = tuple[str, str | None]


@dataclass(frozen=True)
class ModerationRow:
    uuid: str
    audit_uuid: str
    audit_reference: str
    template_title: str
    first_grade: Grade | None
    second_marker: str | None
    status: str
    second_grade: Grade | None
    agreed_grade: Grade | None


@dataclass(frozen=True)
class SampleResult:
    uuid: str
    name: str
    percentage: float
    eligible: int
    drawn: tuple[ModerationRow, ...]
    strata: tuple[tuple[str, str, int, int], ...]  # template, grade, eligible, drawn


@dataclass(frozen=True)
class BlindAudit:
    """What a second marker sees: the structure and subject, never the first marker's
    ratings, comments, evidence or grades."""

    moderation_uuid: str
    audit_reference: str
    index: TemplateIndex
    blocks: tuple[Block, ...]
    year_group: int | None
    plan_stage: str | None
    ratings: dict[AnswerKey, str]
    comments: dict[AnswerKey, str]
    status: str
    # Which plan to read: the marker finds it in the case record by these.
    template_title: str = ""
    child_reference: str | None = None
    primary_need: PrimaryNeed | None = None
    setting_name: str | None = None
    plan_issue_date: date | None = None
    audit_date: date | None = None

    def plan_to_read(self) -> str:
        """One line naming the plan, in the words a caseworker would search by."""
        parts = []
        if self.child_reference:
            parts.append(f"Child {self.child_reference}")
        if self.year_group is not None:
            parts.append(year_group_label(self.year_group))
        if self.primary_need is not None:
            parts.append(f"primary need {self.primary_need.label}")
        if self.setting_name:
            parts.append(f"at {self.setting_name}")
        if self.plan_stage:
            parts.append(PlanStage(self.plan_stage).label.lower())
        if self.plan_issue_date is not None:
            parts.append(f"plan dated {date_text(self.plan_issue_date)}")
        return ", ".join(parts) or "No plan details recorded"


@dataclass(frozen=True)
class ReconciliationLine:
    section_id: str
    section_title: str
    question_id: str
    prompt: str
    block_id: str | None
    block_label: str | None
    first: str | None
    second: str | None
    first_label: str
    second_label: str
    first_points: int | None  # None: N/A, not rated, or recorded only
    second_points: int | None

    @property
    def differs(self) -> bool:
        return self.first != self.second


@dataclass(frozen=True)
class ScopeGrades:
    scope: str
    title: str
    first: Grade | None
    second: Grade | None
    agreed: Grade | None


@dataclass(frozen=True)
class Reconciliation:
    moderation_uuid: str
    audit_uuid: str
    audit_reference: str
    lines: tuple[ReconciliationLine, ...]
    grades: tuple[ScopeGrades, ...]
    notes: str
    status: str


def draw_sample(
    ctx: ServiceContext,
    *,
    percentage: float,
    period_from: date | None = None,
    period_to: date | None = None,
    template_ids: tuple[str, ...] = (),
    seed: int | None = None,
    name: str | None = None,
) -> SampleResult:
    """Draw a stratified sample of completed audits for second marking.

    Strata are template x final grade, so every template and every grade is seen. Each
    stratum gives ``percentage`` of its audits, rounded up, so no stratum with audits in it
    is left out. Audits already drawn in an earlier sample are not drawn again.

    ``seed`` (for a draw that can be repeated) is a whole number from 0 to 2**31 - 1; without
    one, a random seed in that range is drawn.
    """
    if not 0 < percentage <= 100:
        raise InvalidInput("Give the sample size as a percentage between 1 and 100.")
    validation.day_within(period_from, "the first day of the period")
    validation.day_within(period_to, "the last day of the period")
    percentage = float(percentage)  # stored as a float; hash what is stored
    seed = _seed(seed)
    named = (
        validation.required_text(name, "the sample's name", max_length=limits.SAMPLE_NAME)
        if name and name.strip()
        else None
    )
    with ctx.db.write() as session:
        already = select(Moderation.audit_id)
        query = select(Audit.id, Audit.template_id, Audit.final_grade).where(
            Audit.status == AuditStatus.COMPLETED.value, Audit.id.not_in(already)
        )
        if period_from:
            query = query.where(Audit.audit_date >= period_from)
        if period_to:
            query = query.where(Audit.audit_date <= period_to)
        if template_ids:
            query = query.where(Audit.template_id.in_(template_ids))
        strata: dict[tuple[str, str], list[int]] = defaultdict(list)
        for audit_id, template_id, grade in session.execute(query.order_by(Audit.id)):
            strata[(template_id, grade or "ungraded")].append(audit_id)
        if not strata:
            raise InvalidInput(
                "No completed audits are waiting for moderation in that period; "
                "widen the period or complete some audits first."
            )
        rng = random.Random(seed)
        chosen: list[int] = []
        summary: list[tuple[str, str, int, int]] = []
        for (template_id, grade), ids in sorted(strata.items()):
            take = min(len(ids), max(1, math.ceil(len(ids) * percentage / 100)))
            chosen += rng.sample(ids, take)
            summary.append((template_id, grade, len(ids), take))
        sample = ModerationSample(
            uuid=str(uuid.uuid4()),
            name=named or f"Moderation sample {date_text(ctx.today())}",
            percentage=percentage,
            period_from=period_from,
            period_to=period_to,
            strata=json.dumps(
                {"by": ["template", "final grade"], "strata": summary}, sort_keys=True
            ),
            seed=seed,
            author=ctx.actor.name,
            device=ctx.device,
        )
        sample.content_hash = document_hash(
            sample_document(
                sample.uuid,
                sample.name,
                percentage=sample.percentage,
                period_from=period_from,
                period_to=period_to,
                strata=sample.strata,
                seed=seed,
            )
        )
        session.add(sample)
        session.flush()
        for audit_id in sorted(chosen):
            audit = session.get_one(Audit, audit_id)
            moderation = Moderation(
                uuid=str(uuid.uuid4()),
                audit_id=audit_id,
                sample_id=sample.id,
                audit_revision=audit.revision,
                audit_hash=audit.content_hash,
                assigned_by=ctx.actor.name,
                status="drawn",
                author=ctx.actor.name,
                device=ctx.device,
            )
            session.add(moderation)
            session.flush()
            _rehash(session, moderation)
            audit_state.add_trail(
                session,
                ctx,
                audit_uuid=audit.uuid,
                record_type="moderation",
                record_uuid=moderation.uuid,
                field="drawn for moderation",
                new=sample.name,
            )
        rows = _rows(session, select(Moderation).where(Moderation.sample_id == sample.id))
        eligible = sum(len(ids) for ids in strata.values())
        return SampleResult(
            sample.uuid, sample.name, percentage, eligible, tuple(rows), tuple(summary)
        )


def list_moderations(ctx: ServiceContext, sample_uuid: str | None = None) -> list[ModerationRow]:
    with ctx.db.read() as session:
        query = select(Moderation)
        if sample_uuid:
            query = query.join(ModerationSample).where(ModerationSample.uuid == sample_uuid)
        return _rows(session, query)


@dataclass(frozen=True)
class MarkerChoice:
    """Someone who could second-mark a batch of drawn audits, and the references of the
    audits in it they worked on (a second marker must be independent of the audit)."""

    uuid: str
    name: str
    agency: Agency
    worked_on: tuple[str, ...]

    @property
    def can_mark_all(self) -> bool:
        return not self.worked_on


def second_marker_choices(
    ctx: ServiceContext, moderation_uuids: Sequence[str]
) -> list[MarkerChoice]:
    """Everyone in the database, by name, each with the chosen audits they worked on."""
    with ctx.db.read() as session:
        audit_ids = {_moderation(session, uuid_).audit_id for uuid_ in moderation_uuids}
        references = _references(session, audit_ids)
        worked_on: dict[int, set[str]] = defaultdict(set)
        for audit_id, auditor_id in session.execute(
            select(AuditAuditor.audit_id, AuditAuditor.auditor_id).where(
                AuditAuditor.audit_id.in_(audit_ids)
            )
        ):
            worked_on[auditor_id].add(references[audit_id])
        return [
            MarkerChoice(
                person.uuid, person.name, Agency(person.agency), tuple(sorted(worked_on[person.id]))
            )
            for person in session.scalars(select(Auditor).order_by(Auditor.name))
        ]


def assign_second_marker(
    ctx: ServiceContext, moderation_uuid: str, auditor_uuid: str
) -> ModerationRow:
    """Give a drawn audit to a second marker, who must not have been on its team."""
    return assign_second_marker_to(ctx, (moderation_uuid,), auditor_uuid)[0]


def assign_second_marker_to(
    ctx: ServiceContext, moderation_uuids: Sequence[str], auditor_uuid: str
) -> tuple[ModerationRow, ...]:
    """Give every one of these drawn audits to one second marker, or none of them.

    One decision, one transaction: if the person worked on any of the audits, or any has
    its second marking submitted already, nothing changes and the refusal names every
    such audit and why, so the lead can choose someone else or leave those out.
    """
    wanted = list(dict.fromkeys(moderation_uuids))
    if not wanted:
        raise InvalidInput("Choose the audits to give a second marker first.")
    with ctx.db.write() as session:
        auditor = auditor_by_uuid(session, auditor_uuid)
        moderations = [_moderation(session, uuid_) for uuid_ in wanted]
        audit_ids = {moderation.audit_id for moderation in moderations}
        references = _references(session, audit_ids)
        theirs = set(
            session.scalars(
                select(AuditAuditor.audit_id).where(
                    AuditAuditor.auditor_id == auditor.id, AuditAuditor.audit_id.in_(audit_ids)
                )
            )
        )
        worked_on = sorted(references[m.audit_id] for m in moderations if m.audit_id in theirs)
        submitted = sorted(
            references[m.audit_id] for m in moderations if m.status not in ("drawn", "assigned")
        )
        if worked_on or submitted:
            raise InvalidInput(_refusal(auditor.name, len(moderations), worked_on, submitted))
        for moderation in moderations:
            if moderation.second_marker_id == auditor.id:
                continue  # already theirs: nothing to record
            moderation.second_marker_id = auditor.id
            moderation.status = "assigned"
            _touch(session, ctx, moderation, "second marker", auditor.name)
        session.flush()
        ids = [moderation.id for moderation in moderations]
        rows = {
            row.uuid: row
            for row in _rows(session, select(Moderation).where(Moderation.id.in_(ids)))
        }
        return tuple(rows[uuid_] for uuid_ in wanted)


def _refusal(name: str, chosen: int, worked_on: list[str], submitted: list[str]) -> str:
    """Why nothing was assigned, naming every audit in the way."""
    said = []
    if chosen > 1:
        said.append("Nothing was assigned.")
    if worked_on:
        which = "it" if len(worked_on) == 1 else "them"
        said.append(f"{name} worked on {_listed(worked_on)}, so cannot second-mark {which}.")
    if submitted:
        whose = "its" if len(submitted) == 1 else "their"
        said.append(
            f"Second marking of {_listed(submitted)} is already submitted, so {whose} "
            "second marker cannot change."
        )
    if chosen == 1:
        said.append("Choose someone independent of it." if worked_on else "")
    elif worked_on:
        said.append(
            "Choose someone who worked on none of the chosen audits, or leave "
            f"{'that one' if len(worked_on) + len(submitted) == 1 else 'those'} out."
        )
    else:
        said.append(f"Leave {'that one' if len(submitted) == 1 else 'those'} out.")
    return " ".join(part for part in said if part)


def _listed(references: Sequence[str]) -> str:
    """Audits by reference: "audit CE-1", "audits CE-1, CE-2 and CE-3"."""
    if len(references) == 1:
        return f"audit {references[0]}"
    return "audits " + ", ".join(references[:-1]) + f" and {references[-1]}"


def _references(session: Session, audit_ids: set[int]) -> dict[int, str]:
    found = session.execute(select(Audit.id, Audit.reference).where(Audit.id.in_(audit_ids)))
    return {row.id: row.reference for row in found}


def blind_view(ctx: ServiceContext, moderation_uuid: str) -> BlindAudit:
    with ctx.db.read() as session:
        moderation = _moderation(session, moderation_uuid)
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        ratings, comments = _second_ratings(session, moderation, loaded)
        child = session.get(Child, audit.child_id) if audit.child_id else None
        plan = session.get(Plan, audit.plan_id) if audit.plan_id else None
        setting_id = audit.setting_id or (plan.setting_id if plan else None)
        setting = session.get(Setting, setting_id) if setting_id else None
        return BlindAudit(
            moderation_uuid,
            audit.reference,
            loaded.index,
            tuple(loaded.blocks),
            audit.year_group,
            audit.plan_stage,
            ratings,
            comments,
            moderation.status,
            template_title=loaded.version.title,
            child_reference=child.reference if child else None,
            primary_need=PrimaryNeed(audit.primary_need) if audit.primary_need else None,
            setting_name=setting.name if setting else None,
            plan_issue_date=plan.issue_date if plan else None,
            audit_date=audit.audit_date,
        )


def record_second_rating(
    ctx: ServiceContext,
    moderation_uuid: str,
    question_id: str,
    block_id: str | None,
    *,
    rating: str | None,
    comment: str = "",
) -> None:
    """The second marker's rating for one question (``None`` clears it)."""
    comment = validation.text_within(
        comment.strip(), "the second marker's comment", max_length=limits.MODERATION_NOTES
    )
    with ctx.db.write() as session:
        moderation = _moderation(session, moderation_uuid)
        if moderation.status != "assigned":
            raise NotAllowed(
                "Assign a second marker first."
                if moderation.status == "drawn"
                else "Second marking is submitted and can no longer change."
            )
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        question = loaded.index.questions.get(question_id)
        if question is None or question.scale is None:
            raise InvalidInput("Only rated questions are second-marked.")
        scale = loaded.index.template.scale(question.scale)
        if rating is not None and rating != NOT_APPLICABLE and scale.option(rating) is None:
            raise InvalidInput(f"'{rating}' is not a rating for this question.")
        block_row = loaded.block_rows.get(block_id) if block_id else None
        if block_id and block_row is None:
            raise InvalidInput("That block is not part of this audit.")
        block_pk = block_row.id if block_row else None
        existing = session.scalar(
            select(ModerationRating).where(
                ModerationRating.moderation_id == moderation.id,
                ModerationRating.question_id == question_id,
                ModerationRating.block_id.is_(None)
                if block_pk is None
                else ModerationRating.block_id == block_pk,
            )
        )
        if rating is None:
            if existing is not None:
                session.delete(existing)
        elif existing is None:
            session.add(
                ModerationRating(
                    moderation_id=moderation.id,
                    question_id=question_id,
                    block_id=block_pk,
                    rating=rating,
                    comment=comment,
                )
            )
        else:
            existing.rating, existing.comment = rating, comment
        session.flush()
        moderation.updated_at = ctx.now()
        _rehash(session, moderation)


def submit_second_marking(ctx: ServiceContext, moderation_uuid: str) -> Reconciliation:
    """Close blind marking: every applicable required rated question must be rated."""
    with ctx.db.write() as session:
        moderation = _moderation(session, moderation_uuid)
        if moderation.status != "assigned":
            raise NotAllowed("This moderation is not waiting for second marking.")
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        ratings, _ = _second_ratings(session, moderation, loaded)
        states = {key: AnswerState(value, "-") for key, value in ratings.items()}
        missing = [
            item
            for item in missing_for_completion(loaded.index, loaded.blocks, loaded.context, states)
            if item.question_id
            and loaded.index.questions[item.question_id].is_rated
            and item.problem == "not rated yet"
        ]
        if missing:
            raise CompletionRefused(missing)
        first = grade_audit(loaded.index, loaded.blocks, loaded.context, loaded.ratings())
        second = grade_audit(loaded.index, loaded.blocks, loaded.context, ratings)
        _store_grades(session, moderation, first, second, audit)
        moderation.second_overall_grade = second.overall.value if second.overall else None
        moderation.status = "submitted"
        moderation.submitted_at = ctx.now()
        _touch(
            session, ctx, moderation, "second marking submitted", moderation.second_overall_grade
        )
        return _reconciliation(session, moderation)


def reconciliation(ctx: ServiceContext, moderation_uuid: str) -> Reconciliation:
    """Side by side, once (and only once) the second marker has submitted."""
    with ctx.db.read() as session:
        moderation = _moderation(session, moderation_uuid)
        if moderation.status not in ("submitted", "agreed"):
            raise NotAllowed(
                "The first marker's ratings stay hidden until second marking is submitted."
            )
        return _reconciliation(session, moderation)


def agree(
    ctx: ServiceContext,
    moderation_uuid: str,
    agreed: Mapping[str, Grade],
    notes: str,
) -> Reconciliation:
    """Record agreed grades (``overall`` required; sections optional) and notes; the audit
    becomes moderated and its final grade is the agreed overall grade."""
    if OVERALL not in agreed:
        raise InvalidInput("Record the agreed overall grade.")
    notes = validation.text_within(
        notes.strip(), "the agreement note", max_length=limits.MODERATION_NOTES
    )
    with ctx.db.write() as session:
        moderation = _moderation(session, moderation_uuid)
        if moderation.status != "submitted":
            raise NotAllowed("Agreement follows submitted second marking.")
        audit = session.get_one(Audit, moderation.audit_id)
        grades = {
            row.scope: row
            for row in session.scalars(
                select(ModerationGrade).where(ModerationGrade.moderation_id == moderation.id)
            )
        }
        for scope, grade in agreed.items():
            if scope not in grades:
                raise InvalidInput(f"'{scope}' is not a graded section of this audit.")
            grades[scope].agreed_grade = grade.value
        moderation.agreed_grade = agreed[OVERALL].value
        moderation.notes = notes
        moderation.status = "agreed"
        moderation.agreed_at = ctx.now()
        _touch(session, ctx, moderation, "agreed grade", agreed[OVERALL].label)
        if audit.status == AuditStatus.COMPLETED.value:
            audit_state.add_trail(
                session,
                ctx,
                audit_uuid=audit.uuid,
                record_type="audit",
                record_uuid=audit.uuid,
                field="status",
                old=AuditStatus.COMPLETED.label,
                new=AuditStatus.MODERATED.label,
            )
            audit.status = AuditStatus.MODERATED.value
        audit.final_grade = audit_state.effective_final_grade(session, audit)
        session.flush()
        return _reconciliation(session, moderation)


# -- helpers -----------------------------------------------------------------------------
def _seed(seed: int | None) -> int:
    """The seed given, if it is one a sample can keep and carry; a fresh one if none is."""
    if seed is None:
        return random.SystemRandom().randint(limits.FIRST_SEED, limits.LAST_SEED)
    if (
        isinstance(seed, bool)
        or not isinstance(seed, int)
        or not limits.FIRST_SEED <= seed <= limits.LAST_SEED
    ):
        raise InvalidInput(
            f"The sample's seed must be a whole number from {limits.FIRST_SEED} to "
            f"{limits.LAST_SEED:,}; {seed!r} is not."
        )
    return seed


def _moderation(session: Session, moderation_uuid: str) -> Moderation:
    found = session.scalar(select(Moderation).where(Moderation.uuid == moderation_uuid))
    if found is None:
        raise NotFound("That moderation is not in this database.")
    return found


def _second_ratings(
    session: Session, moderation: Moderation, loaded: audit_state.LoadedAudit
) -> tuple[dict[AnswerKey, str], dict[AnswerKey, str]]:
    uuid_by_id = {row.id: row.uuid for row in loaded.block_rows.values()}
    ratings: dict[AnswerKey, str] = {}
    comments: dict[AnswerKey, str] = {}
    for row in session.scalars(
        select(ModerationRating).where(ModerationRating.moderation_id == moderation.id)
    ):
        key = (row.question_id, uuid_by_id.get(row.block_id) if row.block_id else None)
        ratings[key] = row.rating
        comments[key] = row.comment
    return ratings, comments


def _store_grades(
    session: Session,
    moderation: Moderation,
    first: GradingResult,
    second: GradingResult,
    audit: Audit,
) -> None:
    session.query(ModerationGrade).filter_by(moderation_id=moderation.id).delete()
    first_overall = audit.override_grade or (first.overall.value if first.overall else None)
    session.add(
        ModerationGrade(
            moderation_id=moderation.id,
            scope=OVERALL,
            first_grade=first_overall,
            second_grade=second.overall.value if second.overall else None,
        )
    )
    for mine, theirs in zip(first.sections, second.sections, strict=True):
        session.add(
            ModerationGrade(
                moderation_id=moderation.id,
                scope=mine.section_id,
                first_grade=mine.grade.value if mine.grade else None,
                second_grade=theirs.grade.value if theirs.grade else None,
            )
        )
    session.flush()


def _reconciliation(session: Session, moderation: Moderation) -> Reconciliation:
    audit = session.get_one(Audit, moderation.audit_id)
    loaded = audit_state.load_audit(session, audit.uuid)
    second, _ = _second_ratings(session, moderation, loaded)
    first = loaded.ratings()
    blocks_by_id = {block.id: block for block in loaded.blocks}
    lines: list[ReconciliationLine] = []
    for slot in loaded.index.slots(loaded.blocks, loaded.context):
        if not slot.applies or not slot.question.is_rated:
            continue
        scale = loaded.index.scale_for(slot.question)
        lines.append(
            ReconciliationLine(
                section_id=slot.section.id,
                section_title=slot.section.title,
                question_id=slot.question.id,
                prompt=slot.question.prompt,
                block_id=slot.block.id if slot.block else None,
                block_label=slot.block.label if slot.block else None,
                first=first.get(slot.key),
                second=second.get(slot.key),
                first_label=_label(scale, first.get(slot.key)),
                second_label=_label(scale, second.get(slot.key)),
                first_points=_points(scale, first.get(slot.key)),
                second_points=_points(scale, second.get(slot.key)),
            )
        )
    del blocks_by_id
    titles = {section.id: section.title for section in loaded.index.template.all_sections()}
    titles[OVERALL] = "Overall"
    grade_rows = session.scalars(
        select(ModerationGrade).where(ModerationGrade.moderation_id == moderation.id)
    ).all()
    order = [OVERALL, *titles]
    grade_rows = sorted(
        grade_rows, key=lambda row: order.index(row.scope) if row.scope in order else 999
    )
    grades = tuple(
        ScopeGrades(
            row.scope,
            titles.get(row.scope, row.scope),
            Grade(row.first_grade) if row.first_grade else None,
            Grade(row.second_grade) if row.second_grade else None,
            Grade(row.agreed_grade) if row.agreed_grade else None,
        )
        for row in grade_rows
    )
    return Reconciliation(
        moderation.uuid,
        audit.uuid,
        audit.reference,
        tuple(lines),
        grades,
        moderation.notes,
        moderation.status,
    )


def _label(scale: RatingScale | None, code: str | None) -> str:
    if code is None:
        return "—"
    if code == NOT_APPLICABLE:
        return "N/A"
    option = scale.option(code) if scale is not None else None
    return option.label if option is not None else code


def _points(scale: RatingScale | None, code: str | None) -> int | None:
    option = scale.option(code) if scale is not None and code else None
    return option.points if option is not None else None


def _rows(session: Session, query: object) -> list[ModerationRow]:
    moderations = session.scalars(query).all()  # type: ignore[call-overload]
    rows: list[ModerationRow] = []
    for moderation in moderations:
        audit = session.get_one(Audit, moderation.audit_id)
        title = session.scalar(
            select(TemplateVersion.title).where(TemplateVersion.id == audit.template_version_id)
        )
        marker = (
            session.scalar(select(Auditor.name).where(Auditor.id == moderation.second_marker_id))
            if moderation.second_marker_id
            else None
        )
        first = audit.override_grade or audit.suggested_grade
        rows.append(
            ModerationRow(
                moderation.uuid,
                audit.uuid,
                audit.reference,
                title or audit.template_id,
                Grade(first) if first else None,
                marker,
                moderation.status,
                Grade(moderation.second_overall_grade) if moderation.second_overall_grade else None,
                Grade(moderation.agreed_grade) if moderation.agreed_grade else None,
            )
        )
    return rows


def _touch(
    session: Session, ctx: ServiceContext, moderation: Moderation, field: str, value: object
) -> None:
    moderation.updated_at = ctx.now()
    audit_uuid = session.scalar(select(Audit.uuid).where(Audit.id == moderation.audit_id))
    audit_state.add_trail(
        session,
        ctx,
        audit_uuid=audit_uuid,
        record_type="moderation",
        record_uuid=moderation.uuid,
        field=field,
        new=value,
    )
    _rehash(session, moderation)


def _rehash(session: Session, moderation: Moderation) -> None:
    block_uuid = aliased(AuditBlock)
    ratings = session.execute(
        select(
            ModerationRating.question_id,
            block_uuid.uuid,
            ModerationRating.rating,
            ModerationRating.comment,
        )
        .outerjoin(block_uuid, block_uuid.id == ModerationRating.block_id)
        .where(ModerationRating.moderation_id == moderation.id)
    ).all()
    grades = session.execute(
        select(
            ModerationGrade.scope,
            ModerationGrade.first_grade,
            ModerationGrade.second_grade,
            ModerationGrade.agreed_grade,
        ).where(ModerationGrade.moderation_id == moderation.id)
    ).all()
    audit_uuid = session.scalar(select(Audit.uuid).where(Audit.id == moderation.audit_id))
    sample_uuid = (
        session.scalar(
            select(ModerationSample.uuid).where(ModerationSample.id == moderation.sample_id)
        )
        if moderation.sample_id
        else None
    )
    marker_uuid = (
        session.scalar(select(Auditor.uuid).where(Auditor.id == moderation.second_marker_id))
        if moderation.second_marker_id
        else None
    )
    assert audit_uuid is not None
    moderation.content_hash = document_hash(
        moderation_document(
            moderation.uuid,
            audit_uuid,
            sample_uuid=sample_uuid,
            audit_revision=moderation.audit_revision,
            audit_hash=moderation.audit_hash,
            second_marker_uuid=marker_uuid,
            assigned_by=moderation.assigned_by,
            status=moderation.status,
            second_overall_grade=moderation.second_overall_grade,
            agreed_grade=moderation.agreed_grade,
            notes=moderation.notes,
            ratings=[(q, b, r, c) for q, b, r, c in ratings],
            grades=[(s, f, t, a) for s, f, t, a in grades],
        )
    )
    revisions.follow_edit(session, moderation)  # a sent revision is never changed
