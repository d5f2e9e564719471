"""Laptops for bundle tests: each a real database file with its own profile and device, on
a clock that ticks (so two edits never share a time), plus a full dump for comparing a
database before and after."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.domain.template_loader import load_template_file
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import ChosenAudits, import_bundle, send_audits
from auditdesk.services.bundles._results import ImportResult, SendSelection
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.services.kernel._templates import install_template
from auditdesk.services.kernel._workspace import Database, open_workspace
from tests import made_once
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything

QUICK_CHECK = Path(__file__).with_name("quick_check.yaml")


class Ticker:
    """A clock that moves on a second every time it is read."""

    def __init__(self, start: datetime = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class Laptop:
    name: str
    path: Path
    db: Database
    ctx: ServiceContext
    outbox: Path

    def send(self, selection: SendSelection, name: str) -> Path:
        target = self.outbox / f"{name}.auditdesk"
        send_audits(self.ctx, target, selection)
        return target

    def send_audits(self, *uuids: str, name: str) -> Path:
        return self.send(ChosenAudits(uuids), name)

    def receive(self, bundle: Path) -> ImportResult:
        return import_bundle(self.ctx, bundle)

    def dump(self) -> list[str]:
        return dump(self.path)

    def close(self) -> None:
        self.db.close()


def open_laptop(
    folder: Path,
    name: str,
    *,
    role: Role = Role.PRACTICE_CHAMPION,
    agency: Agency = Agency.EDUCATION,
    clock: Ticker | None = None,
) -> Laptop:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.split(maxsplit=1)[0].lower()}.sqlite"
    if not path.exists():
        made_once.new_database(path)  # a new laptop: its own copy, its own device id
    db = open_workspace(path)
    actor = save_profile(db, name, agency, role)
    outbox = folder / f"{name.split(maxsplit=1)[0].lower()}-outbox"
    outbox.mkdir(exist_ok=True)
    return Laptop(name, path, db, ServiceContext(db, actor, clock=clock or Ticker()), outbox)


def install_quick_check(laptop: Laptop) -> None:
    with laptop.db.write() as session:
        install_template(session, load_template_file(QUICK_CHECK))


def dump(path: Path) -> list[str]:
    """Every table's schema and rows, as SQL (what "exactly as it was" is checked against)."""
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def completed_audit(laptop: Laptop, reference: str, points: int = 3) -> AuditDetail:
    detail = audits.create_audit(
        laptop.ctx, template_id="ehcp-quality", subject=plan_subject(reference)
    )
    answer_everything(laptop.ctx, detail, points=points)
    return audit_lifecycle.complete_audit(laptop.ctx, detail.uuid)


def table_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def files_in(folder: Path) -> Iterator[str]:
    return (entry.name for entry in folder.iterdir())
