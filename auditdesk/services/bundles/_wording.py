"""What the import preview says about each record: its name, and what will happen to it
and why (from the reason its decision gives), in sentences a quality lead reads as they
are. The only place a decision's words are made."""

from __future__ import annotations

from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditDocument,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SettingDocument,
)
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.bundles._contents import BundleContents, IncomingRecord
from auditdesk.services.bundles._decisions import Decision, Reason
from auditdesk.services.bundles._results import when
from auditdesk.store.models import BundleConflict

_SUPPORT = "It stays safe in the bundle file; contact your AuditDesk support team."


class Wording:
    def __init__(self, contents: BundleContents) -> None:
        self.sender = contents.manifest.author.name
        self.titles = {t.key: t.title for t in contents.templates}
        self.settings: dict[str, str] = {}
        self.children: dict[str, str] = {}
        self.audits: dict[str, str] = {}
        for record in contents.records:
            document = record.document
            if isinstance(document, SettingDocument):
                self.settings[record.uuid] = document.name
            elif isinstance(document, ChildDocument):
                self.children[record.uuid] = document.reference
            elif isinstance(document, AuditDocument):
                self.audits[record.uuid] = document.audit.reference

    # -- names ------------------------------------------------------------------------------
    def label(self, record: IncomingRecord) -> str:
        document = record.document
        if isinstance(document, AuditDocument):
            head = document.audit
            title = self.titles.get((head.template_id, head.template_version), "audit")
            subject = head.child_reference or self.settings.get(head.setting_uuid or "", "")
            return f"Audit {head.reference} ({title}, {subject})"
        if isinstance(document, ActionDocument):
            text = document.action
            short = text if len(text) <= 60 else text[:59] + "…"
            return f"Action on {self.audit_reference(record)}: {short}"
        if isinstance(document, ModerationDocument):
            return f"Moderation of {self.audit_reference(record)}"
        if isinstance(document, AuditorDocument):
            return f"Auditor {document.name}"
        if isinstance(document, SettingDocument):
            return f"Setting {document.name}"
        if isinstance(document, ChildDocument):
            return f"Child {document.reference}"
        if isinstance(document, PlanDocument):
            child = self.children.get(document.child_uuid, "a child")
            return f"Plan of {child} ({document.stage.label.lower()})"
        return f"Moderation sample '{document.name}'"

    def audit_reference(self, record: IncomingRecord) -> str:
        return self.audits.get(record.audit_uuid or "", "an audit")

    # -- what happens -----------------------------------------------------------------------
    def description(self, decision: Decision) -> str:
        """What importing will do with the record, and why."""
        reason = decision.reason
        if reason is Reason.NOT_HERE:
            return self._new(decision.record)
        if reason in _SAME:
            text = self._same(decision)
            if decision.came_back_later:
                text += " " + self._came_back_later(decision.record)
            return text
        if reason is Reason.KNOWN_CONFLICT:
            assert decision.conflict is not None
            return _known_conflict(decision.conflict)
        if reason in _PROBLEMS:
            return self._problem(decision)
        record, local = decision.record, decision.local
        assert local is not None
        if reason is Reason.OLDER:
            return (
                f"This database already has a later revision (revision {local.revision} here; "
                f"the bundle has revision {record.revision}). Nothing changes."
            )
        if reason is Reason.FOLLOWS:
            return (
                f"Revision {record.revision} from {self.sender} follows revision "
                f"{local.revision} here: it will replace it, and revision {local.revision} is "
                "kept in the history."
            )
        if reason is Reason.RECORDED_DIFFERENTLY:
            return (
                f"Recorded here with different details from {self.sender}'s. Both versions "
                "will be kept and nothing overwritten; choose between them in Conflicts."
            )
        return (
            f"Changed both here (revision {local.revision}) and by {self.sender} (revision "
            f"{record.revision}) since they last matched. Both versions will be kept and "
            "nothing overwritten; choose between them in Conflicts."
        )

    def _new(self, record: IncomingRecord) -> str:
        if record.kind == "audit":
            status = AuditStatus(record.audit_extras.bookkeeping.status).label.lower()
            return f"Not here yet: revision {record.revision} ({status}) will be added."
        return "Not here yet: it will be added."

    def _same(self, decision: Decision) -> str:
        if decision.reason is Reason.SAME_RECORDED_HERE_TOO:
            return "Already here with the same details (recorded on this computer too)."
        if decision.reason is Reason.SAME_IMPORTED:
            imported = decision.imported
            assert imported is not None
            return (
                f"Already here, the same: imported {when(imported.at)} from {imported.author} "
                f"({imported.file_name})."
            )
        if decision.reason is Reason.SAME_MADE_HERE:
            return "Already here, the same: it was made on this computer."
        return "Already here, the same."

    def _came_back_later(self, record: IncomingRecord) -> str:
        return (
            f"{self.sender} came back to it later (revision {record.revision}); importing "
            "records that, so older revisions arriving afterwards change nothing."
        )

    # -- problems ---------------------------------------------------------------------------
    def _problem(self, decision: Decision) -> str:
        reason, record = decision.reason, decision.record
        if reason is Reason.AUDIT_REFUSED:
            reference = self.audit_reference(record)
            return f"Its audit {reference} could not be imported, so neither could this."
        if reason is Reason.BLOCKS_NOT_HERE:
            reference = self.audit_reference(record)
            return (
                f"It refers to parts of audit {reference} that only the sender's version has. "
                f"If you take their version of {reference} in Conflicts, import this bundle "
                "again."
            )
        head = record.audit.audit
        if reason is Reason.TEMPLATE_CLASH:
            title = self.titles.get((head.template_id, head.template_version), "its template")
            return (
                f"It was filled in with '{title}' version {head.template_version}, but the "
                "template with that name and version here is different, so it was not "
                "imported. Ask whoever looks after your templates which version is right."
            )
        if reason is Reason.REFERENCE_TAKEN:
            return (
                f"Another audit here already has the reference {head.reference}, so it was "
                f"not imported. {_SUPPORT}"
            )
        if reason is Reason.BLOCKS_TAKEN:
            return (
                "Parts of it carry the same identity as parts of another audit here, so it "
                f"was not imported. {_SUPPORT}"
            )
        return (
            f"It does not fit its template: {decision.misfit}. It was not imported; ask the "
            "sender to check it in AuditDesk and send it again."
        )


_SAME = (Reason.SAME, Reason.SAME_RECORDED_HERE_TOO, Reason.SAME_IMPORTED, Reason.SAME_MADE_HERE)
_PROBLEMS = (
    Reason.TEMPLATE_CLASH,
    Reason.REFERENCE_TAKEN,
    Reason.BLOCKS_TAKEN,
    Reason.MISFIT,
    Reason.AUDIT_REFUSED,
    Reason.BLOCKS_NOT_HERE,
)


def _known_conflict(row: BundleConflict) -> str:
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
