"""Repeating blocks: sampled children, outcomes and provision lines, added as the
audit goes."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.reference import PrimaryNeed
from auditdesk.domain.template_index import Block
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AnswerRecord, GradeUpdate
from auditdesk.services.kernel._subjects import record_child
from auditdesk.store.models import Answer, Audit, AuditBlock, Child, Setting

if TYPE_CHECKING:  # the template model (pydantic) is loaded when a template is read
    from auditdesk.domain.template_model import Repeat


@dataclass(frozen=True)
class SampledChild:
    """The child a setting-visit block is about: pseudonymous reference only."""

    reference: str
    year_group: int
    primary_need: PrimaryNeed


@dataclass(frozen=True)
class BlockChange:
    block: Block
    grades: GradeUpdate


def add_block(
    ctx: ServiceContext,
    audit_uuid: str,
    section_id: str,
    *,
    parent_block_id: str | None = None,
    label: str | None = None,
    sampled_child: SampledChild | None = None,
    block_id: str | None = None,
) -> BlockChange:
    """Add one block to a repeating section (inside ``parent_block_id`` when nested).

    ``block_id`` lets undo put back a block under its old identity.
    """
    if block_id is not None and not _BLOCK_ID.fullmatch(block_id):
        raise InvalidInput("That block cannot be put back: its identity is not one AuditDesk made.")
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        audit_state.require_editable(audit)
        place = _place_for_new_block(loaded, section_id, parent_block_id)
        repeat = place.repeat
        child_id: int | None = None
        year_group: int | None = None
        if repeat.sampled_child:
            child = _sampled_child(session, ctx, audit, sampled_child, place.siblings)
            child_id, year_group, label = child.id, child.year_group, child.reference
        label = validation.required_text(
            label or _default_label(repeat.label, len(place.siblings) + 1),
            f"a name for the {repeat.unit}",
            max_length=limits.BLOCK_LABEL,
        )
        row = AuditBlock(
            uuid=block_id or str(uuid.uuid4()),
            audit_id=audit.id,
            section_id=section_id,
            parent_id=place.parent.id if place.parent else None,
            label=label,
            position=_next_position(session, audit.id, section_id),
            child_id=child_id,
            year_group=year_group,
        )
        session.add(row)
        session.flush()
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit.uuid,
            record_type="block",
            record_uuid=row.uuid,
            field=_trail_field(f"{place.section_title}: added {repeat.unit}"),
            new=label,
        )
        reloaded = audit_state.load_audit(session, audit_uuid)
        grades = audit_state.after_edit(session, ctx, reloaded)
        block = next(b for b in reloaded.blocks if b.id == row.uuid)
        return BlockChange(block, grades)


@dataclass(frozen=True)
class _Place:
    """Where a new block goes: its section's repeat rule, the block it sits in (for a
    nested section) and the blocks already beside it."""

    section_title: str
    repeat: Repeat
    parent: AuditBlock | None
    siblings: list[AuditBlock]


def _place_for_new_block(
    loaded: audit_state.LoadedAudit, section_id: str, parent_block_id: str | None
) -> _Place:
    """Where the block goes, refusing a section that does not repeat, a nested block
    without the right parent, and a section or audit that is already full."""
    section = loaded.index.sections.get(section_id)
    if section is None or section.repeat is None:
        raise InvalidInput(f"Section '{section_id}' does not repeat; there is nothing to add.")
    repeat = section.repeat
    parent_section = loaded.index.repeating_parent(section_id)
    parent_row = loaded.block_rows.get(parent_block_id) if parent_block_id else None
    if (parent_section is None) != (parent_row is None) or (
        parent_row is not None and parent_row.section_id != parent_section
    ):
        raise InvalidInput(f"Choose where this {repeat.unit} belongs before adding it.")
    siblings = [
        row
        for row in loaded.block_rows.values()
        if row.section_id == section_id and row.parent_id == (parent_row.id if parent_row else None)
    ]
    if len(siblings) >= repeat.max:
        raise InvalidInput(
            f"This audit already has {repeat.max} of {repeat.unit}s, the most allowed."
        )
    if len(loaded.block_rows) >= limits.BLOCKS_PER_AUDIT:
        raise InvalidInput(
            f"This audit already has {limits.BLOCKS_PER_AUDIT:,} blocks (children, "
            "outcomes and lines together), the most one audit can hold."
        )
    return _Place(section.title, repeat, parent_row, siblings)


def _sampled_child(
    session: Session,
    ctx: ServiceContext,
    audit: Audit,
    sampled_child: SampledChild | None,
    siblings: list[AuditBlock],
) -> Child:
    """The child a setting visit's new block is about, recorded under its pseudonymous
    reference (in the setting's locality), refused if already sampled in this visit."""
    if sampled_child is None:
        raise InvalidInput("Enter the sampled child's reference, year group and need.")
    setting = session.get(Setting, audit.setting_id) if audit.setting_id else None
    child = record_child(
        session,
        ctx,
        reference=sampled_child.reference,
        year_group=sampled_child.year_group,
        primary_need=sampled_child.primary_need,
        locality=setting.locality if setting else (audit.locality or "Unknown"),
        setting=setting,
    )
    if any(row.child_id == child.id for row in siblings):
        raise InvalidInput(f"{child.reference} is already sampled in this visit.")
    return child


def _next_position(session: Session, audit_id: int, section_id: str) -> int:
    """After the section's last block (positions are never reused within a section)."""
    last = session.scalar(
        select(func.max(AuditBlock.position)).where(
            AuditBlock.audit_id == audit_id, AuditBlock.section_id == section_id
        )
    )
    return (last or 0) + 1


def rename_block(ctx: ServiceContext, audit_uuid: str, block_id: str, label: str) -> BlockChange:
    label = validation.required_text(label, "a name", max_length=limits.BLOCK_LABEL)
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit_state.require_editable(loaded.audit)
        row = _row(loaded, block_id)
        section = loaded.index.sections[row.section_id]
        if section.repeat is not None and section.repeat.sampled_child:
            raise InvalidInput(
                "A sampled child's block is named by their reference; remove it and add the "
                "right child instead."
            )
        old, row.label = row.label, label
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="block",
            record_uuid=block_id,
            field=_trail_field(f"{section.title}: renamed"),
            old=old,
            new=label,
        )
        reloaded = audit_state.load_audit(session, audit_uuid)
        grades = audit_state.after_edit(session, ctx, reloaded)
        return BlockChange(next(b for b in reloaded.blocks if b.id == block_id), grades)


