"""Column types that keep times honest across SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, String, Text, event
from sqlalchemy.orm import Mapper
from sqlalchemy.types import TypeDecorator

from auditdesk.errors import DatabaseDamaged


class UtcDateTime(TypeDecorator[datetime]):
    """Stores aware UTC datetimes; refuses naive ones so a local time never sneaks in.

    SQLite has no time zones, so values are stored as naive UTC and given their zone back
    on the way out.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("AuditDesk stores times in UTC; got a time without a zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class UnreadableDocument(DatabaseDamaged):
    """A JSON document stored in the database does not decode. Raised while rows are read,
    where the file is not known; :class:`auditdesk.store.database.Database` names it."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The database is damaged ({detail}). Restore it from a backup, or run "
            "`auditdesk db check` to see what is wrong."
        )
        self.detail = detail


class JsonText(TypeDecorator[str]):
    """Text holding a JSON document, handed out as the text it is.

    Checked to decode as it is read, so a document damaged in the file stops the work with
    the damaged-database message rather than as a decoding error deep in a service."""

    impl = Text
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        try:
            json.loads(value)
        except ValueError:
            raise UnreadableDocument("a document stored in it does not decode") from None
        assert isinstance(value, str)
        return value


class UnreadableValue(UnreadableDocument):
    """A stored value is not of the kind its column holds (a blob or a number where text
    belongs): SQLite keeps whatever it is given, and such a value would otherwise surface
    as a crash far from the database (an export meeting bytes where it expects text)."""


_TEXT_COLUMNS: dict[type, tuple[tuple[str, str], ...]] = {}


def _text_columns(mapper: Mapper[Any]) -> tuple[tuple[str, str], ...]:
    """(attribute, "table.column") of every plain text column ``mapper`` loads."""
    found = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        kind = column.type
        if isinstance(kind, String) and not isinstance(kind, TypeDecorator):
            table = getattr(column, "table", None)
            found.append((prop.key, f"{getattr(table, 'name', '?')}.{column.name}"))
    return tuple(found)


@event.listens_for(Mapper, "load")
def _check_loaded_text(instance: Any, _context: Any) -> None:
    """Every record read through the models has text (or nothing) in its text columns,
    or the read stops with the damaged-database message; the value itself is never
    quoted (it may be about a child). ``auditdesk db check`` says how many rows. (About
    a microsecond a record; Core queries of single columns are not covered.)"""
    columns = _TEXT_COLUMNS.get(type(instance))
    if columns is None:
        columns = _TEXT_COLUMNS[type(instance)] = _text_columns(instance.__mapper__)
    values = instance.__dict__
    for key, where in columns:
        value = values.get(key)
        if value is not None and type(value) is not str:
            raise UnreadableValue(f"a value stored in {where} is not text")
