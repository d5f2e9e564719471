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
from auditdesk.services.context import ServiceContext
from auditdesk.services.people import save_profile
from auditdesk.services.workspace import open_workspace
from tests.bundles.helpers import Laptop, Ticker


@dataclass
class Seals:
    """The model of one record on its auditor's laptop: what each send sealed, and the
    ancestry (every earlier seal) each sealed hash carries."""

    sealed: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    def send(self, current: str) -> frozenset[str]:
        if self.sealed and self.sealed[-1][0] == current:
            return self.sealed[-1][1]
        ancestry = frozenset(hash_ for hash_, _ in self.sealed)
        self.sealed.append((current, ancestry))
        return ancestry


@dataclass
class Held:
    """The model of one record at the lead."""

    head: str
    known: set[str]


@dataclass(frozen=True)
class SentBundle:
    path: Path
    records: dict[str, tuple[str, str, frozenset[str]]]  # uuid -> kind, hash, ancestry


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
