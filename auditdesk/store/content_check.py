"""Is everything stored readable? Text that decodes, documents that decode and validate.

SQLite's integrity check looks at pages and indexes, not at what a value says: one flipped
byte inside a comment passes it, and then every read of that row fails to decode. These
checks read what AuditDesk reads, on a plain read-only ``sqlite3`` connection.

Text is checked a chunk of rows at a time: SQLite joins a chunk's values (a newline
between each, so two broken halves can never join into a valid character) and Python
decodes the lot at C speed; only a chunk that fails is read again row by row, to say where.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ValidationError

from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditDocument,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SampleDocument,
    SettingDocument,
)
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.overlong_text import overlong_text
from auditdesk.domain.template_model import AuditTemplate

#: Rows joined and decoded at once: big enough to be fast, small enough to stay in memory.
CHUNK_ROWS = 20_000
#: How many findings of one kind are listed (the first few are what support needs).
MOST_FINDINGS = 20

RECORD_MODELS: dict[str, type[BaseModel]] = {
    "audit": AuditDocument,
    "auditor": AuditorDocument,
    "setting": SettingDocument,
    "child": ChildDocument,
    "plan": PlanDocument,
    "action": ActionDocument,
    "moderation_sample": SampleDocument,
    "moderation": ModerationDocument,
}

Progress = Callable[[str], None]


@contextmanager
def raw_text(connection: sqlite3.Connection) -> Iterator[None]:
    """Text comes back as bytes for a while, so AuditDesk, not sqlite3, decodes it."""
    before = connection.text_factory
    connection.text_factory = bytes
    try:
        yield
    finally:
        connection.text_factory = before


# -- text ----------------------------------------------------------------------------------
def text_problems(connection: sqlite3.Connection) -> list[str]:
    """Every stored value that is not valid UTF-8, by table, row and column."""
    found: list[str] = []
    with raw_text(connection):
        tables = [
            row[0].decode("utf-8", "replace")
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            found += _table_text_problems(connection, table)
            if len(found) >= MOST_FINDINGS:
                break
    return found[:MOST_FINDINGS]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_text_problems(connection: sqlite3.Connection, table: str) -> list[str]:
    columns = [
        row[0].decode("utf-8", "replace")
        for row in connection.execute("SELECT name FROM pragma_table_info(?)", (table,))
    ]
    if not columns:
        return []
    joined = " || char(10) || ".join(f"coalesce({_quoted(c)}, '')" for c in columns)
    low, high = connection.execute(
        f"SELECT min(rowid), max(rowid) FROM {_quoted(table)}"
    ).fetchone()
    if low is None:
        return []
    found: list[str] = []
    for start in range(low, high + 1, CHUNK_ROWS):
        end = start + CHUNK_ROWS - 1
        (chunk,) = connection.execute(
            f"SELECT group_concat({joined}, char(10)) FROM {_quoted(table)} "
            "WHERE rowid BETWEEN ? AND ?",
            (start, end),
        ).fetchone()
        if chunk is None:
            continue
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            found += _rows_not_text(connection, table, columns, start, end)
    return found


def _rows_not_text(
    connection: sqlite3.Connection, table: str, columns: list[str], start: int, end: int
) -> list[str]:
    selected = ", ".join(_quoted(c) for c in columns)
    found = []
    for row in connection.execute(
        f"SELECT rowid, {selected} FROM {_quoted(table)} WHERE rowid BETWEEN ? AND ?",
        (start, end),
    ):
        for column, value in zip(columns, row[1:], strict=True):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    found.append(f"{table} row {row[0]}: the {column} is not readable text")
    return found


# -- documents -----------------------------------------------------------------------------
def _decoded(raw: bytes | None) -> Any:
    """The JSON document in ``raw``; ValueError (UnicodeDecodeError included) if none."""
    if raw is None:
        raise ValueError("it is empty")
    return json.loads(raw.decode("utf-8"))


def template_problems(connection: sqlite3.Connection, *, validate: bool = True) -> list[str]:
    """Each stored template version must decode, match the fingerprint it was stored with
    (so not one byte of a question has changed) and, with ``validate``, be a template.

    Without ``validate`` it is cheap enough for every opening: the fingerprint matching
    means the content is what was validated when it was stored."""
    found: list[str] = []
    with raw_text(connection):
        rows = connection.execute(
            "SELECT template_id, version, definition, sha256 FROM template_versions ORDER BY id"
        ).fetchall()
    for template_id, version, definition, sha256 in rows:
        name = f"the template {template_id.decode('utf-8', 'replace')} version {version}"
        try:
            data = _decoded(definition)
        except ValueError:
            found.append(f"{name} does not decode")
            continue
        if content_hash(data) != (sha256 or b"").decode("utf-8", "replace"):
            found.append(f"{name} differs from the fingerprint it was stored with")
            continue
        if validate:
            try:
                AuditTemplate.model_validate(data)
            except ValidationError as error:
                found.append(f"{name} is not a valid template ({error.error_count()} problems)")
    return found[:MOST_FINDINGS]


def document_problems(connection: sqlite3.Connection) -> list[str]:
    """Record revisions and conflicts kept from bundles: each JSON column must decode to
    what it holds (a list of hashes, a record's document of its kind, bookkeeping)."""
    found: list[str] = []
    with raw_text(connection):
        revisions = connection.execute(
            "SELECT id, record_type, ancestry, document FROM record_revisions ORDER BY id"
        )
        for row_id, kind, ancestry, document in revisions:
            where = f"record_revisions row {row_id}"
            found += _ancestry_problem(where, ancestry)
            if document is not None:
                found += _record_problem(where, kind, document)
            if len(found) >= MOST_FINDINGS:
                return found[:MOST_FINDINGS]
        conflicts = connection.execute(
            "SELECT id, record_type, local_document, incoming_document, incoming_ancestry, "
            "incoming_extra FROM bundle_conflicts ORDER BY id"
        )
        for row_id, kind, local, incoming, ancestry, extra in conflicts:
            where = f"bundle_conflicts row {row_id}"
            found += _record_problem(f"{where} (this database's copy)", kind, local)
            found += _record_problem(f"{where} (the bundle's copy)", kind, incoming)
            found += _ancestry_problem(where, ancestry)
            try:
                if not isinstance(_decoded(extra), dict):
                    found.append(f"{where}: the bundle's bookkeeping is not a JSON object")
            except ValueError:
                found.append(f"{where}: the bundle's bookkeeping does not decode")
            if len(found) >= MOST_FINDINGS:
                break
    return found[:MOST_FINDINGS]


def _ancestry_problem(where: str, raw: bytes | None) -> list[str]:
    try:
        ancestry = _decoded(raw)
    except ValueError:
        return [f"{where}: the list of earlier revisions does not decode"]
    if not isinstance(ancestry, list) or not all(isinstance(item, str) for item in ancestry):
        return [f"{where}: the list of earlier revisions is not a list of fingerprints"]
    return []


def _record_problem(where: str, raw_kind: bytes | None, raw: bytes | None) -> list[str]:
    kind = (raw_kind or b"").decode("utf-8", "replace")
    try:
        document = _decoded(raw)
    except ValueError:
        return [f"{where}: the {kind} document does not decode"]
    model = RECORD_MODELS.get(kind)
    if model is None:
        return [f"{where}: '{kind}' is not a kind of record AuditDesk keeps"]
    try:
        model.model_validate(document)
    except ValidationError as error:
        if isinstance(document, dict) and overlong_text(kind, document, error) is not None:
            return []  # text typed before today's limits: kept as it was, not damage
        return [f"{where}: the {kind} document does not match its format"]
    return []
