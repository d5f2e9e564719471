"""The demo audit being made: its template, and everything one step of making it leaves
for the steps after (its subject, blocks, ratings, findings and planned actions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_model import AnswerContext
from auditdesk.services.demo._action_rows import PlannedAction
from auditdesk.services.demo._phrasebook.kit import Fact, ProvisionLine
from auditdesk.services.demo._rows import Row
from auditdesk.services.demo._summaries import Noted


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
