"""What audits look at: settings (schools, colleges, early years) and children, the latter
only ever by pseudonymous reference."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.reference import (
    EARLIEST_YEAR_GROUP,
    LATEST_YEAR_GROUP,
    PrimaryNeed,
    SettingPhase,
    SettingType,
    year_group_label,
)
from auditdesk.errors import InvalidInput, NotFound
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._record_hashes import rehash_child, rehash_setting
from auditdesk.services.kernel._records import SettingRecord
from auditdesk.store.models import Audit, Child, Setting


def add_setting(
    ctx: ServiceContext,
    *,
    name: str,
    urn: str | None,
    setting_type: SettingType,
    phase: SettingPhase,
    locality: str,
) -> SettingRecord:
    """Add a setting; a URN already in the database returns that setting instead."""
    name = validation.required_text(name, "the setting's name", max_length=limits.SETTING_NAME)
    urn = validation.setting_urn(urn)
    locality = validation.required_text(locality, "the locality", max_length=limits.LOCALITY)
    with ctx.db.write() as session:
        if urn is not None:
            existing = session.scalar(select(Setting).where(Setting.urn == urn))
            if existing is not None:
                return setting_record(existing)
        setting = Setting(
            uuid=str(uuid.uuid4()),
            name=name,
            urn=urn,
            setting_type=setting_type.value,
            phase=phase.value,
            locality=locality,
            author=ctx.actor.name,
            device=ctx.device,
        )
        rehash_setting(setting)
        session.add(setting)
        session.flush()
        return setting_record(setting)


def list_settings(ctx: ServiceContext, text: str = "") -> list[SettingRecord]:
    with ctx.db.read() as session:
        query = select(Setting).order_by(Setting.name)
        if text.strip():
            pattern = f"%{text.strip()}%"
            query = query.where(or_(Setting.name.ilike(pattern), Setting.urn.ilike(pattern)))
        return [setting_record(row) for row in session.scalars(query)]


def localities(ctx: ServiceContext) -> list[str]:
    """Every locality in use, for pick lists and filters."""
    with ctx.db.read() as session:
        query = union(
            select(Setting.locality), select(Child.locality), select(Audit.locality)
        ).subquery()
        values = session.scalars(select(query.c[0]).distinct()).all()
        return sorted(v for v in values if v)


def setting_by_uuid(session: Session, setting_uuid: str) -> Setting:
    found = session.scalar(select(Setting).where(Setting.uuid == setting_uuid))
    if found is None:
        raise NotFound("That setting is not in this database; add it first.")
    return found


def record_child(
    session: Session,
    ctx: ServiceContext,
    *,
    reference: str,
    year_group: int,
    primary_need: PrimaryNeed,
    locality: str,
    setting: Setting | None,
) -> Child:
    """The child with this reference, created or brought up to date (year group moves on)."""
    reference = validation.child_reference(reference)
    check_year_group(year_group)
    locality = validation.required_text(
        locality, "the child's locality", max_length=limits.LOCALITY
    )
    child = session.scalar(select(Child).where(Child.reference == reference))
    if child is None:
        child = Child(
            uuid=str(uuid.uuid4()),
            reference=reference,
            year_group=year_group,
            primary_need=primary_need.value,
            locality=locality,
            setting_id=setting.id if setting else None,
            author=ctx.actor.name,
            device=ctx.device,
        )
        session.add(child)
    else:
        child.year_group = year_group
        child.primary_need = primary_need.value
        child.locality = locality
        if setting is not None:
            child.setting_id = setting.id
        child.updated_at = ctx.now()
    session.flush()
    rehash_child(session, child)
    return child


def check_year_group(year_group: int) -> None:
    """A year group AuditDesk knows, from early years to Post-19."""
    if (
        not isinstance(year_group, int)
        or isinstance(year_group, bool)
        or not EARLIEST_YEAR_GROUP <= year_group <= LATEST_YEAR_GROUP
    ):
        raise InvalidInput(
            f"Year group {year_group!r} is not one AuditDesk knows: choose one from "
            f"{year_group_label(EARLIEST_YEAR_GROUP)} to {year_group_label(LATEST_YEAR_GROUP)}."
        )


def setting_record(row: Setting) -> SettingRecord:
    return SettingRecord(
        row.uuid,
        row.name,
        row.urn,
        SettingType(row.setting_type),
        SettingPhase(row.phase),
        row.locality,
    )
