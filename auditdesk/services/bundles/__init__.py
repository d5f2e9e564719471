"""Offline exchange of audits between laptops in bundle files (``.auditdesk``).

The window and the command line use only what this package exports:

- sending: :func:`audits_to_send` (what a send would take), :func:`send_audits`,
  :func:`sent_bundles`;
- receiving: :func:`preview_bundle` (new, unchanged, updated, conflicts, problems, each with
  a plain description), then :func:`import_bundle` (backup, then one transaction);
- conflicts: :func:`list_conflicts`, :func:`compare_conflict` (side by side),
  :func:`resolve_conflict` (keep mine / take theirs; neither version is ever lost);
- history: :func:`record_history`, :func:`revision_document` (a revision's document, as
  its model in :mod:`auditdesk.domain.bundle_documents`).

Every function takes the :class:`~auditdesk.services.kernel.ServiceContext` first.

A bundle refused on import is a :class:`~auditdesk.errors.BundleProblem`; one that could not
be written is a :class:`~auditdesk.errors.BundleNotWritten` (also exported here). Both are
user errors: their message is the whole story for the person, and the details are in the
log.
"""

from auditdesk.errors import BundleNotWritten
from auditdesk.services.bundles._conflict_results import (
    ComparisonLine,
    ConflictComparison,
    ConflictStatus,
    ConflictSummary,
    Resolution,
    RevisionEntry,
)
from auditdesk.services.bundles._conflicts import (
    compare_conflict,
    list_conflicts,
    record_history,
    resolve_conflict,
    revision_document,
)
from auditdesk.services.bundles._importer import import_bundle, preview_bundle
from auditdesk.services.bundles._results import (
    BundlePreview,
    ChangedSince,
    ChosenAudits,
    ImportCancelled,
    ImportResult,
    ItemStatus,
    PreviewItem,
    PreviousImport,
    SendCandidate,
    SendResult,
    SendSelection,
    SentBundleSummary,
    UnsentCompleted,
)
from auditdesk.services.bundles._selection import audits_to_send, sent_bundles
from auditdesk.services.bundles._writer import send_audits

__all__ = [
    "BundleNotWritten",
    "BundlePreview",
    "ChangedSince",
    "ChosenAudits",
    "ComparisonLine",
    "ConflictComparison",
    "ConflictStatus",
    "ConflictSummary",
    "ImportCancelled",
    "ImportResult",
    "ItemStatus",
    "PreviewItem",
    "PreviousImport",
    "Resolution",
    "RevisionEntry",
    "SendCandidate",
    "SendResult",
    "SendSelection",
    "SentBundleSummary",
    "UnsentCompleted",
    "audits_to_send",
    "compare_conflict",
    "import_bundle",
    "list_conflicts",
    "preview_bundle",
    "record_history",
    "resolve_conflict",
    "revision_document",
    "send_audits",
    "sent_bundles",
]
