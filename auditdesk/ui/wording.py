"""Dates and counts in the window, the same way as in every export and message: "7 December
2026", "7 December 2026 at 12:47", "1 audit", "1,901 audits", "2 children".

The rules live in :mod:`auditdesk.domain.wording` so files and messages written below the
window read the same; windows take them from here."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit

from auditdesk.domain.wording import count, date_text, date_time_text, plural

__all__ = ["count", "date_text", "date_time_text", "dates_shown_in_full", "plural"]


def dates_shown_in_full(box: QDateEdit) -> QDateEdit:
    """``box`` showing its date the one way, "7 December 2026" (English month names, as
    everywhere else, whatever language the computer is set to); returns it."""
    box.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    box.setDisplayFormat("d MMMM yyyy")
    return box
