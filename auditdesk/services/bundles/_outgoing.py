"""What the writer checks before a member goes into a bundle: that the bundle format's
models (the same ones the reader checks against) accept it, that it is within the sizes
a reader accepts, and how to pack it so no reader takes it for a zip bomb.

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
from typing import Any

from pydantic import BaseModel, ValidationError

from auditdesk import paths
from auditdesk.domain.bundle_format import (
    DEFAULT_LIMITS,
    AuditMember,
    BundleLimits,
    BundleManifest,
    RecordsMember,
    TemplateMember,
)
from auditdesk.domain.canonical import canonical_json
from auditdesk.domain.document_check import problems_of
from auditdesk.domain.record_words import record_label, shortened
from auditdesk.errors import BundleNotWritten

log = logging.getLogger(__name__)

_GROUP_KINDS = {
    "auditors": "auditor",
    "settings": "setting",
    "children": "child",
    "plans": "plan",
    "moderation_samples": "moderation_sample",
}


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


@dataclass
class MemberCheck:
    """Checks each member of one bundle as it is written, and keeps the running total."""

    target: Path
    limits: BundleLimits = DEFAULT_LIMITS
    total: int = field(default=0, init=False)

    def audit(self, member: dict[str, Any], reference: str) -> bytes:
        self._valid(AuditMember, member, lambda error: _audit_part(member, reference, error))
        return self._encoded(member, f"audit {reference}")

    def records(self, content: dict[str, Any]) -> bytes:
        self._valid(RecordsMember, content, lambda error: _record_in(content, error))
        return self._encoded(content, "records the audits refer to")

    def template(self, content: dict[str, Any], title: str) -> bytes:
        what = f"template '{shortened(title)}' version {content.get('version')}"
        self._valid(TemplateMember, content, lambda _error: what)
        return self._encoded(content, what)

    def manifest(self, content: dict[str, Any]) -> bytes:
        self._valid(BundleManifest, content, _manifest_part)
        return self._encoded(content, "list of what the bundle holds")

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

    def _valid(
        self,
        model: type[BaseModel],
        content: dict[str, Any],
        which: Callable[[ValidationError], str],
    ) -> None:
        """``content`` as ``model`` defines it, or :func:`fault` naming ``which`` record."""
        try:
            model.model_validate(content)
        except ValidationError as error:
            raise fault(self.target, which(error), problems_of(error)) from None

    def _encoded(self, content: dict[str, Any], what: str) -> bytes:
        """``content`` as canonical JSON, if a reader would take a member that size."""
        data = canonical_json(content)
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


def _audit_part(member: dict[str, Any], reference: str, error: ValidationError) -> str:
    """Which part of an audit's member is at fault, as a person would name it."""
    where = error.errors()[0]["loc"]
    audit = f"audit {reference}"
    if len(where) >= 2 and where[0] in ("actions", "moderations") and isinstance(where[1], int):
        kind = "action" if where[0] == "actions" else "moderation"
        document = _item(member.get(where[0]), where[1]).get("document")
        if isinstance(document, dict):
            return f"{record_label(kind, document)} of {audit}"
    if where and where[0] == "trail":
        return f"change history of {audit}"
    return audit


def _record_in(content: dict[str, Any], error: ValidationError) -> str:
    """The auditor, setting, child, plan or sample at fault in ``records.json``."""
    where = error.errors()[0]["loc"]
    if len(where) >= 2 and isinstance(where[0], str) and isinstance(where[1], int):
        kind = _GROUP_KINDS.get(where[0])
        document = _item(content.get(where[0]), where[1]).get("document")
        if kind is not None and isinstance(document, dict):
            return record_label(kind, document)
    return "records the audits refer to"


def _manifest_part(error: ValidationError) -> str:
    where = error.errors()[0]["loc"]
    if where and where[0] == "author":
        return "profile of the person sending"
    if where and where[0] == "device":
        return "device id of this laptop"
    return "list of what the bundle holds"


def _item(items: object, index: int) -> dict[str, Any]:
    if isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict):
        return items[index]  # type: ignore[no-any-return]
    return {}
