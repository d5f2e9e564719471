"""The reference model of the exchange test: what each auditor has sealed, what the lead
should hold, and laptops copied from ready-made blank databases."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import Laptop, Ticker


@dataclass(frozen=True)
class Sealed:
    """One record as a bundle carries it: its kind, content hash, the hashes sealed before
    it, and which of its auditor's seals it is (0 for the first). Content can recur (an
    action open, in progress, open again), so only the seal says which revision it is."""

    kind: str
    hash: str
    ancestry: frozenset[str]
    seal: int


@dataclass
class Seals:
    """The model of one record on its auditor's laptop: what each send sealed, in order."""

    sealed: list[str] = field(default_factory=list)

    def send(self, kind: str, current: str) -> Sealed:
        if not self.sealed or self.sealed[-1] != current:
            self.sealed.append(current)
        return Sealed(kind, current, frozenset(self.sealed[:-1]), len(self.sealed) - 1)


@dataclass
class Held:
    """The model of one record at the lead: its content, every hash it knows to have come
    before, the latest of its auditor's seals it holds (or holds the content of), and
    whether the lead's own version has gone its own way since (its own edit)."""

    head: str
    known: set[str]
    seal: int
    own: bool = False


@dataclass(frozen=True)
class SentBundle:
    path: Path
    records: dict[str, Sealed]  # by uuid


def laptop_from(blank: Path, folder: Path, name: str, role: Role) -> Laptop:
    path = folder / f"{name.split(maxsplit=1)[0].lower()}.sqlite"
    shutil.copyfile(blank, path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "UPDATE app_state SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),)
        )
    db = open_workspace(path)
    actor = save_profile(db, name, Agency.EDUCATION, role)
    outbox = folder / f"{name.split(maxsplit=1)[0].lower()}-outbox"
    outbox.mkdir()
    return Laptop(name, path, db, ServiceContext(db, actor, clock=Ticker()), outbox)
