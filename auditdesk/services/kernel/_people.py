"""The auditor's profile and the people who appear on audits."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import NotFound
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._record_hashes import rehash_auditor
from auditdesk.services.kernel._records import AuditorRecord
from auditdesk.store.database import Database, app_state, set_app_state
from auditdesk.store.models import Auditor
from auditdesk.store.state_keys import PROFILE_KEY


def get_profile(db: Database) -> Actor | None:
    """Whose laptop this is, or ``None`` before the welcome screen has been filled in."""
    with db.read() as session:
        found = app_state(session, PROFILE_KEY)
        auditor = _by_uuid(session, found) if found else None
        return _actor(auditor) if auditor else None


def save_profile(db: Database, name: str, agency: Agency, role: Role) -> Actor:
    """Create or update the profile; the person becomes an auditor others can see."""
    name = validation.required_text(name, "your name", max_length=limits.PERSON_NAME)
    with db.write() as session:
        existing = app_state(session, PROFILE_KEY)
        auditor = _by_uuid(session, existing) if existing else None
        if auditor is None:
            auditor = _new_auditor(name, agency, role, author=name, device=db.device_id)
            session.add(auditor)
            set_app_state(session, PROFILE_KEY, auditor.uuid)
        else:
            auditor.name, auditor.agency, auditor.role = name, agency.value, role.value
            auditor.revision += 1
        rehash_auditor(auditor)
        session.flush()
        return _actor(auditor)


def use_profile(db: Database, name: str, agency: Agency, role: Role) -> Actor:
    """Record ``name`` as the person working in this database, and return them.

    Who the person is comes from their own preferences, never from the database: opening
    somebody else's database (the demo's, a colleague's) must not turn them into its last
    user. They are matched to an auditor of the same name and agency already in the file,
    or added; nobody else's record is renamed. The database remembers them as its profile
    so headless commands run on it later know whose work it was.
    """
    name = validation.required_text(name, "your name", max_length=limits.PERSON_NAME)
    with db.write() as session:
        existing = session.scalar(
            select(Auditor).where(
                func.lower(Auditor.name) == name.lower(), Auditor.agency == agency.value
            )
        )
        if existing is None:
            existing = _new_auditor(name, agency, role, author=name, device=db.device_id)
            rehash_auditor(existing)
            session.add(existing)
            session.flush()
        elif existing.role != role.value:
            existing.role = role.value
            existing.revision += 1
            rehash_auditor(existing)
        set_app_state(session, PROFILE_KEY, existing.uuid)
        return _actor(existing)


def list_auditors(ctx: ServiceContext) -> list[AuditorRecord]:
    with ctx.db.read() as session:
        rows = session.scalars(select(Auditor).order_by(Auditor.name)).all()
        return [auditor_record(row) for row in rows]


def add_auditor(ctx: ServiceContext, name: str, agency: Agency, role: Role) -> AuditorRecord:
    with ctx.db.write() as session:
        return auditor_record(find_or_add_auditor(session, ctx, name, agency, role))


def find_or_add_auditor(
    session: Session, ctx: ServiceContext, name: str, agency: Agency, role: Role
) -> Auditor:
    """The auditor of that name and agency, added if new (names are matched ignoring case)."""
    name = validation.required_text(name, "the auditor's name", max_length=limits.PERSON_NAME)
    found = session.scalar(
        select(Auditor).where(
            func.lower(Auditor.name) == name.lower(), Auditor.agency == agency.value
        )
    )
    if found is not None:
        return found
    auditor = _new_auditor(name, agency, role, author=ctx.actor.name, device=ctx.device)
    rehash_auditor(auditor)
    session.add(auditor)
    session.flush()
    return auditor


def auditor_by_uuid(session: Session, auditor_uuid: str) -> Auditor:
    found = _by_uuid(session, auditor_uuid)
    if found is None:
        raise NotFound("That auditor is not in this database.")
    return found


def auditor_record(row: Auditor) -> AuditorRecord:
    return AuditorRecord(row.uuid, row.name, Agency(row.agency), Role(row.role))


def _by_uuid(session: Session, auditor_uuid: str) -> Auditor | None:
    return session.scalar(select(Auditor).where(Auditor.uuid == auditor_uuid))


def _new_auditor(name: str, agency: Agency, role: Role, *, author: str, device: str) -> Auditor:
    return Auditor(
        uuid=str(uuid.uuid4()),
        name=name,
        agency=agency.value,
        role=role.value,
        author=author,
        device=device,
    )


def _actor(auditor: Auditor) -> Actor:
    return Actor(auditor.name, Agency(auditor.agency), Role(auditor.role), auditor.uuid)
