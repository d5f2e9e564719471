"""Column types that keep times honest across SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text
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


def utc_now() -> datetime:
    return datetime.now(UTC)
