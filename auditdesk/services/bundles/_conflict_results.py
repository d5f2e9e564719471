"""Plain, frozen results of the Conflicts view and of a record's history, for the window
and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from auditdesk.services.bundles._results import show_visibly, when


class Resolution(StrEnum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"


class ConflictStatus(StrEnum):
    OPEN = "open"
    KEPT_MINE = "kept_mine"
    TOOK_THEIRS = "took_theirs"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return {
            "open": "Waiting for a decision",
            "kept_mine": "Kept the version here",
            "took_theirs": "Took the bundle's version",
            "superseded": "Replaced by a later version from the sender",
        }[self.value]


@dataclass(frozen=True)
class ConflictSummary:
    uuid: str
    record_type: str
    record_uuid: str
    audit_uuid: str | None
    label: str
    status: ConflictStatus
    local_revision: int
    incoming_revision: int
    sender: str
    sender_device: str
    bundle_file: str
    detected_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    note: str

    def __post_init__(self) -> None:
        # Who sent it, from which laptop and file, and its label are the bundle's words.
        show_visibly(self, "label", "sender", "sender_device", "bundle_file")

    def describe(self) -> str:
        text = (
            f"{self.label}: changed here and by {self.sender} since they last matched. "
            f"Revision {self.local_revision} here; revision {self.incoming_revision} in "
            f"{self.bundle_file}, imported {when(self.detected_at)}."
        )
        if self.status is not ConflictStatus.OPEN and self.decided_at:
            text += f" {self.status.label} ({self.decided_by}, {when(self.decided_at)})."
        return text


@dataclass(frozen=True)
class ComparisonLine:
    """One field side by side: the version here ("mine") and the bundle's ("theirs")."""

    section: str
    field: str
    mine: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


@dataclass(frozen=True)
class ConflictComparison:
    conflict: ConflictSummary
    mine_title: str
    theirs_title: str
    lines: tuple[ComparisonLine, ...]

    @property
    def differences(self) -> tuple[ComparisonLine, ...]:
        return tuple(line for line in self.lines if line.differs)


@dataclass(frozen=True)
class RevisionEntry:
    """One known revision of a record, for a history view."""

    revision: int
    content_hash: str
    origin: str  # sent, received, replaced, resolved
    author: str
    device: str
    recorded_at: datetime
    content_kept: bool  # the full content of this revision is stored
