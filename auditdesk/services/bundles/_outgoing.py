"""What the writer checks as a member goes into a bundle: that the bundle format's models
(the same ones the reader checks against) accept it as it is built, that it is within the
sizes a reader accepts, and how to pack it so no reader takes it for a zip bomb.

A member the models refuse is a fault in AuditDesk (the services refuse such input), or a
row changed outside AuditDesk: the bundle is not written, the person is told so plainly,
and the details go to the log for support.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from auditdesk import paths
from auditdesk.domain.bundle_format import (
    DEFAULT_LIMITS,
    BundleLimits,
    BundleManifest,
    RecordKind,
    TemplateMember,
)
from auditdesk.domain.bundle_types import StrictModel
from auditdesk.domain.document_check import problems_of
from auditdesk.domain.record_words import record_label, shortened
from auditdesk.errors import BundleNotWritten
from auditdesk.services.bundles._documents import StoredAudit, StoredRecord
from auditdesk.services.bundles._members import (
    audit_member,
    grouped,
    records_member,
    template_member,
)
from auditdesk.store.models import TemplateVersion

log = logging.getLogger(__name__)


def fault(target: Path, record: str, problems: Sequence[str]) -> BundleNotWritten:
    """The error for a record that does not match the bundle format, logged with every
    finding (what support needs; the person reads only which record)."""
    log.error(
        "could not write the bundle %s: the %s does not match the bundle format%s",
        target.name,
        record,
        "".join(f"\n    {problem}" for problem in problems),
    )
    return BundleNotWritten(
        f"AuditDesk could not write {target.name} because of a fault in AuditDesk: the "
        f"{record} does not match the bundle format, so no AuditDesk could import it. "
        "Nothing was sent and no file was written. The details are in AuditDesk's log "
        f"({paths.log_file()}); please send it to your support team."
    )


Member = TypeVar("Member", bound=StrictModel)


@dataclass
class MemberCheck:
    """Builds and checks each member of one bundle as it is written, and keeps the running
    total of their sizes."""

    target: Path
    limits: BundleLimits = DEFAULT_LIMITS
    total: int = field(default=0, init=False)

    def audit(self, audit: StoredAudit) -> bytes:
        reference = audit.document.audit.reference
        member = self.built(
            lambda: audit_member(audit), lambda error: _audit_part(audit, reference, error)
        )
        return self.encoded(member, f"audit {reference}")

    def records(self, references: Sequence[StoredRecord]) -> bytes:
        member = self.built(
            lambda: records_member(references), lambda error: _record_in(references, error)
        )
        return self.encoded(member, "records the audits refer to")

    def template(self, member: TemplateMember, title: str) -> bytes:
        return self.encoded(member, _template_words(title, member.version))

    def template_of(self, version: TemplateVersion) -> bytes:
        what = _template_words(version.title, version.version)
        return self.template(
            self.built(lambda: template_member(version), lambda _: what), version.title
        )

    def manifest(self, build: Callable[[], BundleManifest]) -> bytes:
        return self.encoded(self.built(build, _manifest_part), "list of what the bundle holds")

    def compression(self, data: bytes) -> int:
        """Deflate, unless the member shrinks so far that a reader would take it for a zip
        bomb (long runs of the same text do): then it is stored as it is."""
        limits = self.limits
        if len(data) < limits.ratio_from_bytes:
            return zipfile.ZIP_DEFLATED
        # The compressor zipfile itself uses, so the packed size is the one the reader sees.
        packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        packed = len(packer.compress(data)) + len(packer.flush())
        if len(data) > limits.max_ratio * max(packed, 1):
            return zipfile.ZIP_STORED
        return zipfile.ZIP_DEFLATED

    def built(self, build: Callable[[], Member], which: Callable[[ValidationError], str]) -> Member:
        """The member ``build`` makes, as the bundle format's model defines it, or
        :func:`fault` naming ``which`` record does not match it."""
        try:
            return build()
        except ValidationError as error:
            raise fault(self.target, which(error), problems_of(error)) from None

    def encoded(self, member: StrictModel, what: str) -> bytes:
        """``member`` as canonical JSON, if a reader would take a member that size."""
        data = member.canonical()
        limits = self.limits
        if len(data) > limits.max_member_bytes:
            raise self._too_big(
                f"AuditDesk cannot send the {what}: it comes to {len(data) / 1e6:,.1f} MB, "
                f"more than the {limits.max_member_bytes / 1e6:,.0f} MB one part of a bundle "
                "may hold."
            )
        self.total += len(data)
        if self.total > limits.max_total_bytes:
            raise self._too_big(
                f"These audits come to more than the {limits.max_total_bytes / 1e6:,.0f} MB a "
                "bundle may hold: send them in parts (for example by date)."
            )
        return data

    def _too_big(self, problem: str) -> BundleNotWritten:
        log.warning("did not write the bundle %s: %s", self.target.name, problem)
        return BundleNotWritten(f"{problem} Nothing was sent and no file was written.")


def _template_words(title: str, version: int) -> str:
    return f"template '{shortened(title)}' version {version}"


def _audit_part(audit: StoredAudit, reference: str, error: ValidationError) -> str:
    """Which part of an audit's member is at fault, as a person would name it."""
    where = error.errors()[0]["loc"]
    what = f"audit {reference}"
    if len(where) >= 2 and where[0] in ("actions", "moderations") and isinstance(where[1], int):
        kind: RecordKind = "action" if where[0] == "actions" else "moderation"
        owned = audit.actions if kind == "action" else audit.moderations
        if 0 <= where[1] < len(owned):
            return f"{record_label(kind, owned[where[1]].document.model_dump())} of {what}"
    if where and where[0] == "trail":
        return f"change history of {what}"
    return what


def _record_in(references: Sequence[StoredRecord], error: ValidationError) -> str:
    """The auditor, setting, child, plan or sample at fault in ``records.json``."""
    where = error.errors()[0]["loc"]
    if len(where) >= 2 and isinstance(where[0], str) and isinstance(where[1], int):
        records = grouped(references).get(where[0], [])
        if 0 <= where[1] < len(records):
            record = records[where[1]]
            return record_label(record.kind, record.document.model_dump())
    return "records the audits refer to"


def _manifest_part(error: ValidationError) -> str:
    where = error.errors()[0]["loc"]
    if where and where[0] == "author":
        return "profile of the person sending"
    if where and where[0] == "device":
        return "device id of this laptop"
    return "list of what the bundle holds"
