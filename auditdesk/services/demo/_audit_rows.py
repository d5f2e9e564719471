"""One demo audit's rows: subject, blocks, answers, grades, moderation, actions, trail.

Quality is drawn per audit around a level that improves a little each term; each theme
sits above or below it (health and social care input trail, as Board reports usually
find). Grades then come from the real grading engine, never invented.

The words come from the phrasebook (see :mod:`wording`): each comment answers its own
question and fits its rating and the audit's facts; written answers and summaries are put
together afterwards from the audit's own ratings (see :mod:`summaries`), and its actions
from its findings (see :mod:`action_rows`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from auditdesk.domain.audit_document import audit_content_hash, audit_document
from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import grade_audit
from auditdesk.domain.periods import term_key
from auditdesk.domain.record_documents import (
    child_document,
    document_hash,
    moderation_document,
    plan_document,
)
from auditdesk.domain.reference import (
    AuditStatus,
    PlanStage,
    PrimaryNeed,
    TemplateKind,
    phase_for_year_group,
)
from auditdesk.domain.template_index import Block, Slot, TemplateIndex
from auditdesk.domain.template_model import (
    AnswerContext,
    Question,
    RatingScale,
    ScaleOption,
    Theme,
)
from auditdesk.services.audits._state import section_grade_rows
from auditdesk.services.demo import _facts as draw_facts
from auditdesk.services.demo import _phrases_written as phrases_written
from auditdesk.services.demo import _summaries as summaries
from auditdesk.services.demo import _written_answers as written_answers
from auditdesk.services.demo._action_rows import PlannedAction, Roster, action_rows, plan_actions
from auditdesk.services.demo._cast import Cast
from auditdesk.services.demo._phrase_kit import Fact
from auditdesk.services.demo._provision_lines import ProvisionLine
from auditdesk.services.demo._rows import DEMO_DEVICE, Batch, Ids, Row
from auditdesk.services.demo._summaries import Noted
from auditdesk.services.demo._wording import Wording, Words, phrases_for
from auditdesk.services.demo._written_answers import DELIVERED, LINE_QUESTIONS
from auditdesk.store.models import (
    Action,
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    AuditSectionGrade,
    ChangeTrail,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    Plan,
)

TEMPLATE_MIX = {"ehcp-quality": 45, "annual-review": 30, "setting-visit": 12, "pfa-thematic": 13}
NEED_MIX = {
    PrimaryNeed.ASD: 33, PrimaryNeed.SLCN: 20, PrimaryNeed.SEMH: 15, PrimaryNeed.MLD: 7,
    PrimaryNeed.SLD: 5, PrimaryNeed.SPLD: 4, PrimaryNeed.PD: 4, PrimaryNeed.PMLD: 2,
    PrimaryNeed.HI: 2, PrimaryNeed.VI: 1, PrimaryNeed.MSI: 1, PrimaryNeed.OTH: 6,
}  # fmt: skip
YEAR_WEIGHTS = (2, 4, 5, 6, 7, 7, 8, 8, 9, 8, 8, 7, 6, 5, 4, 2)  # Nursery .. Post-19
THEME_SHIFT = {
    Theme.HEALTH: -0.35,
    Theme.SOCIAL_CARE: -0.45,
    Theme.PFA: -0.25,
    Theme.SMART_OUTCOMES: -0.15,
    Theme.VOICE: 0.15,
    Theme.PROVISION_DELIVERY: 0.2,
}
MODERATION_RATE = 0.1
# How often a quality lead marks a comment for the Board's "working well / needs to
# improve" page: a finding as needs to improve, a strength as working well.
HIGHLIGHT_RATE = 0.012


class Asked(NamedTuple):
    scale: RatingScale
    graded: list[ScaleOption]  # the options that carry points
    options: dict[str, ScaleOption]
    shift: float  # how far the question's theme sits from the audit's level


@dataclass(frozen=True)
class TemplateInfo:
    version_id: int
    sha256: str
    version: int
    index: TemplateIndex


@dataclass
class DemoAudit:
    """The audit being made, and everything later steps need to know about it."""

    day: date
    when: datetime
    template: TemplateInfo
    header: Row
    team: list[tuple[Row, str]]
    setting: Row
    context: AnswerContext = field(default_factory=AnswerContext)
    child_reference: str | None = None
    issue_date: date | None = None
    blocks: list[Block] = field(default_factory=list)
    block_rows: list[Row] = field(default_factory=list)
    ratings: dict[tuple[str, str | None], str] = field(default_factory=dict)
    answer_rows: list[Row] = field(default_factory=list)
    section_rows: list[Row] = field(default_factory=list)
    facts: frozenset[Fact] = frozenset()
    block_facts: dict[str, frozenset[Fact]] = field(default_factory=dict)
    lines: dict[str, ProvisionLine] = field(default_factory=dict)  # by provision block
    noted: list[Noted] = field(default_factory=list)
    findings: list[Noted] = field(default_factory=list)  # the most serious first
    strengths: list[Noted] = field(default_factory=list)  # the strongest first
    planned: list[PlannedAction] = field(default_factory=list)
    _facts_at: dict[str, frozenset[Fact]] = field(default_factory=dict)

    def facts_at(self, block: Block | None) -> frozenset[Fact]:
        """The audit's facts, with those of the sampled child the block belongs to."""
        if block is None:
            return self.facts
        found = self._facts_at.get(block.id)
        if found is None:
            found = self.facts | self.block_facts.get(block.id, frozenset())
            if block.parent_id is not None:
                found |= self.block_facts.get(block.parent_id, frozenset())
            self._facts_at[block.id] = found
        return found

    @property
    def index(self) -> TemplateIndex:
        return self.template.index

    @property
    def lead(self) -> Row:
        return self.team[0][0]


