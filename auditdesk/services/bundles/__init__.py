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

from typing import TYPE_CHECKING

from auditdesk.errors import BundleNotWritten
from auditdesk.services._faces import load_when_used

if TYPE_CHECKING:
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

#: Each name this face loads when it is first used (auditdesk/services/_faces.py).
_LOADED_WHEN_USED = {
    "ComparisonLine": "_conflict_results",
    "ConflictComparison": "_conflict_results",
    "ConflictStatus": "_conflict_results",
    "ConflictSummary": "_conflict_results",
    "Resolution": "_conflict_results",
    "RevisionEntry": "_conflict_results",
    "compare_conflict": "_conflicts",
    "list_conflicts": "_conflicts",
    "record_history": "_conflicts",
    "resolve_conflict": "_conflicts",
    "revision_document": "_conflicts",
    "import_bundle": "_importer",
    "preview_bundle": "_importer",
    "BundlePreview": "_results",
    "ChangedSince": "_results",
    "ChosenAudits": "_results",
    "ImportCancelled": "_results",
    "ImportResult": "_results",
    "ItemStatus": "_results",
    "PreviewItem": "_results",
    "PreviousImport": "_results",
    "SendCandidate": "_results",
    "SendResult": "_results",
    "SendSelection": "_results",
    "SentBundleSummary": "_results",
    "UnsentCompleted": "_results",
    "audits_to_send": "_selection",
    "sent_bundles": "_selection",
    "send_audits": "_writer",
}

if not TYPE_CHECKING:  # type checkers see the imports above instead, so a typo still fails
    __getattr__ = load_when_used(__name__, _LOADED_WHEN_USED)


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
