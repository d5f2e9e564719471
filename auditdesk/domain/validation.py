"""Checks on what people type, with messages that say what to do instead.

Every length is one of :mod:`auditdesk.domain.limits`, the numbers the bundle format is
built from, so what passes here travels to another laptop.
"""

from __future__ import annotations

import re
from datetime import date

from auditdesk.domain import limits
from auditdesk.domain.wording import date_text
from auditdesk.errors import InvalidInput

_CHILD_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9\-/]{2,23}$")
_URN = re.compile(r"^[0-9]{6,7}$")
MIN_REASON_LENGTH = 10


def child_reference(text: str) -> str:
    """A local pseudonymous reference such as ``CE-10423``; never a name.

    Requiring at least one digit is a deliberate guard: a name typed in by mistake (the
    easiest privacy slip to make) is refused instead of stored.
    """
    cleaned = text.strip().upper()
    if not cleaned:
        raise InvalidInput("Enter the child's pseudonymous reference (for example CE-10423).")
    if not _CHILD_REFERENCE.match(cleaned) or not any(ch.isdigit() for ch in cleaned):
        raise InvalidInput(
            f"'{text.strip()}' is not a pseudonymous reference. Use the local reference "
            "(letters, digits and hyphens with at least one digit, for example CE-10423), "
            "never the child's name."
        )
    return cleaned


def setting_urn(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    cleaned = text.strip()
    if not _URN.match(cleaned):
        raise InvalidInput(
            f"'{cleaned}' is not a URN: a unique reference number is 6 or 7 digits "
            "(leave it blank if the setting has none)."
        )
    return cleaned


def day_within(day: date | None, what: str) -> date | None:
    """``day`` (``what``: "the due date") if AuditDesk works with it: the one range every
    day a person gives is checked against, so whatever is accepted can travel in a bundle."""
    if day is not None and not limits.EARLIEST_DAY <= day <= limits.LATEST_DAY:
        raise InvalidInput(
            f"Give {what} from {limits.DAY_RANGE} ({date_text(day)} is outside the days "
            "AuditDesk works with)."
        )
    return day


def required_text(text: str | None, what: str, *, max_length: int) -> str:
    """``text`` without surrounding spaces; refused if that leaves nothing, or more than
    ``max_length`` characters (one of :mod:`auditdesk.domain.limits`)."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput(f"Enter {what}.")
    return text_within(cleaned, what, max_length=max_length)


def text_within(text: str, what: str, *, max_length: int) -> str:
    """``text`` as it is, if it is at most ``max_length`` characters."""
    if len(text) > max_length:
        raise InvalidInput(
            f"{what[0].upper()}{what[1:]} is too long ({max_length:,} characters at most)."
        )
    return text


def reason(text: str | None, for_what: str) -> str:
    """A reason for an override or reopening: short enough to write, long enough to mean
    something to whoever reads the trail later."""
    cleaned = " ".join((text or "").split())
    if len(cleaned) < MIN_REASON_LENGTH:
        raise InvalidInput(
            f"Give a reason for {for_what} (at least {MIN_REASON_LENGTH} characters); "
            "it is kept in the audit's change trail."
        )
    return text_within(cleaned, f"the reason for {for_what}", max_length=limits.REASON)