class AuditMaker:
    def __init__(
        self,
        rng: random.Random,
        ids: Ids,
        cast: Cast,
        templates: dict[str, TemplateInfo],
        as_of: date,
    ) -> None:
        self.rng, self.ids, self.cast, self.templates, self.as_of = rng, ids, cast, templates, as_of
        self.child_references: set[str] = set()
        self.child_uuids: dict[int, str] = {}
        self.audit_references: set[str] = set()
        self.children_made = 0
        self.wording = Wording(rng)
        self.section_labels: dict[str, str] = {}
        self.asked: dict[tuple[int, str], Asked] = {}
        self.roster = Roster(rng)

    def make(self, batch: Batch, day: date, sample: tuple[int, str] | None) -> None:
        audit = self._start(batch, day)
        term_number = [term.key for term in self.cast.terms].index(audit.header["term_key"])
        level = self.rng.gauss(2.5 + 0.07 * term_number, 0.7)
        if audit.index.template.kind is TemplateKind.ANNUAL_REVIEW_AUDIT:
            audit.facts |= draw_facts.review_facts(self.rng, level)
        status = self._status((self.as_of - day).days)
        completeness = 1.0 if status is not AuditStatus.DRAFT else self.rng.uniform(0.2, 0.9)
        self._blocks(batch, audit)
        self._answers(audit, level, completeness, marked=status is not AuditStatus.DRAFT)
        status = self._grade(audit, status)
        if sample is not None and self._moderate_this(audit, status):
            self._moderation(batch, audit, sample)
            status = AuditStatus.MODERATED if self.rng.random() < 0.6 else AuditStatus.SIGNED_OFF
        self._finish(batch, audit, status)

    # -- subject ----------------------------------------------------------------------------
    def _start(self, batch: Batch, day: date) -> DemoAudit:
        rng = self.rng
        template_id = rng.choices(list(TEMPLATE_MIX), list(TEMPLATE_MIX.values()))[0]
        info = self.templates[template_id]
        when = datetime.combine(day, time(10), tzinfo=UTC)
        team = self._team(info.index.template.kind)
        setting = rng.choice(self.cast.settings)
        header: Row = {
            "id": self.ids.next(Audit),
            "reference": self._audit_reference(),
            "template_version_id": info.version_id,
            "template_id": template_id,
            "audit_date": day,
            "term_key": term_key(day),
            "lead_auditor_id": team[0][0]["id"],
            "lead_agency": team[0][1],
            "override_grade": None,
            "override_reason": None,
            "override_by": None,
            "signed_off_at": None,
            "signed_off_by": None,
            "completed_at": None,
            "setting_id": setting["id"],
            "locality": setting["locality"],
            "setting_type": setting["setting_type"],
            "subject_kind": "setting",
            "plan_id": None,
            "child_id": None,
            "year_group": None,
            "phase": None,
            "primary_need": None,
            "plan_stage": None,
        } | self.ids.travelling(when)
        audit = DemoAudit(day, when, info, header, team, setting)
        if info.index.template.kind is not TemplateKind.SETTING_VISIT:
            self._plan(batch, audit)
        else:
            audit.facts = draw_facts.setting_facts(rng)
        return audit

    def _plan(self, batch: Batch, audit: DemoAudit) -> None:
        kind = audit.index.template.kind
        year = self._year_group(kind)
        need = self._need()
        stage = self._stage(kind, year)
        child_id, audit.child_reference = self._child(batch, year, need, audit.setting, audit.when)
        audit.issue_date = audit.day - timedelta(days=self.rng.randint(20, 300))
        plan_id = self.ids.next(Plan)
        plan = {
            "id": plan_id,
            "child_id": child_id,
            "stage": stage.value,
            "issue_date": audit.issue_date,
            "setting_id": audit.setting["id"],
        } | self.ids.travelling(audit.when)
        plan["content_hash"] = document_hash(
            plan_document(
                plan["uuid"],
                self.child_uuids[child_id],
                stage.value,
                audit.issue_date,
                audit.setting["uuid"],
            )
        )
        batch[Plan].append(plan)
        audit.header.update(
            subject_kind="plan",
            plan_id=plan_id,
            child_id=child_id,
            year_group=year,
            phase=phase_for_year_group(year).value,
            primary_need=need.value,
            plan_stage=stage.value,
        )
        audit.context = AnswerContext(year, stage)
        audit.facts = draw_facts.plan_facts(self.rng, need)

    def _child(
        self, batch: Batch, year: int, need: PrimaryNeed, setting: Row, when: datetime
    ) -> tuple[int, str]:
        while True:
            reference = f"CE-{self.rng.randint(10000, 999999)}"
            if reference not in self.child_references:
                self.child_references.add(reference)
                break
        child_id = self.ids.next(Child)
        row = {
            "id": child_id,
            "reference": reference,
            "year_group": year,
            "primary_need": need.value,
            "locality": setting["locality"],
            "setting_id": setting["id"],
        } | self.ids.travelling(when)
        row["content_hash"] = document_hash(
            child_document(
                row["uuid"],
                reference,
                year_group=year,
                primary_need=need.value,
                locality=setting["locality"],
                setting_uuid=setting["uuid"],
            )
        )
        self.child_uuids[child_id] = row["uuid"]
        batch[Child].append(row)
        self.children_made += 1
        return child_id, reference

    def _team(self, kind: TemplateKind) -> list[tuple[Row, str]]:
        auditors = self.cast.field_auditors
        lead = self.rng.choice(auditors)
        team = [(lead, str(lead["agency"]))]
        wanted = 1 if kind is TemplateKind.SETTING_VISIT else self.rng.choice((0, 1, 1, 2))
        for other in self.rng.sample(auditors, min(wanted + 3, len(auditors))):
            if len(team) > wanted:
                break
            if all(other["agency"] != member[1] for member in team):
                team.append((other, str(other["agency"])))
        return team

    # -- content ----------------------------------------------------------------------------
    def _blocks(self, batch: Batch, audit: DemoAudit) -> None:
        index = audit.index
        for section in index.template.all_sections():
            if section.repeat is None or index.repeating_parent(section.id) is not None:
                continue
            if section.applies is None or section.applies.holds(audit.context):
                self._add_blocks(batch, audit, section.id, None)
        batch[AuditBlock] += [
            {k: v for k, v in row.items() if not k.startswith("_")} for row in audit.block_rows
        ]

    def _add_blocks(
        self, batch: Batch, audit: DemoAudit, section_id: str, parent: tuple[Block, int] | None
    ) -> None:
        index = audit.index
        repeat = index.sections[section_id].repeat
        assert repeat is not None
        most = min(repeat.max, 5 if repeat.sampled_child else 4)
        for position in range(1, self.rng.randint(max(repeat.min, 2), most) + 1):
            row_id = self.ids.next(AuditBlock)
            year = child_id = child_reference = None
            label = f"{repeat.label} {position}"
            if repeat.sampled_child:
                year = self._year_group(TemplateKind.SETTING_VISIT)
                child_id, child_reference = self._child(
                    batch, year, self._need(), audit.setting, audit.when
                )
                label = child_reference
            block = Block(
                self.ids.uuid(), section_id, parent[0].id if parent else None, label, position, year
            )
            if repeat.sampled_child:
                audit.block_facts[block.id] = draw_facts.child_facts(self.rng)
            audit.blocks.append(block)
            audit.block_rows.append(
                {
                    "id": row_id,
                    "uuid": block.id,
                    "audit_id": audit.header["id"],
                    "section_id": section_id,
                    "parent_id": parent[1] if parent else None,
                    "label": label,
                    "position": position,
                    "child_id": child_id,
                    "year_group": year,
                    "_child_reference": child_reference,
                }
            )
            for nested in index.template.all_sections():
                if nested.repeat is not None and index.repeating_parent(nested.id) == section_id:
                    self._add_blocks(batch, audit, nested.id, (block, row_id))

    def _answers(self, audit: DemoAudit, level: float, completeness: float, marked: bool) -> None:
        """Rated answers first, in reading order; then the written ones, which follow from
        them (the evidence seen for a provision line, the summaries, the actions agreed)."""
        block_ids = {row["uuid"]: row["id"] for row in audit.block_rows}
        author = audit.lead["name"]
        audit_id, when = audit.header["id"], audit.when
        kept: list[tuple[Slot, Row]] = []
        for slot in audit.index.slots(audit.blocks, audit.context):
            if not slot.applies or self.rng.random() > completeness:
                continue
            block_uuid = slot.block.id if slot.block else None
            block_id = block_ids[block_uuid] if block_uuid else None
            if slot.question.scale is None:
                rating = comment = evidence = highlight = None
            else:
                words = self._rated(audit, slot, level)
                rating, comment, evidence = words.rating, words.comment, words.evidence
                audit.ratings[slot.key] = rating
                highlight = self._highlight(words) if marked else None
                if words.said is not None and words.points is not None:
                    audit.noted.append(
                        Noted(
                            slot.question,
                            self._section_label(slot),
                            block_uuid,
                            block_id,
                            rating,
                            words.points,
                            words.said,
                            len(audit.noted),
                        )
                    )
            row: Row = {
                "audit_id": audit_id,
                "question_id": slot.question.id,
                "block_id": block_id,
                "rating": rating,
                "comment": comment or "",
                "evidence": evidence or "",
                "board_highlight": highlight,
                "updated_at": when,
                "updated_by": author,
                "_block_uuid": block_uuid,
            }
            kept.append((slot, row))
        audit.findings = summaries.weakest_first(audit.noted)
        audit.strengths = summaries.strongest_first(audit.noted)
        audit.planned = plan_actions(
            self.rng, self.roster, audit.findings, audit.day, str(audit.setting["name"])
        )
        for slot, row in kept:
            if slot.question.scale is None:
                row["comment"] = self._written(audit, slot)
            if row["rating"] is not None or row["comment"]:
                row["id"] = self.ids.next(Answer)
                audit.answer_rows.append(row)

    def _section_label(self, slot: Slot) -> str:
        label = self.section_labels.get(slot.section.id)
        if label is None:
            label = self.section_labels[slot.section.id] = summaries.section_label(
                slot.section.title
            )
        return label

    def _rated(self, audit: DemoAudit, slot: Slot, level: float) -> Words:
        question, index, rng = slot.question, audit.index, self.rng
        asked = self._asked(audit.template, question)
        facts = audit.facts_at(slot.block)
        phrases = phrases_for(question.id, facts)
        if asked.scale.allow_na and phrases is not None and phrases.na_when in facts:
            na = self.wording.not_applicable(index, question.id, phrases, facts)
            if na is not None:
                return na
        if question.id == "child.provision_deliverer" and slot.block is not None:
            delivery = audit.ratings.get((DELIVERED, slot.block.id))
            return self.wording.deliverer(self._line(audit, slot.block), delivery, asked.options)
        graded = asked.graded
        if not graded:  # recorded only, e.g. the child's view
            return self.wording.rated(phrases, rng.choice(asked.scale.options))
        wanted = min(4, max(1, round(rng.gauss(level + asked.shift, 0.6))))
        option = min(graded, key=lambda o: (abs((o.points or 0) - wanted), rng.random()))
        if question.id == DELIVERED and slot.block is not None:
            return self.wording.delivery(self._line(audit, slot.block), option)
        return self.wording.rated(phrases, option)

    def _asked(self, template: TemplateInfo, question: Question) -> Asked:
        """What rating a question needs, worked out once per template version."""
        key = (template.version_id, question.id)
        asked = self.asked.get(key)
        if asked is None:
            scale = template.index.template.scale(question.scale or "")
            asked = self.asked[key] = Asked(
                scale,
                [option for option in scale.options if option.points is not None],
                {option.code: option for option in scale.options},
                sum(THEME_SHIFT.get(theme, 0.0) for theme in question.themes[:1]),
            )
        return asked

    def _line(self, audit: DemoAudit, block: Block) -> ProvisionLine:
        line = audit.lines.get(block.id)
        if line is None:
            line = audit.lines[block.id] = self.wording.provision_line()
        return line

    def _highlight(self, words: Words) -> str | None:
        """Quality leads mark a few comments for the Board: only a finding (a rating below
        Good) as needs to improve, and only a strength (Good or better) as working well."""
        if not words.comment or words.points is None or self.rng.random() > HIGHLIGHT_RATE:
            return None
        return "needs_improvement" if words.finding is not None else "working_well"

    def _written(self, audit: DemoAudit, slot: Slot) -> str:
        block, question_id = slot.block, slot.question.id
        line = self._line(audit, block) if block and question_id in LINE_QUESTIONS else None
        return written_answers.compose(
            self.rng,
            question_id,
            block,
            ratings=audit.ratings,
            line=line,
            findings=audit.findings,
            strengths=audit.strengths,
            planned=audit.planned,
        )

    # -- judgement --------------------------------------------------------------------------
    def _grade(self, audit: DemoAudit, status: AuditStatus) -> AuditStatus:
        grading = grade_audit(audit.index, audit.blocks, audit.context, audit.ratings)
        audit.section_rows = section_grade_rows(audit.header["id"], grading)
        suggested = grading.overall.value if grading.overall else None
        header = audit.header
        header["suggested_grade"] = suggested
        if suggested is None:
            return AuditStatus.DRAFT
        if status is not AuditStatus.DRAFT:
            header["completed_at"] = audit.when + timedelta(days=self.rng.randint(0, 6))
            if self.rng.random() < 0.03:
                points = Grade(suggested).points + self.rng.choice((-1, 1))
                if 1 <= points <= 4:
                    header["override_grade"] = Grade.from_points(points).value
                    reasons = (
                        phrases_written.OVERRIDE_UP
                        if points > Grade(suggested).points
                        else phrases_written.OVERRIDE_DOWN
                    )
                    header["override_reason"] = self.rng.choice(reasons)
                    header["override_by"] = audit.lead["name"]
        header["final_grade"] = header["override_grade"] or suggested
        return status

    def _moderate_this(self, audit: DemoAudit, status: AuditStatus) -> bool:
        old_enough = (self.as_of - audit.day).days > 40
        done = status in (AuditStatus.COMPLETED, AuditStatus.SIGNED_OFF)
        return done and old_enough and self.rng.random() < MODERATION_RATE

    def _moderation(self, batch: Batch, audit: DemoAudit, sample: tuple[int, str]) -> None:
        """A second marker who mostly agrees, sometimes by one grade, rarely by two."""
        rng, index = self.rng, audit.index
        moderation_id = self.ids.next(Moderation)
        block_ids = {row["uuid"]: row["id"] for row in audit.block_rows}
        second: dict[tuple[str, str | None], str] = {}
        for key, code in audit.ratings.items():
            scale = index.template.scale(index.questions[key[0]].scale or "")
            option = scale.option(code)
            graded = [o for o in scale.options if o.points is not None]
            if option is None or option.points is None or not graded:
                second[key] = code  # N/A and recorded-only answers: the markers concur
            else:
                roll = rng.random()
                step = (
                    0
                    if roll < 0.78
                    else rng.choice((-1, 1))
                    if roll < 0.97
                    else rng.choice((-2, 2))
                )
                wanted = min(4, max(1, option.points + step))
                second[key] = min(graded, key=lambda o: abs((o.points or 0) - wanted)).code
            batch[ModerationRating].append(
                {
                    "id": self.ids.next(ModerationRating),
                    "moderation_id": moderation_id,
                    "question_id": key[0],
                    "block_id": block_ids[key[1]] if key[1] else None,
                    "rating": second[key],
                    "comment": "",
                }
            )
        first_result = grade_audit(index, audit.blocks, audit.context, audit.ratings)
        second_result = grade_audit(index, audit.blocks, audit.context, second)
        first = audit.header["final_grade"]
        second_overall = second_result.overall.value if second_result.overall else None
        agreed = first if rng.random() < 0.6 or not second_overall else second_overall
        grades: list[tuple[str, str | None, str | None, str | None]] = [
            ("overall", first, second_overall, agreed)
        ]
        for mine, theirs in zip(first_result.sections, second_result.sections, strict=True):
            either = mine.grade or theirs.grade
            grades.append(
                (
                    mine.section_id,
                    mine.grade.value if mine.grade else None,
                    theirs.grade.value if theirs.grade else None,
                    either.value if either else None,
                )
            )
        batch[ModerationGrade] += [
            {"moderation_id": moderation_id, "scope": s, "first_grade": f,
             "second_grade": t, "agreed_grade": a}
            for s, f, t, a in grades
        ]  # fmt: skip
        marker = rng.choice([a for a in self.cast.auditors if a["id"] != audit.lead["id"]])
        submitted = audit.header["completed_at"] + timedelta(days=rng.randint(5, 30))
        row = {
            "id": moderation_id,
            "audit_id": audit.header["id"],
            "sample_id": sample[0],
            "audit_revision": 1,
            "audit_hash": "",
            "second_marker_id": marker["id"],
            "assigned_by": self.cast.quality_leads[0]["name"],
            "status": "agreed",
            "second_overall_grade": second_overall,
            "agreed_grade": agreed,
            "notes": "Agreed at the moderation panel.",
            "submitted_at": submitted,
            "agreed_at": submitted + timedelta(days=2),
        } | self.ids.travelling(submitted)
        row["content_hash"] = document_hash(
            moderation_document(
                row["uuid"],
                audit.header["uuid"],
                sample_uuid=sample[1],
                audit_revision=1,
                audit_hash="",
                second_marker_uuid=marker["uuid"],
                assigned_by=row["assigned_by"],
                status="agreed",
                second_overall_grade=second_overall,
                agreed_grade=agreed,
                notes=row["notes"],
                ratings=[(q, b, code, "") for (q, b), code in second.items()],
                grades=grades,
            )
        )
        batch[Moderation].append(row)
        audit.header["final_grade"] = agreed

    # -- finishing --------------------------------------------------------------------------
    def _finish(self, batch: Batch, audit: DemoAudit, status: AuditStatus) -> None:
        header = audit.header
        header.setdefault("final_grade", None)
        if status is AuditStatus.SIGNED_OFF:
            header["signed_off_at"] = header["completed_at"] + timedelta(
                days=self.rng.randint(3, 20)
            )
            header["signed_off_by"] = self.cast.quality_leads[0]["name"]
        header["status"] = status.value
        # The same words the services index (see ``audit_state.refresh_search_text``).
        words = [header["reference"], audit.child_reference or "", audit.setting["name"]]
        words += [audit.setting["urn"] or ""]
        words += [str(member[0]["name"]) for member in audit.team]
        words += [row["_child_reference"] or "" for row in audit.block_rows]
        header["search_text"] = " ".join(w for w in words if w).lower()
        batch[AuditAuditor] += [
            {"audit_id": header["id"], "auditor_id": m[0]["id"], "agency": m[1], "position": p}
            for p, m in enumerate(audit.team)
        ]
        header["content_hash"] = self._content_hash(audit)
        batch[Audit].append(header)
        batch[AuditSectionGrade] += audit.section_rows
        batch[Answer] += [
            {k: v for k, v in row.items() if not k.startswith("_")} for row in audit.answer_rows
        ]
        weak = (Grade.REQUIRES_IMPROVEMENT.value, Grade.INADEQUATE.value)
        if header["final_grade"] in weak and status is not AuditStatus.DRAFT:
            batch[Action] += action_rows(
                self.rng,
                self.ids,
                audit.planned,
                audit=(header["id"], header["uuid"]),
                when=audit.when,
                as_of=self.as_of,
            )
        self._trail(batch, audit)

    def _trail(self, batch: Batch, audit: DemoAudit) -> None:
        header = audit.header
        base = {
            "actor": audit.lead["name"],
            "device": DEMO_DEVICE,
            "audit_uuid": header["uuid"],
            "record_type": "audit",
            "record_uuid": header["uuid"],
            "reason": None,
            "old_value": None,
        }
        title = audit.index.template.title
        batch[ChangeTrail].append(base | {"at": audit.when, "field": "created", "new_value": title})
        if header["completed_at"]:
            batch[ChangeTrail].append(
                base
                | {"at": header["completed_at"], "field": "status", "old_value": "Draft",
                   "new_value": "Completed"}
            )  # fmt: skip

    def _content_hash(self, audit: DemoAudit) -> str:
        """The same document the services hash (see ``audit_state.document_for``)."""
        header = audit.header
        uuid_by_id = {row["id"]: row["uuid"] for row in audit.block_rows}
        document = audit_document(
            header
            | {
                "template_sha256": audit.template.sha256,
                "template_version": audit.template.version,
                "child_reference": audit.child_reference,
                "setting_uuid": audit.setting["uuid"],
                "plan_issue_date": audit.issue_date.isoformat() if audit.issue_date else None,
                "audit_date": audit.day.isoformat(),
            },
            [
                {"auditor_uuid": m[0]["uuid"], "agency": m[1], "position": p}
                for p, m in enumerate(audit.team)
            ],
            [
                row
                | {
                    "parent_uuid": uuid_by_id.get(row["parent_id"]),
                    "child_reference": row["_child_reference"],
                }
                for row in audit.block_rows
            ],
            [row | {"block_uuid": row["_block_uuid"]} for row in audit.answer_rows],
        )
        return audit_content_hash(document)

    # -- draws ------------------------------------------------------------------------------
    def _audit_reference(self) -> str:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        while True:
            reference = "AD-" + "".join(self.rng.choice(alphabet) for _ in range(6))
            if reference not in self.audit_references:
                self.audit_references.add(reference)
                return reference

    def _need(self) -> PrimaryNeed:
        return self.rng.choices(list(NEED_MIX), list(NEED_MIX.values()))[0]

    def _year_group(self, kind: TemplateKind) -> int:
        if kind is TemplateKind.THEMATIC_AUDIT:
            return self.rng.randint(9, 14)
        return self.rng.choices(range(-1, 15), YEAR_WEIGHTS)[0]

    def _stage(self, kind: TemplateKind, year: int) -> PlanStage:
        if kind is TemplateKind.ANNUAL_REVIEW_AUDIT:
            transfer = year in (-1, 0, 6, 11, 13) and self.rng.random() < 0.6
            return PlanStage.PHASE_TRANSFER if transfer else PlanStage.ANNUAL_REVIEW
        if kind is TemplateKind.EHCP_AUDIT and self.rng.random() < 0.7:
            return PlanStage.NEW_PLAN
        return PlanStage.ANNUAL_REVIEW

    def _status(self, age_days: int) -> AuditStatus:
        roll = self.rng.random()
        if age_days < 21:
            return AuditStatus.DRAFT if roll < 0.55 else AuditStatus.COMPLETED
        draft, completed = (0.08, 0.75) if age_days < 90 else (0.01, 0.45)
        if roll < draft:
            return AuditStatus.DRAFT
        return AuditStatus.COMPLETED if roll < completed else AuditStatus.SIGNED_OFF


def template_infos(versions: dict[str, Any]) -> dict[str, TemplateInfo]:
    return {key: TemplateInfo(*value) for key, value in versions.items()}
