"""Drawing a moderation sample: completed audits not yet moderated, stratified by template
and final grade (the rule itself is :mod:`auditdesk.domain.sampling`), each drawn audit
becoming a moderation waiting for a second marker."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.record_documents import document_hash, sample_document
from auditdesk.domain.reference import AuditStatus
from auditdesk.domain.sampling import StratifiedSample, draw_stratified
from auditdesk.domain.wording import date_text
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._listing import moderation_rows
from auditdesk.services.moderation._records import rehash
from auditdesk.services.moderation._results import SampleResult
from auditdesk.store.models import Audit, Moderation, ModerationSample

Stratum = tuple[str, str]  # (template id, final grade or "ungraded")


def draw_sample(
    ctx: ServiceContext,
    *,
    percentage: float,
    period_from: date | None = None,
    period_to: date | None = None,
    template_ids: tuple[str, ...] = (),
    seed: int | None = None,
    name: str | None = None,
) -> SampleResult:
    """Draw a stratified sample of completed audits for second marking.

    Strata are template x final grade, so every template and every grade is seen. Each
    stratum gives ``percentage`` of its audits, rounded up, so no stratum with audits in it
    is left out. Audits already drawn in an earlier sample are not drawn again.

    ``seed`` (for a draw that can be repeated) is a whole number from 0 to 2**31 - 1; without
    one, a random seed in that range is drawn.
    """
    if not 0 < percentage <= 100:
        raise InvalidInput("Give the sample size as a percentage between 1 and 100.")
    validation.day_within(period_from, "the first day of the period")
    validation.day_within(period_to, "the last day of the period")
    percentage = float(percentage)  # stored as a float; hash what is stored
    seed = _seed(seed)
    named = (
        validation.required_text(name, "the sample's name", max_length=limits.SAMPLE_NAME)
        if name and name.strip()
        else None
    )
    with ctx.db.write() as session:
        candidates = _candidates(session, period_from, period_to, template_ids)
        if not candidates:
            raise InvalidInput(
                "No completed audits are waiting for moderation in that period; "
                "widen the period or complete some audits first."
            )
        drawn = draw_stratified(candidates, percentage=percentage, seed=seed)
        summary = tuple(
            (*stratum.stratum, stratum.eligible, len(stratum.drawn)) for stratum in drawn.strata
        )
        sample = _new_sample(
            ctx,
            named or f"Moderation sample {date_text(ctx.today())}",
            percentage=percentage,
            period=(period_from, period_to),
            summary=summary,
            seed=seed,
        )
        session.add(sample)
        session.flush()
        _add_moderations(session, ctx, sample, drawn)
        rows = moderation_rows(session, Moderation.sample_id == sample.id)
        return SampleResult(
            sample.uuid, sample.name, percentage, drawn.eligible, tuple(rows), summary
        )


def _candidates(
    session: Session,
    period_from: date | None,
    period_to: date | None,
    template_ids: tuple[str, ...],
) -> list[tuple[int, Stratum]]:
    """Completed audits in the period, not moderated yet, each with its stratum."""
    already = select(Moderation.audit_id)
    query = select(Audit.id, Audit.template_id, Audit.final_grade).where(
        Audit.status == AuditStatus.COMPLETED.value, Audit.id.not_in(already)
    )
    if period_from:
        query = query.where(Audit.audit_date >= period_from)
    if period_to:
        query = query.where(Audit.audit_date <= period_to)
    if template_ids:
        query = query.where(Audit.template_id.in_(template_ids))
    return [
        (audit_id, (template_id, grade or "ungraded"))
        for audit_id, template_id, grade in session.execute(query.order_by(Audit.id))
    ]


def _new_sample(
    ctx: ServiceContext,
    name: str,
    *,
    percentage: float,
    period: tuple[date | None, date | None],
    summary: tuple[tuple[str, str, int, int], ...],
    seed: int,
) -> ModerationSample:
    """The sample's record, hashed; its strata are kept so the draw can be checked later."""
    period_from, period_to = period
    sample = ModerationSample(
        uuid=str(uuid.uuid4()),
        name=name,
        percentage=percentage,
        period_from=period_from,
        period_to=period_to,
        strata=json.dumps(
            {"by": ["template", "final grade"], "strata": [list(row) for row in summary]},
            sort_keys=True,
        ),
        seed=seed,
        author=ctx.actor.name,
        device=ctx.device,
    )
    sample.content_hash = document_hash(
        sample_document(
            sample.uuid,
            sample.name,
            percentage=sample.percentage,
            period_from=period_from,
            period_to=period_to,
            strata=sample.strata,
            seed=seed,
        )
    )
    return sample


def _add_moderations(
    session: Session,
    ctx: ServiceContext,
    sample: ModerationSample,
    drawn: StratifiedSample[Stratum, int],
) -> None:
    """A moderation for each drawn audit, noting the revision it was drawn at."""
    for audit_id in drawn.drawn:
        audit = session.get_one(Audit, audit_id)
        moderation = Moderation(
            uuid=str(uuid.uuid4()),
            audit_id=audit_id,
            sample_id=sample.id,
            audit_revision=audit.revision,
            audit_hash=audit.content_hash,
            assigned_by=ctx.actor.name,
            status="drawn",
            author=ctx.actor.name,
            device=ctx.device,
        )
        session.add(moderation)
        session.flush()
        rehash(session, moderation)
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit.uuid,
            record_type="moderation",
            record_uuid=moderation.uuid,
            field="drawn for moderation",
            new=sample.name,
        )


def _seed(seed: int | None) -> int:
    """The seed given, if it is one a sample can keep and carry; a fresh one if none is."""
    if seed is None:
        return random.SystemRandom().randint(limits.FIRST_SEED, limits.LAST_SEED)
    if (
        isinstance(seed, bool)
        or not isinstance(seed, int)
        or not limits.FIRST_SEED <= seed <= limits.LAST_SEED
    ):
        raise InvalidInput(
            f"The sample's seed must be a whole number from {limits.FIRST_SEED} to "
            f"{limits.LAST_SEED:,}; {seed!r} is not."
        )
    return seed
