"""What a verified bundle holds, in memory: every record with its lineage and document.

Made only by :func:`auditdesk.services.bundles._reader.read_bundle`, after every check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditdesk.domain.bundle_format import BundleManifest, RecordKind


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
    bookkeeping outside its hash (``stamps``, ``extra``) and its lineage."""

    kind: RecordKind
    uuid: str
    revision: int
    hash: str
    parent_hash: str | None
    ancestry: tuple[str, ...]
    document: dict[str, Any]
    stamps: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    audit_uuid: str | None = None  # audits, actions and moderations
    canonical: str | None = None  # the document's canonical JSON, kept from the hash check


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
