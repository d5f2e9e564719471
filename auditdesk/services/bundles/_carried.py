"""What a bundle's members carry, checked against the bundle format's models: the
templates, and every record with its document (as its model), stamps and extras, matched
to the manifest (see :mod:`._checks`).

Each document's hash is checked over its JSON as it arrived: what the sender hashed, byte
for byte. Everything else is read from the validated models.
"""

from __future__ import annotations

from typing import Any

from auditdesk.domain.bundle_format import (
    RECORD_GROUPS,
    AuditExtras,
    AuditMember,
    BundleManifest,
    ModerationTimes,
    RecordsMember,
    TemplateMember,
)
from auditdesk.domain.canonical import canonical_json
from auditdesk.domain.template_loader import definition_hash
from auditdesk.services.bundles import _checks as checks
from auditdesk.services.bundles._checks import Carried
from auditdesk.services.bundles._contents import IncomingRecord, IncomingTemplate
from auditdesk.services.bundles._problems import Refusal, validated
from auditdesk.services.bundles._visible import quoted


def templates(
    refusal: Refusal, manifest: BundleManifest, members: dict[str, Any]
) -> list[IncomingTemplate]:
    found: list[IncomingTemplate] = []
    keys: set[tuple[str, int]] = set()
    for entry in manifest.templates:
        key = (entry.template_id, entry.version)
        label = f"the template '{entry.title}' version {entry.version}"
        if key in keys:
            refusal.invalid(f"its manifest lists {label} twice")
        keys.add(key)
        definition: dict[str, Any] | None = None
        if entry.member is not None:
            if entry.member not in members or not entry.member.startswith("templates/"):
                refusal.invalid(f"{label} is not where its manifest says")
            member = validated(refusal, TemplateMember, members[entry.member], entry.member)
            if (member.template_id, member.version, member.sha256) != (*key, entry.sha256):
                refusal.invalid(f"{label} does not match its manifest entry")
            if definition_hash(member.definition) != entry.sha256:
                refusal.invalid(f"{label} does not match its SHA-256, so it has been altered")
            # Validated as a template only if this database lacks it (see classify), as
            # parsing every template in every bundle would be wasted work.
            definition = member.definition
        found.append(IncomingTemplate(*key, entry.sha256, entry.title, definition))
    return found


def records(
    refusal: Refusal, manifest: BundleManifest, members: dict[str, Any]
) -> list[IncomingRecord]:
    carried: list[Carried] = []
    for name, data in members.items():
        if name.startswith("templates/"):
            continue
        if name.startswith("audits/"):
            carried += _audit_member(refusal, name, data)
            continue
        content = validated(refusal, RecordsMember, data, name)
        for group in RECORD_GROUPS.values():
            for item, raw in zip(getattr(content, group), data[group], strict=True):
                document = item.document
                canonical = canonical_json(raw["document"])
                carried.append(Carried(document.kind, name, document, canonical, item.stamps))
    return checks.match_manifest(refusal, manifest, carried)


def _audit_member(refusal: Refusal, name: str, data: Any) -> list[Carried]:
    """An audit's member: the audit, its actions and its moderations.

    Each document's hash is checked over its JSON as it arrived (``data``, already
    validated as ``member``): what the sender hashed, byte for byte. The models' parts
    are put together unchecked (``model_construct``), as each was just validated."""
    member = validated(refusal, AuditMember, data, name)
    audit_uuid = member.document.audit.uuid
    if name != f"audits/{audit_uuid}.json":
        refusal.invalid(f"{quoted(name, 80)} holds a different audit from its name")
    extras = AuditExtras.model_construct(
        bookkeeping=member.bookkeeping, answer_stamps=member.answer_stamps, trail=member.trail
    )
    found = [
        Carried(
            "audit",
            name,
            member.document,
            canonical_json(data["document"]),
            member.stamps,
            extras,
            audit_uuid,
        )
    ]
    for action, raw in zip(member.actions, data["actions"], strict=True):
        canonical = canonical_json(raw["document"])
        found.append(
            Carried("action", name, action.document, canonical, action.stamps, None, audit_uuid)
        )
    for moderation, raw in zip(member.moderations, data["moderations"], strict=True):
        times = ModerationTimes.model_construct(
            submitted_at=moderation.submitted_at, agreed_at=moderation.agreed_at
        )
        found.append(
            Carried(
                "moderation",
                name,
                moderation.document,
                canonical_json(raw["document"]),
                moderation.stamps,
                times,
                audit_uuid,
            )
        )
    return found
