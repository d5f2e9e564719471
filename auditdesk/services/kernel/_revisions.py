"""Revisions of travelling records: sealing, lineage and the history of superseded content.

A revision is *sealed* once it exists outside this database: it was sent in a bundle, or
received from one. A sealed revision never changes. The first edit after sealing starts a
new revision whose parent is the sealed one (:func:`follow_edit`, called wherever a
record's content hash is recomputed), so a bundle can tell whether an incoming revision
follows from the one here or was made alongside it (a conflict).

Revisions are identified by content hash; revision numbers are for people to read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.canonical import canonical_json
from auditdesk.store.models import RecordRevision

#: How many earlier hashes a revision remembers; older ones stop counting as ancestors.
MAX_ANCESTRY = 500
_CHUNK = 500


class RevisedRecord(Protocol):
    uuid: str
    revision: int
    content_hash: str


@dataclass(frozen=True)
class HistoryRow:
    id: int
    revision: int
    content_hash: str
    parent_hash: str | None
    ancestry: tuple[str, ...]
    origin: str
    has_document: bool


@dataclass(frozen=True)
class Lineage:
    """Where a live revision comes from: its parent and every earlier hash, newest first."""

    parent_hash: str | None
    ancestry: tuple[str, ...]
    sealed_revision: int | None  # the sealed revision with this content, if there is one

    @property
    def sealed(self) -> bool:
        return self.sealed_revision is not None

    def child(self, content_hash: str) -> tuple[str, ...]:
        """The ancestry of a revision whose parent is ``content_hash`` (this one)."""
        return ((content_hash, *self.ancestry))[:MAX_ANCESTRY]


def follow_edit(session: Session, row: RevisedRecord) -> None:
    """Call after a record's content hash changes: an edit to a sealed revision starts the
    next revision; undoing back to the sealed content returns to it."""
    history = session.execute(
        select(RecordRevision.revision, RecordRevision.content_hash)
        .where(RecordRevision.record_uuid == row.uuid)
        .order_by(RecordRevision.id)
    ).all()
    if not history:
        return  # never left this database: there is nothing to protect yet
    base_revision, base_hash = history[-1]
    if row.content_hash == base_hash:
        row.revision = base_revision
    elif any(revision == row.revision for revision, _ in history):
        row.revision = max(revision for revision, _ in history) + 1


def history_of(session: Session, uuids: Iterable[str]) -> dict[str, list[HistoryRow]]:
    """Every sealed revision of each record, oldest first (chunked, for bundles)."""
    found: dict[str, list[HistoryRow]] = defaultdict(list)
    wanted = sorted(set(uuids))
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(
                RecordRevision.record_uuid,
                RecordRevision.id,
                RecordRevision.revision,
                RecordRevision.content_hash,
                RecordRevision.parent_hash,
                RecordRevision.ancestry,
                RecordRevision.origin,
                RecordRevision.document.is_not(None),
            )
            .where(RecordRevision.record_uuid.in_(wanted[start : start + _CHUNK]))
            .order_by(RecordRevision.id)
        ).all()
        for uuid, id_, revision, content_hash, parent, ancestry, origin, has_document in rows:
            found[uuid].append(
                HistoryRow(
                    id_,
                    revision,
                    content_hash,
                    parent,
                    tuple(json.loads(ancestry)),
                    origin,
                    bool(has_document),
                )
            )
    return found


def lineage_of(content_hash: str, history: Sequence[HistoryRow]) -> Lineage:
    """The lineage of the live revision with ``content_hash``, given the record's history.

    Only the newest sealed revision counts as "this content, already sealed": content that
    happens to equal an older revision (an edit undone after a later send) is a new
    revision whose parent is the newest, so it still reaches those who have the later one.
    """
    if not history:
        return Lineage(None, (), None)
    base = history[-1]
    if base.content_hash == content_hash:
        return Lineage(base.parent_hash, base.ancestry, base.revision)
    return Lineage(base.content_hash, ((base.content_hash, *base.ancestry))[:MAX_ANCESTRY], None)


def known_hashes(history: Sequence[HistoryRow]) -> set[str]:
    """Every revision this database has held or knows to come before one it holds."""
    known: set[str] = set()
    for row in history:
        known.add(row.content_hash)
        known.update(row.ancestry)
    return known


def next_revision(live_revision: int, history: Sequence[HistoryRow]) -> int:
    """A revision number not yet used by a sealed revision of the record."""
    used = {row.revision for row in history}
    if live_revision not in used:
        return live_revision
    return max(used) + 1


def revision_row(
    *,
    record_type: str,
    record_uuid: str,
    revision: int,
    content_hash: str,
    lineage: Lineage,
    origin: str,
    author: str,
    device: str,
    at: datetime,
    document: dict[str, Any] | None = None,
    document_text: str | None = None,
) -> dict[str, Any]:
    """A ``record_revisions`` row, for bulk inserts (``document_text``: the document's
    canonical JSON when the caller already has it)."""
    return {
        "record_type": record_type,
        "record_uuid": record_uuid,
        "revision": revision,
        "content_hash": content_hash,
        "parent_hash": lineage.parent_hash,
        "ancestry": json.dumps(list(lineage.ancestry[:MAX_ANCESTRY])),
        "origin": origin,
        "document": document_text
        if document_text is not None
        else (None if document is None else canonical_text(document)),
        "author": author,
        "device": device,
        "recorded_at": at,
    }


def canonical_text(document: dict[str, Any]) -> str:
    """Canonical JSON as text (what history and conflict rows store)."""
    return canonical_json(document).decode("utf-8")
