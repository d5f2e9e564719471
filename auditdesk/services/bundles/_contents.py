"""What a verified bundle holds, in memory: every record with its lineage and document.

Made by :func:`auditdesk.services.bundles._reader.read_bundle` after every check, and by
:mod:`._take_theirs` from what a conflict kept of a version. Each document is its model
(:mod:`auditdesk.domain.bundle_documents`), never loose JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditdesk.domain.bundle_documents import (
    AuditDocument,
    Document,
    TravellingDocument,
    document_as,
)
from auditdesk.domain.bundle_format import (
    AuditExtras,
    BundleManifest,
    ModerationTimes,
    RecordKind,
    RecordStamps,
)
from auditdesk.domain.canonical import canonical_json

#: What a record carries beside its document and stamps: an audit's bookkeeping, answer
#: stamps and trail; a moderation's times; nothing for the others.
Extras = AuditExtras | ModerationTimes | None


@dataclass(frozen=True)
class IncomingTemplate:
    template_id: str
    version: int
    sha256: str
    title: str
    definition: dict[str, Any] | None  # None when the bundle does not carry it

    @property
    def key(self) -> tuple[str, int]:
        return (self.template_id, self.version)


@dataclass(frozen=True)
class IncomingRecord:
    """One record as the bundle carries it: its canonical document (hashed), the
    bookkeeping outside its hash (``stamps``, ``extras``) and its lineage."""

    kind: RecordKind
    uuid: str
    revision: int
    hash: str
    parent_hash: str | None
    ancestry: tuple[str, ...]
    document: TravellingDocument
    stamps: RecordStamps
    extras: Extras = None
    audit_uuid: str | None = None  # audits, actions and moderations
    canonical: str | None = None  # the document's canonical JSON, kept from the hash check

    def document_as(self, model: type[Document]) -> Document:
        """The document, as the model this record's kind has."""
        return document_as(self.document, model)

    @property
    def audit(self) -> AuditDocument:
        """An audit record's document."""
        return document_as(self.document, AuditDocument)

    @property
    def audit_extras(self) -> AuditExtras:
        """An audit record's bookkeeping, answer stamps and trail."""
        if not isinstance(self.extras, AuditExtras):
            raise TypeError(f"a {self.kind} carries no audit bookkeeping")
        return self.extras

    @property
    def moderation_times(self) -> ModerationTimes:
        if not isinstance(self.extras, ModerationTimes):
            raise TypeError(f"a {self.kind} carries no moderation times")
        return self.extras

    def extras_text(self) -> str:
        """The stamps and extras as canonical JSON text, as a conflict keeps them."""
        kept: dict[str, Any] = {"stamps": self.stamps.model_dump(mode="json")}
        if self.extras is not None:
            kept.update(self.extras.model_dump(mode="json"))
        return canonical_json(kept).decode("utf-8")


def extras_from_text(kind: RecordKind, text: str) -> tuple[RecordStamps, Extras]:
    """The stamps and extras of :meth:`IncomingRecord.extras_text`, read back."""
    kept = json.loads(text)
    stamps = RecordStamps.model_validate(kept.pop("stamps"))
    if kind == "audit":
        return stamps, AuditExtras.model_validate(kept)
    if kind == "moderation":
        return stamps, ModerationTimes.model_validate(kept)
    return stamps, None


@dataclass(frozen=True)
class BundleContents:
    path: Path
    file_sha256: str
    manifest: BundleManifest
    templates: tuple[IncomingTemplate, ...]
    records: tuple[IncomingRecord, ...]  # parents before the records that refer to them

    def of_kind(self, kind: RecordKind) -> list[IncomingRecord]:
        return [record for record in self.records if record.kind == kind]

    @property
    def sender(self) -> str:
        return self.manifest.author.name
