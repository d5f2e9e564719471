"""The state one import (or one "take theirs") carries while it writes: local ids by uuid,
ids handed out for bulk inserts, and the rows of history, provenance and trail it
collects on the way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from auditdesk.domain.bundle_documents import AuditorDocument, SettingDocument
from auditdesk.domain.bundle_format import parse_time
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._revisions import HistoryRow


@dataclass
class Importing:
    session: Session
    ctx: ServiceContext
    now: datetime
    bundle_id: int
    sender: str
    sender_device: str
    file_name: str
    template_rows: dict[tuple[str, int], int]  # template key -> template_versions.id
    indexes: dict[tuple[str, int], TemplateIndex]
    ids: dict[str, int] = field(default_factory=dict)  # incoming uuid -> local row id
    child_by_reference: dict[str, int] = field(default_factory=dict)
    block_ids: dict[str, int] = field(default_factory=dict)  # block uuid -> local row id
    setting_names: dict[str, str] = field(default_factory=dict)  # setting uuid -> name
    urns: dict[str, str | None] = field(default_factory=dict)  # setting uuid -> URN
    auditor_names: dict[str, str] = field(default_factory=dict)  # auditor uuid -> name
    history_rows: list[dict[str, Any]] = field(default_factory=list)
    provenance_rows: list[dict[str, Any]] = field(default_factory=list)
    trail_rows: list[dict[str, Any]] = field(default_factory=list)
    revision_here: dict[str, int] = field(default_factory=dict)  # by local uuid
    touched_audits: set[int] = field(default_factory=set)
    # audit id -> content hashes that agreed moderations moderated
    agreed_moderations: dict[int, set[str]] = field(default_factory=dict)
    _next: dict[Any, int] = field(default_factory=dict)

    def know(self, records: list[IncomingRecord]) -> None:
        """Names from the incoming settings and auditors (for the list's search words)."""
        for record in records:
            document = record.document
            if isinstance(document, SettingDocument):
                self.setting_names[record.uuid] = document.name
                self.urns[record.uuid] = document.urn
            elif isinstance(document, AuditorDocument):
                self.auditor_names[record.uuid] = document.name

    def allocate(self, model: Any) -> int:
        """The next free primary key of ``model`` (the write lock is held, so no other
        writer can take it): bulk inserts need ids up front to link rows."""
        if model not in self._next:
            self._next[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1
        value = self._next[model]
        self._next[model] = value + 1
        return value

    def trail(
        self,
        audit_uuid: str | None,
        *,
        record_type: str,
        record_uuid: str,
        field: str,
        old: object = None,
        new: object = None,
    ) -> None:
        self.trail_rows.append(
            {
                "at": self.now,
                "actor": self.ctx.actor.name,
                "device": self.ctx.device,
                "audit_uuid": audit_uuid,
                "record_type": record_type,
                "record_uuid": record_uuid,
                "field": field,
                "old_value": None if old is None else str(old),
                "new_value": None if new is None else str(new),
                "reason": None,
            }
        )

    def provenance(self, record: IncomingRecord, local_uuid: str, outcome: str) -> None:
        self.provenance_rows.append(
            {
                "received_bundle_id": self.bundle_id,
                "record_type": record.kind,
                "record_uuid": local_uuid,
                "revision": record.revision,
                "content_hash": record.hash,
                "outcome": outcome,
                "author": self.sender,
                "device": self.sender_device,
                "imported_at": self.now,
            }
        )


def next_revision(wanted: int, local_revision: int | None, history: list[HistoryRow]) -> int:
    """The incoming revision number, unless it is already used here or would not follow
    the one here (two laptops can number differently; hashes say what is what)."""
    used = {row.revision for row in history}
    if local_revision is not None:
        used.add(local_revision)
    if wanted in used or (local_revision is not None and wanted <= local_revision):
        return max(used) + 1
    return wanted


def bulk_insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with one executemany.

    The Core INSERT is compiled once for the connection's dialect and each value goes
    through its column type's own bind processor (so UTC times are stored exactly as the
    ORM stores them); only SQLAlchemy's generic per-row bookkeeping is skipped, which is
    most of the cost at a hundred thousand answers. Every row must have the same keys.
    """
    if not rows:
        return
    table = model.__table__  # type: ignore[attr-defined]
    keys = rows[0].keys()
    if not all(row.keys() == keys for row in rows):
        raise ValueError(f"rows for {table.name} do not all have the same columns")
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = list(compiled.positiontup or []) if compiled.positional else list(keys)
    pick = itemgetter(*names)
    converted = [
        (number, _remembering(process))
        for number, name in enumerate(names)
        if (process := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
    ]
    parameters: list[Any] = []
    for row in rows:
        values = pick(row)
        if len(names) == 1:
            values = (values,)
        if converted:
            values = list(values)
            for number, process in converted:
                values[number] = process(values[number])
        parameters.append(
            tuple(values) if compiled.positional else dict(zip(names, values, strict=True))
        )
    connection.exec_driver_sql(str(compiled), parameters)


def _remembering(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A bind processor that converts each distinct value once (the answers of one audit
    share a handful of times, and converting a time is the costly part)."""
    done: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return done[value]
        except KeyError:
            done[value] = result = process(value)
            return result

    return convert


def travelling(record: IncomingRecord, revision: int) -> dict[str, Any]:
    """The identity columns of a travelling record, as it came."""
    stamps = record.stamps
    return {
        "uuid": record.uuid,
        "revision": revision,
        "content_hash": record.hash,
        "created_at": parse_time(stamps.created_at),
        "updated_at": parse_time(stamps.updated_at),
        "author": stamps.author,
        "device": stamps.device,
    }


def optional_time(text: str | None) -> datetime | None:
    return parse_time(text) if text else None
