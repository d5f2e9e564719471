"""Make a database of an earlier schema revision, for the upgrade tests in tests/data.

The migrations are run only up to REVISION on a new file, and it is filled with demo
audits valid for that schema: ``auditdesk demo`` fills a current database, and the rows of
every table the older schema has are copied across. That is exact only while no later
migration has changed those tables, so the script refuses when a table's columns differ
or when the demo put rows in a table the older schema lacks: make that revision's file
with the AuditDesk of its day instead (before the next migration is added, when
REVISION is the newest). Usage:

    .venv/bin/python scripts/make_old_schema_database.py 0002 tests/data/schema_0002.sqlite

The file is checkpointed into rollback-journal mode so it is one self-contained file.
Commit it once and never regenerate it: it stands for files already out in the world.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import date
from pathlib import Path

from alembic import command

from auditdesk.services.demo import DemoOptions, generate_demo
from auditdesk.services.kernel import open_workspace
from auditdesk.store.engine import APPLICATION_ID, make_engine, open_connection
from auditdesk.store.migrate import alembic_config, known_revisions

#: What every AuditDesk has kept in app_state. Later notes to itself (the shipped templates'
#: fingerprint, that section grades are complete) are left out, so that opening the file
#: does the work it does for a file written long ago.
KEPT_STATE = ("device_id", "profile_auditor_uuid", "demo_data")


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the schema revision, such as 0002")
    parser.add_argument("target", type=Path, help="the database file to make (must not exist)")
    parser.add_argument("--audits", type=int, default=40)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 20))
    chosen = parser.parse_args(arguments)
    if chosen.revision not in known_revisions():
        parser.error(f"there is no revision {chosen.revision}; known: {sorted(known_revisions())}")
    if chosen.target.exists():
        parser.error(f"{chosen.target} exists already; committed files are never regenerated")
    with tempfile.TemporaryDirectory() as scratch:
        current = Path(scratch) / "current.sqlite"
        db = open_workspace(current)
        try:
            generate_demo(db, DemoOptions(chosen.audits, seed=chosen.seed, as_of=chosen.as_of))
        finally:
            db.close()
        migrate_to(chosen.target, chosen.revision)
        problems = copy_rows(current, chosen.target)
    if problems:
        chosen.target.unlink()
        print("Cannot make this revision's file from today's demo:", *problems, sep="\n  ")
        return 1
    print(f"made {chosen.target} at revision {chosen.revision}")
    return 0


def migrate_to(path: Path, revision: str) -> None:
    """A new AuditDesk file (its application id stamped first, as AuditDesk makes one) with
    the migrations run up to ``revision`` and no further."""
    with closing(open_connection(path)) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def copy_rows(source: Path, target: Path) -> list[str]:
    """Copy every row of the tables ``target`` has from ``source``; what could not be
    copied exactly, said in words (nothing when all went across)."""
    problems: list[str] = []
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("ATTACH DATABASE ? AS current", (str(source),))
        old = set(tables(connection, "main")) - {"alembic_version"}
        for table in sorted(set(tables(connection, "current")) - old - {"alembic_version"}):
            rows = connection.execute(f'SELECT count(*) FROM current."{table}"').fetchone()[0]
            if rows:
                problems.append(f"the demo put {rows} rows in {table}, which is not there yet")
        with connection:
            for table in tables(connection, "main"):
                if table not in old:
                    continue
                columns = column_names(connection, "main", table)
                if columns != column_names(connection, "current", table):
                    problems.append(f"{table} has different columns now")
                    continue
                listed = ", ".join(f'"{column}"' for column in columns)
                # Rows a migration wrote itself (the figures' change counter of 0004) give
                # way to the demo's, which was made by the same migrations.
                connection.execute(f'DELETE FROM main."{table}"')
                connection.execute(
                    f'INSERT INTO main."{table}" ({listed}) SELECT {listed} FROM current."{table}"'
                )
            kept = ", ".join("?" for _ in KEPT_STATE)
            connection.execute(f"DELETE FROM main.app_state WHERE key NOT IN ({kept})", KEPT_STATE)
        connection.execute("DETACH DATABASE current")
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
    return problems


def tables(connection: sqlite3.Connection, schema: str) -> list[str]:
    """The schema's tables, parents before children (the order they were created in)."""
    return [
        name
        for (name,) in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        )
    ]


def column_names(connection: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA {schema}.table_info("{table}")')]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
