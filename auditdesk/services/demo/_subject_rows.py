"""What a demo audit is about: the setting, or the plan and its child, the team who audit
it, and its repeating blocks (a setting visit's sampled children are new children too).

References are unique within the demo, and each child or plan row carries the same
content hash the services would give it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from auditdesk.domain.periods import term_key
from auditdesk.domain.record_documents import child_document, document_hash, plan_document
from auditdesk.domain.reference import PlanStage, PrimaryNeed, TemplateKind, phase_for_year_group
from auditdesk.domain.template_index import Block
from auditdesk.domain.template_model import AnswerContext
from auditdesk.services.demo import _facts as draw_facts
from auditdesk.services.demo._cast import Cast
from auditdesk.services.demo._demo_audit import DemoAudit, TemplateInfo
from auditdesk.services.demo._rows import Batch, Ids, Row
from auditdesk.store.models import Audit, AuditBlock, Child, Plan

TEMPLATE_MIX = {"ehcp-quality": 45, "annual-review": 30, "setting-visit": 12, "pfa-thematic": 13}
NEED_MIX = {
    PrimaryNeed.ASD: 33, PrimaryNeed.SLCN: 20, PrimaryNeed.SEMH: 15, PrimaryNeed.MLD: 7,
    PrimaryNeed.SLD: 5, PrimaryNeed.SPLD: 4, PrimaryNeed.PD: 4, PrimaryNeed.PMLD: 2,
    PrimaryNeed.HI: 2, PrimaryNeed.VI: 1, PrimaryNeed.MSI: 1, PrimaryNeed.OTH: 6,
}  # fmt: skip
YEAR_WEIGHTS = (2, 4, 5, 6, 7, 7, 8, 8, 9, 8, 8, 7, 6, 5, 4, 2)  # Nursery .. Post-19


class SubjectMaker:
    """Starts each audit: its subject, team and blocks. Remembers the references handed out
    so far, so none is used twice."""

    def __init__(
        self, rng: random.Random, ids: Ids, cast: Cast, templates: dict[str, TemplateInfo]
    ) -> None:
        self.rng, self.ids, self.cast, self.templates = rng, ids, cast, templates
        self.child_references: set[str] = set()
        self.child_uuids: dict[int, str] = {}
        self.audit_references: set[str] = set()
        self.children_made = 0

    def start(self, batch: Batch, day: date) -> DemoAudit:
        """A new audit of a setting, or of a plan (with its child), on the given day."""
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

    def blocks(self, batch: Batch, audit: DemoAudit) -> None:
        """The audit's repeating blocks (outcomes, provision lines, sampled children)."""
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