@dataclass(frozen=True)
class RemovedBlock:
    """A block as it was, to put back exactly (undo): its row and answers."""

    uuid: str
    section_id: str
    parent_uuid: str | None
    label: str
    position: int
    child_id: int | None
    year_group: int | None


@dataclass(frozen=True)
class Removal:
    grades: GradeUpdate
    blocks: tuple[RemovedBlock, ...]  # parents before children
    answers: tuple[AnswerRecord, ...]


def remove_block(ctx: ServiceContext, audit_uuid: str, block_id: str) -> Removal:
    """Remove a block with its nested blocks and their answers (the trail keeps a record,
    and the returned :class:`Removal` lets undo put them back)."""
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit_state.require_editable(loaded.audit)
        row = _row(loaded, block_id)
        section = loaded.index.sections[row.section_id]
        doomed = _with_descendants(loaded, row)
        saved_answers = tuple(
            audit_state.answer_record(answer, owner)
            for (_, owner), answer in loaded.answer_rows.items()
            if owner in doomed
        )
        uuid_by_id = {r.id: r.uuid for r in loaded.block_rows.values()}
        saved_blocks = tuple(
            RemovedBlock(
                r.uuid,
                r.section_id,
                uuid_by_id.get(r.parent_id) if r.parent_id else None,
                r.label,
                r.position,
                r.child_id,
                r.year_group,
            )
            for r in sorted(
                (loaded.block_rows[u] for u in doomed), key=lambda r: (r.parent_id or 0, r.id)
            )
        )
        answers = len(saved_answers)
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="block",
            record_uuid=block_id,
            field=_trail_field(f"{section.title}: removed"),
            old=f"{row.label} ({answers} answers)",
        )
        session.delete(row)  # nested blocks and answers go by ON DELETE CASCADE
        session.flush()
        session.expire_all()
        reloaded = audit_state.load_audit(session, audit_uuid)
        grades = audit_state.after_edit(session, ctx, reloaded)
        return Removal(grades, _parents_first(saved_blocks), saved_answers)


