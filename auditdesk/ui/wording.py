"""Counts in words, the same way everywhere: "1 audit", "1,901 audits", "2 children"."""

from __future__ import annotations

_IRREGULAR = {"child": "children", "person": "people", "sampled child": "sampled children"}


def plural(noun: str) -> str:
    last = noun.rsplit(maxsplit=1)[-1]
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if last in _IRREGULAR:
        return noun[: -len(last)] + _IRREGULAR[last]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def count(number: int, noun: str) -> str:
    """``number`` with a thousands separator, and ``noun`` agreeing with it."""
    return f"{number:,} {noun if number == 1 else plural(noun)}"
