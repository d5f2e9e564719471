"""Records and values named for a message: short, and as a person would know them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def record_label(kind: str, document: Mapping[str, Any]) -> str:
    """A record as a person would name it, from whatever of its document is readable."""
    if kind == "audit":
        head = document.get("audit")
        return f"audit {shortened(head.get('reference') if isinstance(head, Mapping) else None)}"
    if kind == "child":
        return f"child {shortened(document.get('reference'))}"
    words = kind.replace("_", " ")
    if kind in ("auditor", "setting", "moderation_sample"):
        return f"{words} '{shortened(document.get('name'))}'"
    return f"{words} {shortened(document.get('uuid'))}"


def shortened(value: object, most: int = 60) -> str:
    """A value short enough for a message (a 20,000-character comment is not shown)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > most:
        return f"{text[: most - 1]}… ({len(text):,} characters)"
    return text
