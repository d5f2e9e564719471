"""Real bundles of demo audits (every template, repeated sections, actions, a moderation),
written by AuditDesk's own writer from a small demo database with a fixed seed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.bundles import ChosenAudits, send_audits
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import Ticker
from tests.ui.demo_files import make_demo


@dataclass(frozen=True)
class DemoBundles:
    database: Path  # the sender's database, closed
    everything: Path  # all its audits
    one: Path  # its first audit and what it refers to
    with_blocks: str  # the member of an audit with repeated sections
    with_moderation: str  # the member of an audit with a moderation


def make_demo_bundles(folder: Path, *, audits: int = 12, seed: int = 3) -> DemoBundles:
    folder.mkdir(parents=True, exist_ok=True)
    database = make_demo(folder / "demo.sqlite", audits, seed=seed)
    with closing(sqlite3.connect(database)) as connection:
        uuids = [uuid for (uuid,) in connection.execute("SELECT uuid FROM audits ORDER BY id")]
        (blocks,) = connection.execute(
            "SELECT a.uuid FROM audits a JOIN audit_blocks b ON b.audit_id = a.id "
            "ORDER BY a.id LIMIT 1"
        ).fetchone()
        (moderated,) = connection.execute(
            "SELECT a.uuid FROM audits a JOIN moderations m ON m.audit_id = a.id "
            "ORDER BY a.id LIMIT 1"
        ).fetchone()
    db = open_workspace(database)
    try:
        actor = save_profile(db, "Dana Demo", Agency.EDUCATION, Role.QUALITY_LEAD)
        ctx = ServiceContext(db, actor, clock=Ticker())
        everything = folder / "everything.auditdesk"
        send_audits(ctx, everything, ChosenAudits(tuple(uuids)))
        one = folder / "one.auditdesk"
        send_audits(ctx, one, ChosenAudits((uuids[0],)))
    finally:
        db.close()
    return DemoBundles(
        database, everything, one, f"audits/{blocks}.json", f"audits/{moderated}.json"
    )
