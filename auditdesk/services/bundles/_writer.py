"""File > Send audits: write chosen audits into a bundle, then record what was sent.

Everything happens in one write transaction: the documents are built, the bundle is
written under a temporary name in the target folder and renamed into place, and only
then are the sent revisions sealed and logged. If the file cannot be written nothing is
recorded; if recording fails after the rename, the bundle is still good and sending the
same audits again is harmless (importing is idempotent).

Every member is checked against the bundle format's models (the reader's own) before it is
written (see :mod:`.outgoing`): a bundle no AuditDesk could import is never written.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from auditdesk.domain.bundle_format import (
    FILE_SUFFIX,
    MANIFEST_NAME,
    MAX_AUDITS_PER_BUNDLE,
    RECORDS_NAME,
    RecordKind,
    audit_member_name,
    template_member_name,
)
from auditdesk.domain.document_check import InvalidDocument
from auditdesk.errors import BundleNotWritten, FileProblem, InvalidInput, StoredTextTooLong
from auditdesk.services.bundles import _selection as chosen
from auditdesk.services.bundles._documents import MODELS, StoredRecord, chunks, load_audits
from auditdesk.services.bundles._members import manifest
from auditdesk.services.bundles._outgoing import MemberCheck, fault
from auditdesk.services.bundles._reference_documents import load_references
from auditdesk.services.bundles._results import SendResult, SendSelection
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.models import (
    ChangeTrail,
    RecordRevision,
    SentBundle,
    SentRecord,
    TemplateVersion,
)
from auditdesk.whole_files import WriteStream, written_whole


@dataclass
class _Outgoing:
    """What has gone into the bundle so far (only small summaries are kept)."""

    members: list[dict[str, Any]] = field(default_factory=list)
    records: list[tuple[StoredRecord, str]] = field(default_factory=list)  # record, member
    audit_uuids: list[str] = field(default_factory=list)
    refers_to: dict[RecordKind, set[int]] = field(default_factory=dict)
    template_ids: set[int] = field(default_factory=set)


def send_audits(ctx: ServiceContext, target: Path, selection: SendSelection) -> SendResult:
    """Write the chosen audits (with everything they refer to) into a bundle at ``target``.

    Refused, with nothing written, when nothing is chosen, the file cannot be written, or
    anything it would carry does not match the bundle format
    (:class:`~auditdesk.errors.BundleNotWritten`).
    """
    target = target.expanduser()
    if not target.suffix:
        target = target.with_name(target.name + FILE_SUFFIX)
    if target.is_dir():
        raise FileProblem(f"{target} is a folder; give the bundle a file name.")
    if not target.parent.is_dir():
        raise FileProblem(f"The folder {target.parent} does not exist; choose another.")
    with ctx.db.write() as session:
        audit_ids = chosen.audit_ids(session, selection)
        if not audit_ids:
            raise InvalidInput(f"There is nothing to send: no {selection.describe()}.")
        if len(audit_ids) > MAX_AUDITS_PER_BUNDLE:
            raise InvalidInput(
                f"That is {len(audit_ids):,} audits; a bundle holds at most "
                f"{MAX_AUDITS_PER_BUNDLE:,}. Send them in parts (for example by date)."
            )
        bundle_uuid = str(uuid.uuid4())
        now = ctx.now()
        # Written whole (auditdesk.whole_files) or not at all: a full disk, a file open
        # elsewhere or a read-only folder is said the way every file AuditDesk writes says it.
        with (
            written_whole(
                [target], again="send them again (nothing was sent)", database=ctx.db.path
            ) as (temporary,),
            WriteStream(temporary) as handle,
        ):
            outgoing = _write(
                session,
                ctx,
                handle,  # type: ignore[arg-type]  # a file in all that zipfile uses
                MemberCheck(target),
                audit_ids=audit_ids,
                bundle_uuid=bundle_uuid,
                now=now,
                selection=selection,
            )
        _log(
            session,
            ctx,
            outgoing,
            bundle_uuid=bundle_uuid,
            target=target,
            now=now,
            selection=selection,
        )
        return SendResult(
            target,
            bundle_uuid,
            len(outgoing.audit_uuids),
            len(outgoing.records),
            target.stat().st_size,
            selection.describe(),
        )


def _write(
    session: Session,
    ctx: ServiceContext,
    handle: IO[bytes],
    check: MemberCheck,
    *,
    audit_ids: list[int],
    bundle_uuid: str,
    now: datetime,
    selection: SendSelection,
) -> _Outgoing:
    try:
        return _write_checked(
            session,
            ctx,
            handle,
            check,
            audit_ids=audit_ids,
            bundle_uuid=bundle_uuid,
            now=now,
            selection=selection,
        )
    except StoredTextTooLong as error:
        # Text an older AuditDesk saved before the limits: the person can shorten it.
        raise BundleNotWritten(f"{error} Nothing was sent and no file was written.") from None
    except InvalidDocument as error:
        # A stored row the bundle format refuses (see document_check): say which record.
        raise fault(check.target, error.record, error.problems) from None


def _write_checked(
    session: Session,
    ctx: ServiceContext,
    handle: IO[bytes],
    check: MemberCheck,
    *,
    audit_ids: list[int],
    bundle_uuid: str,
    now: datetime,
    selection: SendSelection,
) -> _Outgoing:
    outgoing = _Outgoing()
    stamp = now.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = check.compression(data)
            archive.writestr(info, data)

        def add(name: str, data: bytes) -> None:
            write(name, data)
            digest = hashlib.sha256(data).hexdigest()
            outgoing.members.append({"name": name, "sha256": digest, "size": len(data)})

        for chunk in chunks(audit_ids):
            for audit in load_audits(session, chunk):
                name = audit_member_name(audit.record.uuid)
                add(name, check.audit(audit))
                outgoing.audit_uuids.append(audit.record.uuid)
                outgoing.template_ids.add(audit.template_version_id)
                for record in (audit.record, *audit.actions, *audit.moderations):
                    outgoing.records.append((record, name))
                for kind, linked in audit.refers_to.items():
                    outgoing.refers_to.setdefault(kind, set()).update(linked)
        references = load_references(session, outgoing.refers_to)
        add(RECORDS_NAME, check.records(references))
        by_uuid = sorted(references, key=lambda record: record.uuid)
        outgoing.records += [(record, RECORDS_NAME) for record in by_uuid]
        templates = []
        versions = session.scalars(
            select(TemplateVersion)
            .where(TemplateVersion.id.in_(outgoing.template_ids))
            .order_by(TemplateVersion.template_id, TemplateVersion.version)
        ).all()
        for number, version in enumerate(versions, start=1):
            name = template_member_name(number)
            add(name, check.template_of(version))
            templates.append(
                {
                    "template_id": version.template_id,
                    "version": version.version,
                    "sha256": version.sha256,
                    "title": version.title,
                    "member": name,
                }
            )
        records = list(_seal(session, ctx, outgoing, now))
        data = check.manifest(
            lambda: manifest(
                ctx,
                bundle_uuid=bundle_uuid,
                now=now,
                selection=selection.describe(),
                templates=templates,
                records=records,
                members=outgoing.members,
            )
        )
        write(MANIFEST_NAME, data)
    return outgoing


def _seal(
    session: Session, ctx: ServiceContext, outgoing: _Outgoing, now: datetime
) -> Iterator[dict[str, Any]]:
    """Seal every record at the revision being sent, and yield its manifest entry.

    A record whose stored hash no longer matches its content (a row changed outside the
    services) is brought up to date first, so the bundle never carries a stale hash.
    """
    history = revisions.history_of(session, (record.uuid for record, _ in outgoing.records))
    new_rows: list[dict[str, Any]] = []
    for record, member in outgoing.records:
        content_hash = record.hash
        rows = history.get(record.uuid, [])
        lineage = revisions.lineage_of(content_hash, rows)
        if lineage.sealed_revision is not None:
            revision = lineage.sealed_revision
        else:
            revision = revisions.next_revision(record.revision, rows)
            new_rows.append(
                revisions.revision_row(
                    record_type=record.kind,
                    record_uuid=record.uuid,
                    revision=revision,
                    content_hash=content_hash,
                    lineage=lineage,
                    origin="sent",
                    author=ctx.actor.name,
                    device=ctx.device,
                    at=now,
                )
            )
        if (revision, content_hash) != (record.revision, record.stored_hash):
            model = MODELS[record.kind]
            session.execute(
                update(model)
                .where(model.id == record.id)
                .values(revision=revision, content_hash=content_hash)
            )
        record.revision = revision
        yield {
            "kind": record.kind,
            "uuid": record.uuid,
            "revision": revision,
            "hash": content_hash,
            "parent_hash": lineage.parent_hash,
            "ancestry": list(lineage.ancestry),
            "member": member,
        }
    if new_rows:
        session.execute(insert(RecordRevision), new_rows)


def _log(
    session: Session,
    ctx: ServiceContext,
    outgoing: _Outgoing,
    *,
    bundle_uuid: str,
    target: Path,
    now: datetime,
    selection: SendSelection,
) -> None:
    sent = SentBundle(
        uuid=bundle_uuid,
        file_name=target.name,
        created_at=now,
        author=ctx.actor.name,
        device=ctx.device,
        selection=selection.describe(),
        audits=len(outgoing.audit_uuids),
        records=len(outgoing.records),
    )
    session.add(sent)
    session.flush()
    session.execute(
        insert(SentRecord),
        [
            {
                "sent_bundle_id": sent.id,
                "record_uuid": record.uuid,
                "record_type": record.kind,
                "revision": record.revision,
                "content_hash": record.hash,
            }
            for record, _ in outgoing.records
        ],
    )
    revision_of = {record.uuid: record.revision for record, _ in outgoing.records}
    session.execute(
        insert(ChangeTrail),
        [
            {
                "at": now,
                "actor": ctx.actor.name,
                "device": ctx.device,
                "audit_uuid": audit_uuid,
                "record_type": "audit",
                "record_uuid": audit_uuid,
                "field": "sent in a bundle",
                "old_value": None,
                "new_value": f"revision {revision_of[audit_uuid]} in {target.name}",
                "reason": None,
            }
            for audit_uuid in outgoing.audit_uuids
        ],
    )
