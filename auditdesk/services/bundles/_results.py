"""Plain, frozen results of sending and receiving bundles, for the window and the CLI.

Every description is a sentence a quality lead can read as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from auditdesk.domain.reference import AuditStatus
from auditdesk.domain.wording import count, date_text, date_time_text
from auditdesk.errors import UserError
from auditdesk.services.bundles._visible import visible


class ImportCancelled(UserError):
    """The person stopped an import; it was rolled back whole."""


def when(moment: datetime) -> str:
    """'3 November 2026 at 14:05', in the computer's own time zone."""
    return date_time_text(moment)


_CHOSEN_ONE_BY_ONE = re.compile(r"^[\d,]+ chosen audits?$")


def chosen_in_words(selection: str, audits: int) -> str:
    """What a sender chose, with how many audits that gave: 'completed audits not yet sent
    (3 audits)', or '2 audits chosen one by one' (not '2 chosen audits (2 audits)')."""
    if _CHOSEN_ONE_BY_ONE.match(selection):
        return f"{count(audits, 'audit')} chosen one by one"
    return f"{selection} ({count(audits, 'audit')})"


# -- sending ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnsentCompleted:
    """Completed audits whose current version (or whose actions or moderation) has not been
    sent yet: what File > Send audits offers first."""

    def describe(self) -> str:
        return "completed audits not yet sent"


@dataclass(frozen=True)
class ChangedSince:
    """Completed audits changed (or with actions or moderation changed) since a day."""

    since: date

    def describe(self) -> str:
        return f"completed audits changed since {date_text(self.since)}"


@dataclass(frozen=True)
class ChosenAudits:
    """Audits chosen one by one (by reference or id), whatever their status."""

    audits: tuple[str, ...]

    def describe(self) -> str:
        count = len(self.audits)
        return f"{count} chosen audit{'s' if count != 1 else ''}"


SendSelection = UnsentCompleted | ChangedSince | ChosenAudits


@dataclass(frozen=True)
class SendCandidate:
    """One audit a send would include, for the Send audits dialog's list."""

    uuid: str
    reference: str
    template_title: str
    subject: str  # the child's reference or the setting's name
    status: AuditStatus
    revision: int
    updated_at: datetime
    last_sent_at: datetime | None


@dataclass(frozen=True)
class SendResult:
    path: Path
    bundle_uuid: str
    audits: int
    records: int
    size_bytes: int
    selection: str

    def describe(self) -> str:
        return (
            f"Sent {self.audits:,} audit{'s' if self.audits != 1 else ''} "
            f"({self.records:,} records in all) to {self.path} "
            f"({self.size_bytes / 1e6:,.1f} MB)."
        )


@dataclass(frozen=True)
class SentBundleSummary:
    bundle_uuid: str
    file_name: str
    created_at: datetime
    author: str
    selection: str
    audits: int
    records: int


# -- receiving --------------------------------------------------------------------------------
class ItemStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    CONFLICT = "conflict"
    PROBLEM = "problem"

    @property
    def label(self) -> str:
        return {
            "new": "New",
            "unchanged": "No change",
            "updated": "Updated",
            "conflict": "Conflict",
            "problem": "Problem",
        }[self.value]


@dataclass(frozen=True)
class PreviewItem:
    """One record in a bundle and what importing it would do."""

    record_type: str  # audit, action, moderation, moderation_sample, auditor, setting, ...
    record_uuid: str
    label: str  # "Audit AD-7KQ2XM (EHCP quality audit, CE-10001)"
    status: ItemStatus
    description: str  # what happens and why, in a sentence or two
    incoming_revision: int
    local_revision: int | None
    audit_uuid: str | None
    audit_reference: str | None

    def __post_init__(self) -> None:
        # Built from the bundle's own words: shown only without their control characters.
        show_visibly(self, "label", "description", "audit_reference")


@dataclass(frozen=True)
class PreviousImport:
    imported_at: datetime
    imported_by: str
    file_name: str

    def __post_init__(self) -> None:
        show_visibly(self, "imported_by", "file_name")


def show_visibly(result: object, *fields: str) -> None:
    """Replace each text field of a frozen result with :func:`visible` text.

    A preview is where a bundle's words become words people see (the command line prints
    them, the window shows them), so it never holds a character that acts instead of
    being seen (see :mod:`.visible`)."""
    for name in fields:
        value = getattr(result, name)
        if isinstance(value, str):
            object.__setattr__(result, name, visible(value))
        elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
            object.__setattr__(result, name, tuple(visible(item) for item in value))


