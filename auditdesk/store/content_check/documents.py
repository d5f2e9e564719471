"""Documents that decode and validate: stored template versions, and the record revisions
and conflicts kept from bundles."""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any

from auditdesk.domain.canonical import content_hash
from auditdesk.store.content_check.reading import MOST_FINDINGS, raw_text

if TYPE_CHECKING:
    from pydantic import BaseModel


@cache
def record_models() -> dict[str, type[BaseModel]]:
    """The document format of each kind of record kept from bundles.

    Imported on first use, not with this module: the database is opened through here on
    every start, and these formats (with pydantic behind them) are only needed by
    ``auditdesk db check`` (and by a bundle, which loads them itself)."""
    from auditdesk.domain.bundle_documents import (  # noqa: PLC0415
        ActionDocument,
        AuditDocument,
        AuditorDocument,
        ChildDocument,
        ModerationDocument,
        PlanDocument,
        SampleDocument,
        SettingDocument,
    )

    return {
        "audit": AuditDocument,
        "auditor": AuditorDocument,
        "setting": SettingDocument,
        "child": ChildDocument,
        "plan": PlanDocument,
        "action": ActionDocument,
        "moderation_sample": SampleDocument,
        "moderation": ModerationDocument,
    }


def _decoded(raw: bytes | None) -> Any:
    """The JSON document in ``raw``; ValueError (UnicodeDecodeError included) if none."""
    if raw is None:
        raise ValueError("it is empty")
    return json.loads(raw.decode("utf-8"))


def template_problems(connection: sqlite3.Connection, *, validate: bool = True) -> list[str]:
    """Each stored template version must decode, match the fingerprint it was stored with
    (so not one byte of a question has changed) and, with ``validate``, be a template.

    Without ``validate`` it is cheap enough for every opening: the fingerprint matching
    means the content is what was validated when it was stored."""
    found: list[str] = []
    with raw_text(connection):
        rows = connection.execute(
            "SELECT template_id, version, definition, sha256 FROM template_versions ORDER BY id"
        ).fetchall()
    for template_id, version, definition, sha256 in rows:
        name = f"the template {template_id.decode('utf-8', 'replace')} version {version}"
        try:
            data = _decoded(definition)
        except ValueError:
            found.append(f"{name} does not decode")
            continue
        if content_hash(data) != (sha256 or b"").decode("utf-8", "replace"):
            found.append(f"{name} differs from the fingerprint it was stored with")
            continue
        if validate:
            # Only `auditdesk db check` validates; every opening passes validate=False, so
            # start-up never loads pydantic's template model for this.
            from pydantic import ValidationError  # noqa: PLC0415

            from auditdesk.domain.template_model import AuditTemplate  # noqa: PLC0415

            try:
                AuditTemplate.model_validate(data)
            except ValidationError as error:
                found.append(f"{name} is not a valid template ({error.error_count()} problems)")
    return found[:MOST_FINDINGS]


def document_problems(connection: sqlite3.Connection) -> list[str]:
    """Record revisions and conflicts kept from bundles: each JSON column must decode to
    what it holds (a list of hashes, a record's document of its kind, bookkeeping)."""
    found: list[str] = []
    with raw_text(connection):
        revisions = connection.execute(
            "SELECT id, record_type, ancestry, document FROM record_revisions ORDER BY id"
        )
        for row_id, kind, ancestry, document in revisions:
            where = f"record_revisions row {row_id}"
            found += _ancestry_problem(where, ancestry)
            if document is not None:
                found += _record_problem(where, kind, document)
            if len(found) >= MOST_FINDINGS:
                return found[:MOST_FINDINGS]
        conflicts = connection.execute(
            "SELECT id, record_type, local_document, incoming_document, incoming_ancestry, "
            "incoming_extra FROM bundle_conflicts ORDER BY id"
        )
        for row_id, kind, local, incoming, ancestry, extra in conflicts:
            where = f"bundle_conflicts row {row_id}"
            found += _record_problem(f"{where} (this database's copy)", kind, local)
            found += _record_problem(f"{where} (the bundle's copy)", kind, incoming)
            found += _ancestry_problem(where, ancestry)
            try:
                if not isinstance(_decoded(extra), dict):
                    found.append(f"{where}: the bundle's bookkeeping is not a JSON object")
            except ValueError:
                found.append(f"{where}: the bundle's bookkeeping does not decode")
            if len(found) >= MOST_FINDINGS:
                break
    return found[:MOST_FINDINGS]


def _ancestry_problem(where: str, raw: bytes | None) -> list[str]:
    try:
        ancestry = _decoded(raw)
    except ValueError:
        return [f"{where}: the list of earlier revisions does not decode"]
    if not isinstance(ancestry, list) or not all(isinstance(item, str) for item in ancestry):
        return [f"{where}: the list of earlier revisions is not a list of fingerprints"]
    return []


def _record_problem(where: str, raw_kind: bytes | None, raw: bytes | None) -> list[str]:
    kind = (raw_kind or b"").decode("utf-8", "replace")
    try:
        document = _decoded(raw)
    except ValueError:
        return [f"{where}: the {kind} document does not decode"]
    model = record_models().get(kind)
    if model is None:
        return [f"{where}: '{kind}' is not a kind of record AuditDesk keeps"]
    from pydantic import ValidationError  # noqa: PLC0415 - loaded by record_models already

    from auditdesk.domain.overlong_text import overlong_text  # noqa: PLC0415

    try:
        model.model_validate(document)
    except ValidationError as error:
        if isinstance(document, dict) and overlong_text(kind, document, error) is not None:
            return []  # text typed before today's limits: kept as it was, not damage
        return [f"{where}: the {kind} document does not match its format"]
    return []
