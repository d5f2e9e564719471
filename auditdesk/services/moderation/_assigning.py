"""Giving drawn audits to a second marker, who must be independent of them: nobody
second-marks an audit they worked on, and a submitted second marking keeps its marker."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.reference import Agency
from auditdesk.errors import InvalidInput
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import auditor_by_uuid
from auditdesk.services.moderation._listing import moderation_rows
from auditdesk.services.moderation._records import find_moderation, touch
from auditdesk.services.moderation._results import MarkerChoice, ModerationRow
from auditdesk.store.models import Audit, AuditAuditor, Auditor, Moderation


def second_marker_choices(
    ctx: ServiceContext, moderation_uuids: Sequence[str]
) -> list[MarkerChoice]:
    """Everyone in the database, by name, each with the chosen audits they worked on."""
    with ctx.db.read() as session:
        audit_ids = {find_moderation(session, uuid_).audit_id for uuid_ in moderation_uuids}
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
        moderations = [find_moderation(session, uuid_) for uuid_ in wanted]
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
            touch(session, ctx, moderation, "second marker", auditor.name)
        session.flush()
        ids = [moderation.id for moderation in moderations]
        rows = {row.uuid: row for row in moderation_rows(session, Moderation.id.in_(ids))}
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
