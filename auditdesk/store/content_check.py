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
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Float, Integer, String
from sqlalchemy.types import TypeDecorator

from auditdesk.domain import limits
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
from auditdesk.domain.grades import Grade
from auditdesk.domain.overlong_text import overlong_text
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
    SubjectKind,
    TemplateKind,
)
from auditdesk.domain.template_model import AuditTemplate
from auditdesk.store.models import (
    Action,
    Audit,
    AuditAuditor,
    Auditor,
    AuditSectionGrade,
    Base,
    Child,
    Moderation,
    ModerationGrade,
    Plan,
    Setting,
    TemplateVersion,
)

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


# -- values of the wrong kind ----------------------------------------------------------------
#: Columns holding one of a known set of codes, by the enum that lists them (the models
#: store codes as plain strings; the codes a CHECK constraint lists are added from the
#: models themselves, as ``PRAGMA ignore_check_constraints`` lets others in).
CODE_COLUMNS: dict[Any, type[StrEnum]] = {
    Auditor.agency: Agency,
    Auditor.role: Role,
    Setting.setting_type: SettingType,
    Setting.phase: SettingPhase,
    Child.primary_need: PrimaryNeed,
    Plan.stage: PlanStage,
    TemplateVersion.kind: TemplateKind,
    Audit.subject_kind: SubjectKind,
    Audit.phase: Phase,
    Audit.primary_need: PrimaryNeed,
    Audit.setting_type: SettingType,
    Audit.plan_stage: PlanStage,
    Audit.status: AuditStatus,
    Audit.suggested_grade: Grade,
    Audit.override_grade: Grade,
    Audit.final_grade: Grade,
    Audit.lead_agency: Agency,
    AuditAuditor.agency: Agency,
    AuditSectionGrade.grade: Grade,
    Action.owner_agency: Agency,
    Action.status: ActionStatus,
    Moderation.second_overall_grade: Grade,
    Moderation.agreed_grade: Grade,
    ModerationGrade.first_grade: Grade,
    ModerationGrade.second_grade: Grade,
    ModerationGrade.agreed_grade: Grade,
}
_CHECK_IN = re.compile(r"^\s*(\w+)\s+IN\s*\(([^()]*)\)\s*$", re.IGNORECASE)
_DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
#: How SQLAlchemy stores a time (a LIKE pattern: cheaper than GLOB on every row).
_TIME = "____-__-__ __:__:__%"


@dataclass(frozen=True)
class _Expectation:
    """One count over a table: the rows of ``column`` where ``condition`` (SQL) holds."""

    column: str
    condition: str
    finding: str


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))


def _codes_by_column() -> dict[tuple[str, str], set[str]]:
    codes: dict[tuple[str, str], set[str]] = {}
    for attribute, enum in CODE_COLUMNS.items():
        column = attribute.property.columns[0]
        codes[(column.table.name, column.name)] = {member.value for member in enum}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                found = _CHECK_IN.match(str(constraint.sqltext))
                if found and found.group(1) in table.columns:
                    values = {v.strip().strip("'") for v in found.group(2).split(",")}
                    codes.setdefault((table.name, found.group(1)), values)
    return codes


def _expectations() -> dict[str, list[_Expectation]]:
    """What each column of each table must hold, from the models: its storage class (text,
    a whole number, a number), days and times AuditDesk can read, and known codes."""
    codes = _codes_by_column()
    found: dict[str, list[_Expectation]] = {}
    for table in Base.metadata.sorted_tables:
        expected: list[_Expectation] = []
        for column in table.columns:
            name = _quoted(column.name)
            kind = column.type
            if isinstance(kind, TypeDecorator):
                kind = kind.impl_instance
            if isinstance(kind, Integer | Boolean):
                if column.primary_key and len(table.primary_key.columns) == 1:
                    continue  # the rowid itself: SQLite holds nothing else there
                wrong, what = f"typeof({name}) NOT IN ('integer', 'null')", "a whole number"
            elif isinstance(kind, Float):
                wrong, what = f"typeof({name}) IN ('text', 'blob')", "a number"
            elif isinstance(kind, Date | DateTime):  # stored as text, in a NUMERIC column
                wrong, what = f"typeof({name}) NOT IN ('text', 'null')", "text"
            elif isinstance(kind, String):  # Text too: a TEXT column turns numbers to text
                wrong, what = f"typeof({name}) = 'blob'", "text"
            else:
                continue
            expected.append(_Expectation(column.name, wrong, f"something other than {what}"))
            if isinstance(kind, DateTime):
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} NOT LIKE '{_TIME}'",
                        "text that is not a date and time",
                    )
                )
            elif isinstance(kind, Date):
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND NOT ({name} GLOB '{_DAY}' "
                        f"AND date({name}) IS {name})",
                        "text that is not a date",
                    )
                )
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} GLOB '{_DAY}' "
                        f"AND date({name}) IS {name} AND {name} NOT BETWEEN "
                        f"'{limits.EARLIEST_DAY}' AND '{limits.LATEST_DAY}'",
                        f"a day outside the days AuditDesk works with ({limits.DAY_RANGE})",
                    )
                )
            allowed = codes.get((table.name, column.name))
            if allowed:
                expected.append(
                    _Expectation(
                        column.name,
                        f"typeof({name}) = 'text' AND {name} NOT IN ({_sql_list(allowed)})",
                        "a value AuditDesk does not know",
                    )
                )
        if expected:
            found[table.name] = expected
    return found


def value_problems(connection: sqlite3.Connection) -> list[str]:
    """Values SQLite holds but AuditDesk cannot use, by table and column, counted (never
    quoted: a value may be about a child): a value of the wrong storage class (a blob or a
    number where text belongs, text where a number does), a day or time that is none or is
    outside the days AuditDesk works with, a code no list holds. SQLite stores whatever it
    is given in most columns, so such a value passes its checks, and then an export
    crashes or the Board silently leaves the row out. One pass over each clean table."""
    found: list[str] = []
    for table, expected in _expectations().items():
        # Counted column by column only in a table where something is wrong (rarely).
        anything = " OR ".join(f"({e.condition})" for e in expected)
        (wrong,) = connection.execute(
            f"SELECT EXISTS (SELECT 1 FROM {_quoted(table)} WHERE {anything})"
        ).fetchone()
        if not wrong:
            continue
        counts = ", ".join(f"count(*) FILTER (WHERE {e.condition})" for e in expected)
        row = connection.execute(f"SELECT {counts} FROM {_quoted(table)}").fetchone()
        for expectation, count in zip(expected, row, strict=True):
            if count:
                rows = "1 row holds" if count == 1 else f"{count:,} rows hold"
                found.append(f"{table}.{expectation.column}: {rows} {expectation.finding}")
    return found[:MOST_FINDINGS]