def restore_blocks(ctx: ServiceContext, audit_uuid: str, removal: Removal) -> GradeUpdate:
    """Put removed blocks and their answers back as they were (undo of a removal)."""
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit_state.require_editable(loaded.audit)
        ids = {row.uuid: row.id for row in loaded.block_rows.values()}
        for block in removal.blocks:
            if block.uuid in ids:
                raise InvalidInput("That block is already back in the audit.")
            parent_id = ids.get(block.parent_uuid) if block.parent_uuid else None
            row = AuditBlock(
                uuid=block.uuid,
                audit_id=loaded.audit.id,
                section_id=block.section_id,
                parent_id=parent_id,
                label=block.label,
                position=block.position,
                child_id=block.child_id,
                year_group=block.year_group,
            )
            session.add(row)
            session.flush()
            ids[block.uuid] = row.id
        for answer in removal.answers:
            session.add(
                Answer(
                    audit_id=loaded.audit.id,
                    question_id=answer.question_id,
                    block_id=ids[answer.block_id] if answer.block_id else None,
                    rating=answer.rating,
                    comment=answer.comment,
                    evidence=answer.evidence,
                    board_highlight=answer.board_highlight,
                    updated_at=ctx.now(),
                    updated_by=ctx.actor.name,
                )
            )
        first = removal.blocks[0]
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="block",
            record_uuid=first.uuid,
            field=_trail_field(f"{loaded.index.sections[first.section_id].title}: put back"),
            new=f"{first.label} ({len(removal.answers)} answers)",
        )
        session.flush()
        reloaded = audit_state.load_audit(session, audit_uuid)
        return audit_state.after_edit(session, ctx, reloaded)


# The shape a block's identity must have to travel (a UUID, as AuditDesk makes them).
_BLOCK_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,35}")


def _default_label(label: str, number: int) -> str:
    """A new block's name, such as "Outcome 3": a template's label may be long, the
    block's name may not."""
    suffix = f" {number}"
    return label[: limits.BLOCK_LABEL - len(suffix)] + suffix


def _trail_field(text: str) -> str:
    """What changed, in words, short enough for the trail (a template's section title may
    run to thousands of characters)."""
    if len(text) <= limits.TRAIL_FIELD:
        return text
    return text[: limits.TRAIL_FIELD - 1] + "…"


def _parents_first(blocks: tuple[RemovedBlock, ...]) -> tuple[RemovedBlock, ...]:
    ordered: list[RemovedBlock] = []
    placed: set[str | None] = set()
    remaining = list(blocks)
    root_parents = {b.parent_uuid for b in blocks} - {b.uuid for b in blocks}
    placed |= root_parents
    while remaining:
        ready = [b for b in remaining if b.parent_uuid in placed]
        for block in sorted(ready, key=lambda b: b.position):
            ordered.append(block)
            placed.add(block.uuid)
            remaining.remove(block)
    return tuple(ordered)


def _row(loaded: audit_state.LoadedAudit, block_id: str) -> AuditBlock:
    row = loaded.block_rows.get(block_id)
    if row is None:
        raise InvalidInput("That block is no longer in this audit; refresh and retry.")
    return row


def _with_descendants(loaded: audit_state.LoadedAudit, root: AuditBlock) -> set[str]:
    found = {root.uuid}
    changed = True
    while changed:
        changed = False
        ids = {loaded.block_rows[u].id for u in found}
        for row in loaded.block_rows.values():
            if row.parent_id in ids and row.uuid not in found:
                found.add(row.uuid)
                changed = True
    return found
