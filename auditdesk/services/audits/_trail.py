"""The change trail in the words people use.

The trail is stored as it happened, with stable ids and stored codes ("ctx.advice_recent:
rating", "yes", "na", "in_progress"), so it lines up across template versions and bundles.
People read it through :class:`TrailWording`: the section and question as the audit's own
template version words them, field names in words, values as the labels the auditor chose,
and records named by their label ("Child 2: CE-10432") rather than their UUID.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.domain.template_index import Block, TemplateIndex

if TYPE_CHECKING:
    from auditdesk.domain.template_model import Question
from auditdesk.domain.wording import date_text
from auditdesk.services.kernel._records import TrailEntry
from auditdesk.store.models import ChangeTrail

#: Between the parts of where a change happened: "Section > Block > Question: Rating".
WHERE = " > "
ANSWER_FIELDS = {
    "rating": "Rating",
    "comment": "Comment",
    "evidence": "Evidence",
    "marked for the Board": "Marked for the Board",
}
HIGHLIGHTS = {"working_well": "Working well", "needs_improvement": "Needs to improve"}
ACTION_FIELDS = {
    "status": "Status",
    "completed on": "Completed on",
    "due date": "Due date",
    "owner": "Owner",
    "owner agency": "Owner's agency",
    "action": "What must be done",
    "re audit date": "Re-audit date",
}
AUDIT_FIELDS = {"overall grade override": "Override grade"}
MODERATION_GRADES = {"second marking submitted"}
ACTION_SHOWN = 60  # characters of an action's text that name it
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class _Where:
    what: str
    question: Question | None = None
    section_id: str | None = None
    block_id: str | None = None


class TrailWording:
    """Reads one audit's stored trail rows with that audit's template version and blocks."""

    def __init__(
        self,
        index: TemplateIndex,
        blocks: Iterable[Block],
        *,
        names: Mapping[str, str] | None = None,
        actions: Mapping[str, str] | None = None,
    ) -> None:
        """``names`` gives other records a name by UUID (the audit's reference);
        ``actions`` gives each action's text by UUID, to say which action changed."""
        self.index = index
        self.blocks = list(blocks)
        self.by_id = {block.id: block for block in self.blocks}
        self.block_names = {block.id: self.block_name(block) for block in self.blocks}
        self.actions = dict(actions or {})
        self.names = {**(names or {}), **self.block_names}

    # -- blocks ------------------------------------------------------------------------
    def block_name(self, block: Block) -> str:
        """ "Child 2: CE-10432" for a sampled child (labelled by reference), else its label."""
        section = self.index.sections.get(block.section_id)
        repeat = section.repeat if section is not None else None
        if repeat is None or not repeat.sampled_child:
            return block.label
        parent = self.by_id.get(block.parent_id) if block.parent_id else None
        siblings = self.index.blocks_for(block.section_id, self.blocks, parent)
        number = next((n for n, b in enumerate(siblings, 1) if b.id == block.id), None)
        return f"{repeat.label} {number}: {block.label}" if number else block.label

    # -- entries -----------------------------------------------------------------------
    def entry(self, row: ChangeTrail) -> TrailEntry:
        """One stored row, worded; the stored field and values and the ids travel with it."""
        where = self._where(row)
        before, after = row.old_value, row.new_value
        if row.record_type == "answer" and where.question is not None:
            before = self._answer_value(row.field, where.question, before)
            after = self._answer_value(row.field, where.question, after)
        elif row.record_type == "action":
            before = self._action_value(row.field, before)
            after = self._action_value(row.field, after)
        elif row.record_type == "block" and row.record_uuid in self.by_id:
            block = self.by_id[row.record_uuid]
            if after == block.label:
                after = self.block_names[block.id]  # "Child 2: CE-10432"
        elif row.record_type == "moderation" and row.field in MODERATION_GRADES:
            before, after = _grade(before), _grade(after)
        return TrailEntry(
            at=row.at,
            actor=row.actor,
            device=row.device,
            record_type=row.record_type,
            field=row.field,
            old_value=row.old_value,
            new_value=row.new_value,
            reason=row.reason,
            what=self._named(where.what),
            before=self._named(before or ""),
            after=self._named(after or ""),
            record_uuid=row.record_uuid,
            question_id=where.question.id if where.question else None,
            section_id=where.section_id,
            block_id=where.block_id or (row.record_uuid if row.record_type == "block" else None),
        )

    def _where(self, row: ChangeTrail) -> _Where:
        if row.record_type == "answer":
            answer = self._answer_where(row.field)
            if answer is not None:
                return answer
        if row.record_type == "action":
            head, _space, rest = row.field.partition(" ")
            label = ACTION_FIELDS.get(rest) if head == "action" else None
            if label is not None:
                text = self.actions.get(row.record_uuid)
                named = f"Action “{_shorten(text)}”" if text else "Action"
                return _Where(f"{named}: {label}")
        if row.record_type == "block" and row.record_uuid in self.by_id:
            # A nested block says whose it is: "Child 1: CE-10432 > Provision delivery: ..."
            outer = []
            parent = self.by_id[row.record_uuid].parent_id
            while parent is not None and parent in self.by_id:
                outer.append(self.block_names[parent])
                parent = self.by_id[parent].parent_id
            return _Where(WHERE.join([*reversed(outer), _sentence(row.field)]))
        if row.record_type == "audit" and row.field in AUDIT_FIELDS:
            return _Where(AUDIT_FIELDS[row.field])
        return _Where(_sentence(row.field))

    def _answer_where(self, field: str) -> _Where | None:
        """ "ctx.advice_recent: rating" or "f.line/Provision line 1: comment", in words."""
        head, separator, name = field.rpartition(": ")
        if not separator or name not in ANSWER_FIELDS:
            return None
        question_id, _slash, block_label = head.partition("/")
        question = self.index.questions.get(question_id)
        if question is None:
            return None
        section = self.index.question_section[question_id]
        owner = self.index.repeating_owner(section.id)
        block = self._block_labelled(owner, block_label) if block_label else None
        # Each block named right after its repeating section: "Sampled children > Child 2:
        # CE-10432 > Provision > Provision line 1 > the question".
        inside: dict[str, str] = {}
        current = block
        while current is not None:
            inside[current.section_id] = self.block_names[current.id]
            current = self.by_id.get(current.parent_id) if current.parent_id else None
        if block_label and owner is not None and owner not in inside:
            inside[owner] = block_label  # removed or renamed since: the label it had then
        parts: list[str] = []
        for section_id in reversed(self.index.ancestors(section.id)):
            parts.append(self.index.sections[section_id].title)
            if section_id in inside:
                parts.append(inside[section_id])
        parts.append(question.prompt)
        return _Where(
            f"{WHERE.join(parts)}: {ANSWER_FIELDS[name]}",
            question,
            section.id,
            block.id if block else None,
        )

    def _block_labelled(self, section_id: str | None, label: str) -> Block | None:
        # Answers name their block by label as it was then; a unique match today is it.
        found = [b for b in self.blocks if b.section_id == section_id and b.label == label]
        return found[0] if len(found) == 1 else None

    def _answer_value(self, field: str, question: Question, value: str | None) -> str | None:
        if value is None or value == "":
            return value
        name = field.rpartition(": ")[2]
        if name == "marked for the Board":
            return HIGHLIGHTS.get(value, _sentence(value))
        if name != "rating":
            return value  # what the auditor wrote, as written
        if value == NOT_APPLICABLE:
            return "Not applicable"
        scale = self.index.scale_for(question)
        option = scale.option(value) if scale is not None else None
        return option.label if option is not None else _sentence(value)

    def _action_value(self, field: str, value: str | None) -> str | None:
        if value is None or value == "":
            return value
        if field == "action status":
            return _label(ActionStatus, value)
        if field == "action owner agency":
            return _label(Agency, value)
        if ISO_DATE.fullmatch(value):
            return date_text(date.fromisoformat(value))
        return value

    def _named(self, text: str) -> str:
        """Any UUID left in the text becomes the name of what it points at."""
        if not UUID.search(text):
            return text
        return UUID.sub(lambda m: self.names.get(m.group(0).lower(), "a removed record"), text)


def _label(kind: type[ActionStatus] | type[Agency], code: str) -> str:
    try:
        return kind(code).label
    except ValueError:
        return _sentence(code)


def _grade(code: str | None) -> str | None:
    if not code:
        return code
    try:
        return Grade(code).label
    except ValueError:
        return code


def _sentence(text: str) -> str:
    """ "action added" -> "Action added"; a stray code's underscores become spaces."""
    words = text.replace("_", " ")
    return words[:1].upper() + words[1:]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ACTION_SHOWN else text[: ACTION_SHOWN - 1].rstrip() + "…"
