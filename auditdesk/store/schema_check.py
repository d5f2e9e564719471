"""Does the file hold every table, column, index and trigger AuditDesk relies on?

Compared with the models (:mod:`auditdesk.store.models`, which a test holds equal to the
migrations), read from SQLite's catalogue in three queries, so it is cheap enough to run
every time a database at the shipped revision is opened: a table dropped by another
program is refused up front, in words, rather than found half-way through an export.
Things the file has beyond the models are not reported (they harm nothing).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from sqlalchemy import UniqueConstraint

from auditdesk.store.models import Base

#: Made by the first migration (models cannot declare triggers): the change trail is
#: append-only because of these.
TRIGGERS = ("change_trail_no_update", "change_trail_no_delete")


def schema_problems(connection: sqlite3.Connection) -> list[str]:
    """What is missing, one line each ("the table actions is missing"); empty when whole."""
    columns: dict[str, set[str]] = defaultdict(set)
    for table, column in connection.execute(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    ):
        columns[table].add(column)
    named_indexes: set[str] = set()
    unique: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    parts: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for table, index, is_unique, seqno, column in connection.execute(
        'SELECT m.name, i.name, i."unique", c.seqno, c.name FROM sqlite_master AS m, '
        "pragma_index_list(m.name) AS i, pragma_index_info(i.name) AS c "
        "WHERE m.type = 'table'"
    ):
        named_indexes.add(index)
        if is_unique:
            parts[(table, index)].append((seqno, column))
    for (table, _index), found in parts.items():
        unique[table].add(tuple(column for _seqno, column in sorted(found)))
    triggers = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
    }

    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in columns:
            problems.append(f"the table {table.name} is missing")
            continue
        problems += [
            f"the column {table.name}.{column.name} is missing"
            for column in table.columns
            if column.name not in columns[table.name]
        ]
        problems += [
            f"the index {index.name} on {table.name} is missing"
            for index in table.indexes
            if index.name not in named_indexes
        ]
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint):
                wanted = tuple(column.name for column in constraint.columns)
                if wanted not in unique[table.name]:
                    problems.append(
                        f"the rule that {table.name}.{', '.join(wanted)} is unique is missing"
                    )
    if "change_trail" in columns:
        problems += [f"the trigger {name} is missing" for name in TRIGGERS if name not in triggers]
    return problems
