"""``auditdesk demo``: fill a new database with realistic, reproducible demo audits.

The same seed and "as of" date give the same database. Rows go in with bulk inserts, one
batch of audits per transaction, so 50,000 audits take minutes, not hours.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from auditdesk.domain import limits
from auditdesk.domain.record_documents import document_hash, sample_document
from auditdesk.domain.reference import Role
from auditdesk.errors import InvalidInput
from auditdesk.services.demo._audit_rows import AuditMaker
from auditdesk.services.demo._cast import Cast, make_cast
from auditdesk.services.demo._demo_audit import TemplateInfo
from auditdesk.services.demo._rows import Batch, Ids, Row, new_batch
from auditdesk.services.demo._subject_rows import TEMPLATE_MIX
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.database import Database, set_app_state
from auditdesk.store.models import (
    Action,
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    Auditor,
    AuditSectionGrade,
    ChangeTrail,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
    Plan,
    Setting,
    TemplateVersion,
)
from auditdesk.store.state_keys import PROFILE_KEY

MAX_AUDITS = 200_000
BATCH_SIZE = 500
DEMO_STATE_KEY = "demo_data"
# Parents before children, so foreign keys hold at every commit.
INSERT_ORDER = (
    Auditor, Setting, Child, Plan, ModerationSample, Audit, AuditSectionGrade, AuditAuditor,
    AuditBlock, Answer,
    Action, Moderation, ModerationRating, ModerationGrade, ChangeTrail,
)  # fmt: skip
ID_TABLES = (
    Auditor, Setting, Child, Plan, Audit, AuditBlock, Answer, Action, Moderation,
    ModerationSample, ModerationRating,
)  # fmt: skip


@dataclass(frozen=True)
class DemoOptions:
    audits: int
    seed: int = 1
    as_of: date = field(default_factory=date.today)


@dataclass(frozen=True)
class DemoReport:
    audits: int
    answers: int
    actions: int
    moderations: int
    children: int
    settings: int
    auditors: int
    seconds: float


Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


def generate_demo(
    db: Database, options: DemoOptions, progress: Progress | None = None
) -> DemoReport:
    """Fill an empty database with demo audits. A database that already holds audits is
    refused, so demo data can never mix with real work."""
    if not 1 <= options.audits <= MAX_AUDITS:
        raise InvalidInput(f"Ask for between 1 and {MAX_AUDITS:,} demo audits.")
    if not limits.FIRST_SEED <= options.seed <= limits.LAST_SEED:
        # The seed is also the demo moderation samples' seed, which travels in bundles.
        raise InvalidInput(
            f"The demo seed {options.seed:,} is outside the range AuditDesk can keep: "
            f"choose a whole number from {limits.FIRST_SEED:,} to {limits.LAST_SEED:,}."
        )
    started = time.perf_counter()
    with db.read() as session:
        existing = session.scalar(select(func.count(Audit.id))) or 0
        # Ordered by version so the newest version of each template wins.
        templates = {
            v.template_id: TemplateInfo(v.id, v.sha256, v.version, index_for(v))
            for v in session.scalars(select(TemplateVersion).order_by(TemplateVersion.version))
        }
        start_ids: dict[type, int] = {
            table: session.scalar(select(func.max(table.id))) or 0 for table in ID_TABLES
        }
    if existing:
        raise InvalidInput(
            f"{db.path.name} already holds {existing:,} audits. Demo data only goes into a "
            "new database, so it never mixes with real audits: choose a new file."
        )
    missing = [template for template in TEMPLATE_MIX if template not in templates]
    if missing:
        raise InvalidInput(f"The shipped templates are missing: {', '.join(missing)}.")

    rng = random.Random(options.seed)
    ids = Ids(rng, start_ids)
    cast = make_cast(rng, ids, options.audits, options.as_of)
    maker = AuditMaker(rng, ids, cast, templates, options.as_of)
    with db.write() as session:
        _insert(session, Auditor, cast.auditors)
        _insert(session, Setting, cast.settings)
        set_app_state(
            session, DEMO_STATE_KEY, f"seed {options.seed}, as of {options.as_of.isoformat()}"
        )
        set_app_state(session, PROFILE_KEY, _first_quality_lead(cast))
    counts: dict[type, int] = {Answer: 0, Action: 0, Moderation: 0, Audit: 0}
    for batch in _batches(maker, rng, ids, cast, options):
        with db.write() as session:
            for table in INSERT_ORDER:
                if batch.get(table):
                    _insert(session, table, batch[table])
        for counted in counts:
            counts[counted] += len(batch.get(counted, ()))
        if progress is not None and not progress(counts[Audit], options.audits):
            break
    return DemoReport(
        audits=counts[Audit],
        answers=counts[Answer],
        actions=counts[Action],
        moderations=counts[Moderation],
        children=maker.children_made,
        settings=len(cast.settings),
        auditors=len(cast.auditors),
        seconds=time.perf_counter() - started,
    )


def _batches(
    maker: AuditMaker, rng: random.Random, ids: Ids, cast: Cast, options: DemoOptions
) -> Iterator[Batch]:
    made = 0
    # Later terms carry a little more audit work (the programme grows).
    weights = [1.0 + 0.12 * number for number in range(len(cast.terms))]
    while made < options.audits:
        batch = new_batch()
        sample: tuple[int, str] | None = None
        for _ in range(min(BATCH_SIZE, options.audits - made)):
            term = rng.choices(cast.terms, weights)[0]
            day = term.start + timedelta(days=rng.randint(0, max(0, (term.end - term.start).days)))
            if sample is None and (options.as_of - day).days > 40:
                stamp = datetime.combine(options.as_of, clock(9), tzinfo=UTC)
                row: Row = {
                    "id": ids.next(ModerationSample),
                    "name": f"Moderation sample {made // BATCH_SIZE + 1}",
                    "percentage": 10.0,
                    "period_from": None,
                    "period_to": None,
                    "strata": '{"by": ["template", "final grade"]}',
                    "seed": options.seed,
                } | ids.travelling(stamp)
                row["content_hash"] = document_hash(
                    sample_document(
                        row["uuid"],
                        row["name"],
                        percentage=10.0,
                        period_from=None,
                        period_to=None,
                        strata=row["strata"],
                        seed=options.seed,
                    )
                )
                batch[ModerationSample].append(row)
                sample = (row["id"], row["uuid"])
            maker.make(batch, day, sample)
            made += 1
        yield batch


def _insert(session: Session, model: type, rows: list[Row]) -> None:
    """Core executemany: one statement per table (the ORM's bulk path splits rows into
    many statements by which keys they carry, several times slower here)."""
    table = model.__table__  # type: ignore[attr-defined]
    session.connection().execute(insert(table), rows)


def _first_quality_lead(cast: Cast) -> str:
    lead = next(row for row in cast.auditors if row["role"] == Role.QUALITY_LEAD.value)
    return str(lead["uuid"])
