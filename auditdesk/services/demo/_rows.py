"""Shared pieces for building demo rows: ids, seeded UUIDs and batches of plain dicts."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

Row = dict[str, Any]
Batch = defaultdict[type, list[Row]]

DEMO_DEVICE = "demo-data"
DEMO_AUTHOR = "AuditDesk demo data"


def new_batch() -> Batch:
    return defaultdict(list)


class Ids:
    """Hands out primary keys (bulk inserts need them up front) and seeded UUIDs, so the
    same seed always gives the same database."""

    def __init__(self, rng: random.Random, start: dict[type, int]) -> None:
        self.rng = rng
        self._next = {table: value + 1 for table, value in start.items()}

    def next(self, table: type) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def travelling(self, when: datetime) -> Row:
        """The identity columns every travelling record carries."""
        return {
            "uuid": self.uuid(),
            "revision": 1,
            "content_hash": "",
            "created_at": when,
            "updated_at": when,
            "author": DEMO_AUTHOR,
            "device": DEMO_DEVICE,
        }
