"""The fields forms are made of: drop-downs that start on "Choose…" (nothing is chosen
for the person), dates, a box for a reason, and the check of a child's reference."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit

from auditdesk.domain import validation
from auditdesk.domain.limits import EARLIEST_DAY, LATEST_DAY
from auditdesk.domain.reference import (
    EARLIEST_YEAR_GROUP,
    LATEST_YEAR_GROUP,
    PrimaryNeed,
    year_group_label,
)
from auditdesk.errors import UserError
from auditdesk.ui.accessibility import named
from auditdesk.ui.date_field import DateField, qdate
from auditdesk.ui.wording import dates_shown_in_full

CHOOSE = "Choose…"


def reason_box(name: str, description: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name, description)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


def reference_problem(text: str) -> str | None:
    """What is wrong with a child's reference, by the same rule the services apply."""
    try:
        validation.child_reference(text)
    except UserError as error:
        return str(error)
    return None


def choice_combo(name: str, description: str, items: list[tuple[str, object]]) -> QComboBox:
    """A drop-down that starts on "Choose…" (holding ``None``), so nothing is pre-chosen."""
    combo = named(QComboBox(), name, description)
    combo.addItem(CHOOSE, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def year_group_combo() -> QComboBox:
    return choice_combo(
        "Year group",
        "The child's year group now",
        [
            (year_group_label(year), year)
            for year in range(EARLIEST_YEAR_GROUP, LATEST_YEAR_GROUP + 1)
        ],
    )


def need_combo() -> QComboBox:
    return choice_combo(
        "Primary need",
        "The child's primary need (SEN2 code)",
        [(f"{need.value} – {need.label}", need) for need in PrimaryNeed],
    )


def date_edit(name: str, description: str, value: date) -> QDateEdit:
    edit = dates_shown_in_full(named(QDateEdit(), name, description))
    edit.setCalendarPopup(True)
    # Qt's own range (1752 to 9999) holds days no period or record can be made from.
    edit.setDateRange(qdate(EARLIEST_DAY), qdate(LATEST_DAY))
    edit.setDate(qdate(value))
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def given_day(field: DateField) -> date:
    day = field.day
    if day is None:
        raise ValueError(f"{field.accessibleName()} has no day given")
    return day
