"""A day the person gives: typed ("21 January 2027", "21 Jan 2027", "21/1/2027") or picked
from a calendar, and empty until they do; shown the one way dates are shown everywhere.

Qt's date box always shows some day, so a form using one has answered before the person
has (a due date nobody chose would read later as agreed); and by keyboard it can only
step a day within its month. This field starts empty, takes a day typed in the ways
people write them, and opens a calendar (arrow keys move by day and week, Enter picks).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.limits import DAY_RANGE, EARLIEST_DAY, LATEST_DAY
from auditdesk.domain.wording import MONTHS, date_text
from auditdesk.ui.accessibility import named

# The ways a day is written in figures in an English council office, most usual first.
READ = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d")
EXAMPLE = "21 January 2027"
# Month names read here rather than by strptime's %B and %b, which follow the computer's
# language once Qt has set it: the words are English everywhere else too.
_WRITTEN = re.compile(r"^(\d{1,2}) ([A-Za-z]+)\.? (\d{2}|\d{4})$")


class DateField(QWidget):
    changed = Signal()

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, name, description)
        self.text = named(QLineEdit(), name, f"{description}; type it (e.g. {EXAMPLE})")
        self.text.setPlaceholderText(f"e.g. {EXAMPLE}")
        self.text.textChanged.connect(lambda _text: self.changed.emit())
        # No Alt key: the field's own label has one, and this goes with the field.
        self.pick = named(
            QPushButton("Calendar…"), f"Pick the {name.lower()}", "Opens a calendar to pick it"
        )
        self.pick.clicked.connect(self._open_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.pick)
        # The label's Alt key and a problem put typing in the box (a label only gives the
        # keyboard to a buddy that takes it, so the field takes it as its box does).
        self.setFocusProxy(self.text)
        self.setFocusPolicy(self.text.focusPolicy())
        self._calendar: _CalendarPopup | None = None

    @property
    def day(self) -> date | None:
        """The day given, or ``None`` while the field is empty or not yet a date."""
        typed = " ".join(self.text.text().replace(",", " ").split())
        written = _written_day(typed)
        if written is not None:
            return written
        for pattern in READ:
            try:
                return datetime.strptime(typed, pattern).date()
            except ValueError:
                continue
        return None

    @property
    def empty(self) -> bool:
        return not self.text.text().strip()

    def problem(self, what: str) -> str | None:
        """What is wrong with what was typed (``what``: "the due date"), if anything."""
        if self.empty:
            return f"Choose {what}."
        day = self.day
        if day is None:
            return f"Type {what} as {EXAMPLE}, or pick it from the calendar."
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            return f"Give {what} from {DAY_RANGE} ({date_text(day)} is outside it)."
        return None

    def set_day(self, day: date) -> None:
        self.text.setText(date_text(day))

    def _open_calendar(self) -> None:
        popup = _CalendarPopup(self.day or date.today(), self)
        popup.picked.connect(self._picked)
        self._calendar = popup
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: date) -> None:
        self.set_day(day)
        self.window().activateWindow()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)


class _CalendarPopup(QWidget):
    """A month to pick a day from: arrows move, Enter picks, Escape closes."""

    picked = Signal(object)  # date

    def __init__(self, day: date, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = named(
            QCalendarWidget(), "Calendar", "Arrow keys move by day and week; Enter picks the day"
        )
        self.calendar.setDateRange(qdate(EARLIEST_DAY), qdate(LATEST_DAY))
        self.calendar.setSelectedDate(qdate(day))
        self.calendar.activated.connect(self._activated)
        self.calendar.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _activated(self, value: QDate) -> None:
        self.close()  # first: closing a popup gives the keyboard back to its window
        self.picked.emit(date(value.year(), value.month(), value.day()))


def qdate(day: date) -> QDate:
    """``day`` as Qt's date, for its date boxes and calendars."""
    return QDate(day.year, day.month, day.day)


def _written_day(typed: str) -> date | None:
    """ "21 January 2027", "21 Jan 2027" or "21 jan 27", or ``None``."""
    found = _WRITTEN.match(typed)
    if found is None:
        return None
    day, month_word, year = found.groups()
    months = [m for m in MONTHS if m.lower().startswith(month_word.lower())]
    if len(month_word) < 3 or len(months) != 1:
        return None
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, MONTHS.index(months[0]) + 1, int(day))
    except ValueError:
        return None