@dataclass(frozen=True)
class BundlePreview:
    """What a bundle holds and what importing it would do, record by record."""

    file: Path
    file_sha256: str
    bundle_uuid: str
    created_at: datetime
    sender: str
    sender_device: str  # for support and the log; people are told who, not which laptop
    app_version: str
    selection: str  # what the sender chose, in their AuditDesk's words
    items: tuple[PreviewItem, ...]
    templates_to_install: tuple[str, ...]
    imported_before: tuple[PreviousImport, ...]
    #: Records the same here whose history importing would still record: never sealed
    #: here, or the sender's later revision of the same content (see ``classify``).
    revisions_to_record: int = 0
    sender_agency: str = ""  # as people read it ("Health")

    def __post_init__(self) -> None:
        show_visibly(
            self,
            "sender",
            "sender_device",
            "app_version",
            "selection",
            "templates_to_install",
            "sender_agency",
        )

    @property
    def file_name(self) -> str:
        """The bundle's file name as shown (it came with the sender's attachment)."""
        return visible(self.file.name)

    def of(self, status: ItemStatus, record_type: str | None = None) -> tuple[PreviewItem, ...]:
        return tuple(
            item
            for item in self.items
            if item.status is status and (record_type is None or item.record_type == record_type)
        )

    @property
    def new(self) -> tuple[PreviewItem, ...]:
        return self.of(ItemStatus.NEW)

    @property
    def unchanged(self) -> tuple[PreviewItem, ...]:
        return self.of(ItemStatus.UNCHANGED)

    @property
    def updated(self) -> tuple[PreviewItem, ...]:
        return self.of(ItemStatus.UPDATED)

    @property
    def conflicts(self) -> tuple[PreviewItem, ...]:
        return self.of(ItemStatus.CONFLICT)

    @property
    def problems(self) -> tuple[PreviewItem, ...]:
        return self.of(ItemStatus.PROBLEM)

    @property
    def has_changes(self) -> bool:
        """Whether importing would change anything (otherwise import writes nothing)."""
        return bool(
            self.new
            or self.updated
            or self.conflicts
            or self.templates_to_install
            or self.revisions_to_record
        )

    @property
    def sent_by(self) -> str:
        """'Hannah Shah (Health)'."""
        return f"{self.sender} ({self.sender_agency})" if self.sender_agency else self.sender

    def sent(self) -> str:
        """Who sent the bundle, when, and what they chose, in one sentence:
        'Sent by Hannah Shah (Health) on 3 November 2026 at 14:05: completed audits not yet
        sent (3 audits).'"""
        audits = sum(1 for item in self.items if item.record_type == "audit")
        return (
            f"Sent by {self.sent_by} on {when(self.created_at)}: "
            f"{chosen_in_words(self.selection, audits)}."
        )

    def summary(self) -> str:
        """One paragraph: who sent what and when, and what importing would do."""
        parts = [self.sent()]
        counts = []
        for status in ItemStatus:
            audits = sum(1 for item in self.of(status) if item.record_type == "audit")
            others = len(self.of(status)) - audits
            found = [count(audits, "audit")] if audits else []
            found += [count(others, "other record")] if others else []
            if found:
                counts.append(f"{status.label.lower()}: {' and '.join(found)}")
        parts.append("; ".join(counts).capitalize() + "." if counts else "It is empty.")
        for previous in self.imported_before:
            parts.append(
                f"This bundle was imported before, on {when(previous.imported_at)} by "
                f"{previous.imported_by}."
            )
        if not self.has_changes:
            parts.append("Importing it would change nothing.")
        elif not (self.new or self.updated or self.conflicts or self.templates_to_install):
            parts.append(
                "Importing it changes no details; it records that the sender's later "
                "revisions are the same as what is here."
            )
        return " ".join(parts)

    def lines(self) -> list[str]:
        """The whole preview as text (what ``auditdesk bundle import`` prints)."""
        lines = [self.summary()]
        if self.templates_to_install:
            lines.append("Templates to add: " + ", ".join(self.templates_to_install) + ".")
        for status in ItemStatus:
            items = self.of(status)
            if not items:
                continue
            lines.append(f"{status.label} ({len(items):,}):")
            lines += [f"  {item.label}: {item.description}" for item in items]
        return lines


@dataclass(frozen=True)
class ImportResult:
    preview: BundlePreview  # as decided inside the import's own transaction
    imported: bool  # False when there was nothing to change (nothing was written)
    backup: Path | None

    def describe(self) -> str:
        if not self.imported:
            return "Nothing was imported: everything in the bundle is already here."
        preview = self.preview
        text = (
            f"Imported {len(preview.new):,} new and {len(preview.updated):,} updated records "
            f"from {preview.file_name}."
        )
        if preview.revisions_to_record and not (preview.new or preview.updated):
            text = (
                f"Nothing in {preview.file_name} changed what is here; it recorded that the "
                "sender's later revisions are the same as what is here."
            )
        if preview.conflicts:
            text += (
                f" {len(preview.conflicts):,} conflicting version(s) were kept aside, nothing "
                "overwritten: choose between them in Conflicts."
            )
        if preview.problems:
            text += f" {len(preview.problems):,} record(s) could not be imported (see above)."
        if self.backup is not None:
            text += f" A backup from just before is at {self.backup}."
        return text
