"""Text that decodes: every stored value must be valid UTF-8.

SQLite's integrity check looks at pages and indexes, not at what a value says: one flipped
byte inside a comment passes it, and then every read of that row fails to decode.

Text is checked a chunk of rows at a time: SQLite joins a chunk's values (a newline
between each, so two broken halves can never join into a valid character) and Python
decodes the lot at C speed; only a chunk that fails is read again row by row, to say where.
"""

from __future__ import annotations

import sqlite3

from auditdesk.store.content_check.reading import MOST_FINDINGS, quoted, raw_text

#: Rows joined and decoded at once: big enough to be fast, small enough to stay in memory.
CHUNK_ROWS = 20_000


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


def _table_text_problems(connection: sqlite3.Connection, table: str) -> list[str]:
    columns = [
        row[0].decode("utf-8", "replace")
        for row in connection.execute("SELECT name FROM pragma_table_info(?)", (table,))
    ]
    if not columns:
        return []
    joined = " || char(10) || ".join(f"coalesce({quoted(c)}, '')" for c in columns)
    low, high = connection.execute(f"SELECT min(rowid), max(rowid) FROM {quoted(table)}").fetchone()
    if low is None:
        return []
    found: list[str] = []
    for start in range(low, high + 1, CHUNK_ROWS):
        end = start + CHUNK_ROWS - 1
        (chunk,) = connection.execute(
            f"SELECT group_concat({joined}, char(10)) FROM {quoted(table)} "
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
    selected = ", ".join(quoted(c) for c in columns)
    found = []
    for row in connection.execute(
        f"SELECT rowid, {selected} FROM {quoted(table)} WHERE rowid BETWEEN ? AND ?",
        (start, end),
    ):
        for column, value in zip(columns, row[1:], strict=True):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    found.append(f"{table} row {row[0]}: the {column} is not readable text")
    return found
