"""One demo audit's rows: subject, blocks, answers, grades, moderation, actions, trail.

Quality is drawn per audit around a level that improves a little each term. Grades then
come from the real grading engine, never invented. Each job has its own module: what the
audit is about (``_subject_rows``), its answers (``_answer_rows``) and its moderation
(``_moderation_rows``); this one draws the audit's level and status, grades it and writes
its own row, team, actions and trail.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from auditdesk.domain.audit_document import audit_content_hash, audit_document
from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import grade_audit
from auditdesk.domain.reference import AuditStatus, TemplateKind
from auditdesk.services.audits._section_grades import section_grade_rows
from auditdesk.services.demo import _facts as draw_facts
from auditdesk.services.demo._action_rows import action_rows
from auditdesk.services.demo._answer_rows import AnswerMaker
from auditdesk.services.demo._cast import Cast
from auditdesk.services.demo._demo_audit import DemoAudit, TemplateInfo
from auditdesk.services.demo._moderation_rows import moderate, moderate_this
from auditdesk.services.demo._phrasebook import written as phrases_written
from auditdesk.services.demo._rows import DEMO_DEVICE, Batch, Ids
from auditdesk.services.demo._subject_rows import SubjectMaker
from auditdesk.store.models import (
    Action,
    Answer,
    Audit,
    AuditAuditor,
    AuditSectionGrade,
    ChangeTrail,
)


class AuditMaker:
    def __init__(
        self,
        rng: random.Random,
        ids: Ids,
        cast: Cast,
        templates: dict[str, TemplateInfo],
        as_of: date,
    ) -> None:
        self.rng, self.ids, self.cast, self.as_of = rng, ids, cast, as_of
        self.subjects = SubjectMaker(rng, ids, cast, templates)
        self.answers = AnswerMaker(rng, ids)

    @property
    def children_made(self) -> int:
        return self.subjects.children_made

    def make(self, batch: Batch, day: date, sample: tuple[int, str] | None) -> None:
        """Add one audit made on ``day`` to the batch; ``sample`` is the moderation sample
        (id and uuid) it may be drawn into, if there is one yet."""
        audit = self.subjects.start(batch, day)
        term_number = [term.key for term in self.cast.terms].index(audit.header["term_key"])
        level = self.rng.gauss(2.5 + 0.07 * term_number, 0.7)
        if audit.index.template.kind is TemplateKind.ANNUAL_REVIEW_AUDIT:
            audit.facts |= draw_facts.review_facts(self.rng, level)
        status = self._status((self.as_of - day).days)
        completeness = 1.0 if status is not AuditStatus.DRAFT else self.rng.uniform(0.2, 0.9)
        self.subjects.blocks(batch, audit)
        self.answers.write(audit, level, completeness, marked=status is not AuditStatus.DRAFT)
        status = self._grade(audit, status)
        if sample is not None and moderate_this(self.rng, self.as_of, audit, status):
            moderate(self.rng, self.ids, self.cast, batch, audit, sample=sample)
            status = AuditStatus.MODERATED if self.rng.random() < 0.6 else AuditStatus.SIGNED_OFF
        self._finish(batch, audit, status)

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
    def _status(self, age_days: int) -> AuditStatus:
        roll = self.rng.random()
        if age_days < 21:
            return AuditStatus.DRAFT if roll < 0.55 else AuditStatus.COMPLETED
        draft, completed = (0.08, 0.75) if age_days < 90 else (0.01, 0.45)
        if roll < draft:
            return AuditStatus.DRAFT
        return AuditStatus.COMPLETED if roll < completed else AuditStatus.SIGNED_OFF
