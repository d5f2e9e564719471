"""The agreement report the Moderation tab shows, kept in the database like the
dashboard's figures (:mod:`._kept_figures`): shown at once when no audit, answer or
moderation has changed since it was worked out, worked out again when any has.

Weighing every rating pair means joining each second marker's rating to the first
marker's answer: 189,000 pairs, 0.4 s of SQL at 50,000 audits, every time the tab was
shown. The same change counter says when a kept report is out of date (migration 0004
moves it on every change to the audits, answers and moderation tables), it is read before
the report is worked out, and the report is kept under today's date with the dashboard's
figures (and let go with them). The Board exports never read it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete

from auditdesk.domain.agreement import Agreement
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._agreement import (
    AgreementLine,
    AgreementReport,
    build_agreement_report,
)
from auditdesk.services.reports._data_stamp import data_stamp
from auditdesk.store.models import StoredBoardFigures

log = logging.getLogger(__name__)
FORMAT = 1  # of the kept JSON; another is worked out afresh


@dataclass(frozen=True)
class ModerationAgreement:
    """The agreement report across every moderated audit, and whether it is current."""

    report: AgreementReport
    current: bool
    stamp: int | None = None  # the data's stamp before it was worked out


_WHAT = " agreement across every moderated audit"


def _key(ctx: ServiceContext) -> str:
    return f"{ctx.today().isoformat()}{_WHAT}"


def kept_agreement(ctx: ServiceContext) -> ModerationAgreement | None:
    """The report kept today, saying whether it still holds (``None``: none is kept, or
    it cannot be read)."""
    with ctx.db.read() as session:
        stamp = data_stamp(session)
        kept = session.get(StoredBoardFigures, _key(ctx))
        if kept is None:
            return None
        try:
            report = report_from_json(kept.figures)
        except (ValueError, KeyError, TypeError):
            log.info("the kept agreement report could not be read; working it out again")
            return None
        return ModerationAgreement(report, current=stamp is not None and kept.stamp == stamp)


def work_out_agreement(ctx: ServiceContext) -> ModerationAgreement:
    """The report worked out afresh, with the stamp of the data it was read from."""
    with ctx.db.read() as session:  # one snapshot: the stamp is the report's own
        stamp = data_stamp(session)
        report = build_agreement_report(session, None, None, None)
    return ModerationAgreement(report, current=True, stamp=stamp)


def keep_agreement(ctx: ServiceContext, worked: ModerationAgreement) -> bool:
    """Keep a report just worked out (on the write lane); nothing from a read-only file
    or without a trusted stamp."""
    if ctx.db.read_only or worked.stamp is None:
        return False
    kept = StoredBoardFigures(
        scope_key=_key(ctx),
        stamp=worked.stamp,
        figures=report_to_json(worked.report),
        made_at=ctx.now(),
    )
    with ctx.db.write() as session:
        session.merge(kept)
        # One report is kept: earlier days' go (the dashboard's keeping lets them go too,
        # but the Moderation tab may be used without the dashboard).
        session.execute(
            delete(StoredBoardFigures).where(
                StoredBoardFigures.scope_key.endswith(_WHAT),
                StoredBoardFigures.scope_key != kept.scope_key,
            )
        )
    return True


# -- JSON, never pickle: a file can come from anyone --------------------------------------------
def report_to_json(report: AgreementReport) -> str:
    return json.dumps({"format": FORMAT, "report": asdict(report)}, allow_nan=False)


def report_from_json(text: str) -> AgreementReport:
    document = json.loads(text)
    if document.get("format") != FORMAT:
        raise ValueError("kept by another version of AuditDesk")
    report = document["report"]
    return AgreementReport(
        moderations=int(report["moderations"]),
        overall_grades=_agreement(report["overall_grades"]),
        ratings=_agreement(report["ratings"]),
        sections=tuple(_line(line) for line in report["sections"]),
        questions=tuple(_line(line) for line in report["questions"]),
    )


def _agreement(value: dict[str, Any]) -> Agreement:
    return Agreement(
        pairs=int(value["pairs"]),
        exact=int(value["exact"]),
        percent=None if value["percent"] is None else float(value["percent"]),
        kappa=None if value["kappa"] is None else float(value["kappa"]),
    )


def _line(value: dict[str, Any]) -> AgreementLine:
    return AgreementLine(
        template_id=str(value["template_id"]),
        key=str(value["key"]),
        title=str(value["title"]),
        agreement=_agreement(value["agreement"]),
    )
