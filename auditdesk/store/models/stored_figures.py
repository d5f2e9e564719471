"""Board figures kept for the dashboard, and the stamp that says whether they still hold.

The dashboard shows the figures kept for its filter at once when the data they were made
from has not changed since, and works them out afresh (in the background) when it has.
"Changed" is a counter that triggers (made by migration 0004; models cannot declare them)
add one to on every insert, update and delete of a table the figures are made from, in
the same transaction as the change: unlike ``PRAGMA data_version`` it sees this
connection's own writes, and unlike ``updated_at`` columns it sees deletions. The Board
exports never read these: they always work their figures out afresh.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.models.base import Base
from auditdesk.store.types import UtcDateTime


class FiguresDataStamp(Base):
    """One row (id 1): how many changes the figures' tables have had, ever."""

    __tablename__ = "figures_data_stamp"
    id: Mapped[int] = mapped_column(primary_key=True)
    changes: Mapped[int] = mapped_column(Integer, default=0)


class StoredBoardFigures(Base):
    """The Board figures last worked out for one dashboard filter on one day, with the
    stamp the data had when they were read (in the same read transaction)."""

    __tablename__ = "stored_board_figures"
    scope_key: Mapped[str] = mapped_column(Text, primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)
    figures: Mapped[str] = mapped_column(Text)  # JSON (never pickle: a file can come from anyone)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
