"""What importing a bundle would do, record by record: the decisions :mod:`._classify` takes
and :mod:`._apply` carries out, each with the reason for it.

Reasons are facts, not words: :mod:`._wording` turns them into the sentences the preview
shows, and nothing else needs their words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum, auto
from typing import Any

from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import LoadedTemplate
from auditdesk.services.bundles._contents import BundleContents, IncomingRecord
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.store.models import BundleConflict


class Reason(Enum):
    """Why a record is new, unchanged, updated, a conflict or a problem."""

    # New
    NOT_HERE = auto()
    # No change: the same content here
    SAME_RECORDED_HERE_TOO = auto()  # a child recorded separately here, with the same details
    SAME_IMPORTED = auto()  # first imported from a bundle (``Decision.imported``)
    SAME_MADE_HERE = auto()  # made on this computer
    SAME = auto()
    # No change: nothing new in it
    OLDER = auto()  # this database has a later revision
    KNOWN_CONFLICT = auto()  # already kept as a conflict (``Decision.conflict``)
    # Updated
    FOLLOWS = auto()  # its lineage holds the version here
    # Conflict
    CHANGED_ON_BOTH = auto()
    RECORDED_DIFFERENTLY = auto()  # a child recorded separately here, with other details
    # Problems
    TEMPLATE_CLASH = auto()  # its template here has the same name and version, other content
    REFERENCE_TAKEN = auto()  # another audit here has its reference
    BLOCKS_TAKEN = auto()  # parts of it have the identity of parts of another audit here
    MISFIT = auto()  # it does not fit its template (``Decision.misfit``)
    AUDIT_REFUSED = auto()  # its audit cannot go in
    BLOCKS_NOT_HERE = auto()  # it refers to parts of its audit only the sender's version has


@dataclass(frozen=True)
class LocalRecord:
    id: int
    uuid: str  # differs from the incoming uuid for a child known here under another record
    revision: int
    content_hash: str


@dataclass(frozen=True)
class FirstImported:
    """When and from whom a version here was first imported."""

    at: datetime
    author: str
    file_name: str


@dataclass
class Decision:
    record: IncomingRecord
    status: ItemStatus
    reason: Reason
    local: LocalRecord | None = None
    history: list[revisions.HistoryRow] = field(default_factory=list)
    # No change, but the version here has never been sealed, or the bundle's lineage of
    # the same content knows revisions this database does not (recorded all the same).
    seal_here: bool = False
    # The sender came back to the same content later in its lineage (a no change).
    came_back_later: bool = False
    supersedes: list[int] = field(default_factory=list)  # open conflict rows it replaces
    imported: FirstImported | None = None  # SAME_IMPORTED
    conflict: BundleConflict | None = None  # KNOWN_CONFLICT
    misfit: str = ""  # MISFIT: how it does not fit, in words (see ``fit.misfit``)

    @property
    def local_uuid(self) -> str:
        return self.local.uuid if self.local else self.record.uuid

    def refuse(self, reason: Reason, misfit: str = "") -> None:
        """It cannot go in (a problem), for ``reason``."""
        self.status, self.reason, self.misfit = ItemStatus.PROBLEM, reason, misfit


@dataclass
class ImportPlan:
    contents: BundleContents
    decisions: list[Decision]
    install: list[LoadedTemplate]
    template_rows: dict[tuple[str, int], int]  # template key -> local template_versions.id
    indexes: dict[tuple[str, int], TemplateIndex]
    previous: list[Any]  # (imported_at, imported_by, file_name) of earlier imports of it

    def of(self, kind: str, *statuses: ItemStatus) -> list[Decision]:
        return [
            d
            for d in self.decisions
            if d.record.kind == kind and (not statuses or d.status in statuses)
        ]
