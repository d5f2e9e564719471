"""The data's stamp: the change counter migration 0004's triggers move on every change to
the tables the Board figures and the agreement report are read from
(:mod:`auditdesk.store.models.stored_figures`). What is kept with a stamp is current while
the counter still says the same."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from auditdesk.store.models import FiguresDataStamp

#: Made by migration 0004: an insert, update and delete trigger on each of 11 tables, and
#: one for a change of name on two more.
STAMP_TRIGGERS = 35


def data_stamp(session: Session) -> int | None:
    """The change counter, or ``None`` when it cannot be trusted (counter or trigger gone)."""
    triggers = session.scalar(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB :names"),
        {"names": "figures_stamp_*"},
    )
    if triggers != STAMP_TRIGGERS:
        return None
    return session.scalar(select(FiguresDataStamp.changes).where(FiguresDataStamp.id == 1))
