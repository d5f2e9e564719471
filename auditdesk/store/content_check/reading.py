"""How the content checks read SQLite: text as raw bytes (so AuditDesk, not sqlite3,
decodes it), names quoted for SQL, and how many findings of one kind are listed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

#: How many findings of one kind are listed (the first few are what support needs).
MOST_FINDINGS = 20


@contextmanager
def raw_text(connection: sqlite3.Connection) -> Iterator[None]:
    """Text comes back as bytes for a while, so AuditDesk, not sqlite3, decodes it."""
    before = connection.text_factory
    connection.text_factory = bytes
    try:
        yield
    finally:
        connection.text_factory = before


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
