"""Audit templates in the database: frozen versions, each audit pointing at its own."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.reference import TemplateKind
from auditdesk.errors import NotFound
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import TemplateSummary
from auditdesk.store.database import Database, app_state, set_app_state
from auditdesk.store.models import TemplateVersion
from auditdesk.store.shipped import shipped_templates_fingerprint
from auditdesk.store.state_keys import SHIPPED_TEMPLATES_KEY

if TYPE_CHECKING:
    from auditdesk.domain.template_index import TemplateIndex
    from auditdesk.domain.template_loader import LoadedTemplate


class ShippedTemplateChanged(RuntimeError):
    """A shipped template's content changed but its version did not: a release bug."""


def install_shipped_templates(db: Database) -> None:
    """Freeze every shipped template version into the database (idempotent).

    Parsing and validating the YAML takes a noticeable part of a second, so the bytes of
    the shipped files are fingerprinted: when this database already holds exactly these
    files, start-up skips the work."""
    fingerprint = shipped_templates_fingerprint()
    with db.read() as session:
        if app_state(session, SHIPPED_TEMPLATES_KEY) == fingerprint:
            return
    # Only now: reading the YAML (PyYAML and the template checks) is needed when the
    # shipped files changed since this database saw them, which start-up almost never meets.
    from auditdesk.domain.template_loader import shipped_templates  # noqa: PLC0415

    with db.write() as session:
        for loaded in shipped_templates():
            install_template(session, loaded)
        set_app_state(session, SHIPPED_TEMPLATES_KEY, fingerprint)


def install_template(session: Session, loaded: LoadedTemplate) -> TemplateVersion:
    """Store one template version unless it is there already; never alter a stored one."""
    template = loaded.template
    found = session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.template_id == template.id,
            TemplateVersion.version == template.version,
        )
    )
    if found is not None:
        if found.sha256 != loaded.sha256:
            raise ShippedTemplateChanged(
                f"{loaded.source}: {template.key} differs from the stored version with the "
                "same number; a changed template needs a new version number"
            )
        return found
    stored = TemplateVersion(
        template_id=template.id,
        version=template.version,
        title=template.title,
        kind=template.kind.value,
        definition=json.dumps(loaded.definition, sort_keys=True, ensure_ascii=False),
        sha256=loaded.sha256,
    )
    session.add(stored)
    session.flush()
    return stored


def list_templates(ctx: ServiceContext, *, latest_only: bool = True) -> list[TemplateSummary]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(TemplateVersion).order_by(TemplateVersion.title, TemplateVersion.version)
        ).all()
    if latest_only:
        latest: dict[str, TemplateVersion] = {}
        for row in rows:
            if row.template_id not in latest or row.version > latest[row.template_id].version:
                latest[row.template_id] = row
        rows = sorted(latest.values(), key=lambda row: row.title)
    return [summary(row) for row in rows]


def latest_version(session: Session, template_id: str) -> TemplateVersion:
    found = session.scalar(
        select(TemplateVersion)
        .where(TemplateVersion.template_id == template_id)
        .order_by(TemplateVersion.version.desc())
        .limit(1)
    )
    if found is None:
        known = ", ".join(session.scalars(select(TemplateVersion.template_id).distinct()))
        raise NotFound(f"There is no template '{template_id}'. Templates here: {known}.")
    return found


def index_for(version: TemplateVersion) -> TemplateIndex:
    """The parsed template of a stored version (cached: versions never change)."""
    return _index_from_definition(version.sha256, version.definition)


@lru_cache(maxsize=64)
def _index_from_definition(sha256: str, definition: str) -> TemplateIndex:
    # The template model is pydantic: loaded with the first template read (an audit opened,
    # a report), not by opening a database whose templates are unchanged.
    from auditdesk.domain.template_index import TemplateIndex  # noqa: PLC0415
    from auditdesk.domain.template_model import AuditTemplate  # noqa: PLC0415

    return TemplateIndex(AuditTemplate.model_validate(json.loads(definition)))


def summary(row: TemplateVersion) -> TemplateSummary:
    return TemplateSummary(
        template_id=row.template_id,
        version=row.version,
        title=row.title,
        kind=TemplateKind(row.kind),
        sha256=row.sha256,
    )
