"""What the import preview says about each record: its name and what will happen to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditdesk.domain.reference import AuditStatus, PlanStage
from auditdesk.services.bundles._contents import BundleContents, IncomingRecord
from auditdesk.services.bundles._results import when

if TYPE_CHECKING:
    from auditdesk.services.bundles._classify import Decision, LocalRecord
    from auditdesk.store.models import BundleConflict

_SUPPORT = "It stays safe in the bundle file; contact your AuditDesk support team."


class Wording:
    def __init__(self, contents: BundleContents, device: str, previous: list[Any]) -> None:
        self.contents = contents
        self.device = device
        self.previous = previous
        self.provenance: dict[tuple[str, str], Any] = {}
        self.sender = contents.manifest.author.name
        self.titles = {t.key: t.title for t in contents.templates}
        self.settings: dict[str, str] = {}
        self.children: dict[str, str] = {}
        self.audits: dict[str, str] = {}
        for record in contents.records:
            if record.kind == "setting":
                self.settings[record.uuid] = record.document["name"]
            elif record.kind == "child":
                self.children[record.uuid] = record.document["reference"]
            elif record.kind == "audit":
                self.audits[record.uuid] = record.document["audit"]["reference"]

    # -- names ------------------------------------------------------------------------------
    def label(self, record: IncomingRecord) -> str:
        document = record.document
        if record.kind == "audit":
            head = document["audit"]
            title = self.titles.get((head["template_id"], head["template_version"]), "audit")
            subject = head["child_reference"] or self.settings.get(head["setting_uuid"], "")
            return f"Audit {head['reference']} ({title}, {subject})"
        if record.kind == "action":
            text = document["action"]
            short = text if len(text) <= 60 else text[:59] + "…"
            return f"Action on {self.audit_reference(record)}: {short}"
        if record.kind == "moderation":
            return f"Moderation of {self.audit_reference(record)}"
        if record.kind == "auditor":
            return f"Auditor {document['name']}"
        if record.kind == "setting":
            return f"Setting {document['name']}"
        if record.kind == "child":
            return f"Child {document['reference']}"
        if record.kind == "plan":
            child = self.children.get(document["child_uuid"], "a child")
            return f"Plan of {child} ({PlanStage(document['stage']).label.lower()})"
        return f"Moderation sample '{document['name']}'"

    def audit_reference(self, record: IncomingRecord) -> str:
        return self.audits.get(record.audit_uuid or "", "an audit")

    # -- outcomes ---------------------------------------------------------------------------
    def new(self, record: IncomingRecord) -> str:
        if record.kind == "audit":
            status = AuditStatus(record.extra["bookkeeping"]["status"]).label.lower()
            return f"Not here yet: revision {record.revision} ({status}) will be added."
        return "Not here yet: it will be added."

    def same(self, record: IncomingRecord, local: LocalRecord, content_hash: str) -> str:
        if local.uuid != record.uuid:
            return "Already here with the same details (recorded on this computer too)."
        found = self.provenance.get((local.uuid, content_hash))
        if found is not None:
            imported_at, author, file_name = found
            return (
                f"Already here, the same: imported {when(imported_at)} from {author} ({file_name})."
            )
        if record.stamps["device"] == self.device:
            return "Already here, the same: it was made on this computer."
        return "Already here, the same."

    def same_later(self, record: IncomingRecord) -> str:
        return (
            f"{self.sender} came back to it later (revision {record.revision}); importing "
            "records that, so older revisions arriving afterwards change nothing."
        )

    def older(self, record: IncomingRecord, local: LocalRecord) -> str:
        return (
            f"This database already has a later revision (revision {local.revision} here; the "
            f"bundle has revision {record.revision}). Nothing changes."
        )

    def known_conflict(self, row: BundleConflict) -> str:
        if row.status == "open":
            return (
                f"Already kept as a conflict on {when(row.detected_at)}, waiting for your "
                "decision in Conflicts."
            )
        decided = when(row.decided_at) if row.decided_at else "earlier"
        if row.status == "kept_mine":
            return f"On {decided} {row.decided_by} kept the version here instead. Nothing changes."
        if row.status == "took_theirs":
            return f"On {decided} {row.decided_by} took this version. Nothing changes."
        return "Already kept as a conflict, since replaced by a later revision. Nothing changes."

    def update(self, record: IncomingRecord, local: LocalRecord) -> str:
        return (
            f"Revision {record.revision} from {self.sender} follows revision {local.revision} "
            f"here: it will replace it, and revision {local.revision} is kept in the history."
        )

    def conflict(self, record: IncomingRecord, local: LocalRecord) -> str:
        if local.uuid != record.uuid:
            return (
                f"Recorded here with different details from {self.sender}'s. Both versions will "
                "be kept and nothing overwritten; choose between them in Conflicts."
            )
        return (
            f"Changed both here (revision {local.revision}) and by {self.sender} (revision "
            f"{record.revision}) since they last matched. Both versions will be kept and "
            "nothing overwritten; choose between them in Conflicts."
        )

    # -- problems ---------------------------------------------------------------------------
    def template_clash(self, head: dict[str, Any]) -> str:
        title = self.titles.get((head["template_id"], head["template_version"]), "its template")
        return (
            f"It was filled in with '{title}' version {head['template_version']}, but the "
            "template with that name and version here is different, so it was not imported. "
            "Ask whoever looks after your templates which version is right."
        )

    def reference_taken(self, head: dict[str, Any]) -> str:
        return (
            f"Another audit here already has the reference {head['reference']}, so it was not "
            f"imported. {_SUPPORT}"
        )

    def blocks_taken(self, head: dict[str, Any]) -> str:
        return (
            "Parts of it carry the same identity as parts of another audit here, so it was "
            f"not imported. {_SUPPORT}"
        )

    def misfit(self, head: dict[str, Any], problem: str) -> str:
        return (
            f"It does not fit its template: {problem}. It was not imported; ask the sender to "
            "check it in AuditDesk and send it again."
        )

    def audit_refused(self, audit: Decision) -> str:
        reference = audit.record.document["audit"]["reference"]
        return f"Its audit {reference} could not be imported, so neither could this."

    def blocks_not_here(self, audit: Decision) -> str:
        reference = audit.record.document["audit"]["reference"]
        return (
            f"It refers to parts of audit {reference} that only the sender's version has. If "
            f"you take their version of {reference} in Conflicts, import this bundle again."
        )
