"""The audit list's filters: one labelled control per thing a quality lead filters by.

Each is a drop-down ("Any" first) so it works the same by mouse, keyboard and screen
reader; the period list offers recent terms, financial quarters and academic years.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.periods import Period
from auditdesk.domain.reference import Agency, AuditStatus, Phase, PrimaryNeed
from auditdesk.services.audits import AuditFilter
from auditdesk.services.kernel import AuditorRecord, SettingRecord, TemplateSummary
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.period_choices import recent_periods

SEARCH_DELAY_MS = 250
MOST_COLUMNS = 4  # of labelled filters side by side, when the window is wide enough
NOT_GRADED = "not_graded"


@dataclass(frozen=True)
class FilterChoices:
    """What the drop-downs offer, read from the database when the window opens."""

    templates: list[TemplateSummary]
    auditors: list[AuditorRecord]
    localities: list[str]
    settings: list[SettingRecord]
    today: date


def setting_choices(settings: list[SettingRecord]) -> list[tuple[str, str]]:
    """(what the drop-down shows, uuid) for each setting. A name two settings share (two
    "Beechwood High School"s in different towns) is followed by the locality and URN, then
    the setting type, until each reads differently."""
    details: dict[str, list[str]] = {s.uuid: [] for s in settings}

    def label(setting: SettingRecord) -> str:
        added = details[setting.uuid]
        return f"{setting.name} ({', '.join(added)})" if added else setting.name

    for more in (_where, _what):
        shared = _shared(label(s) for s in settings)
        for setting in settings:
            if label(setting).casefold() in shared:
                details[setting.uuid].append(more(setting))
    # The same in every detail held: numbered, as the last resort.
    totals = Counter(label(s).casefold() for s in settings)
    numbered: Counter[str] = Counter()
    for setting in settings:
        key = label(setting).casefold()
        if totals[key] > 1:
            numbered[key] += 1
            details[setting.uuid].append(f"{numbered[key]} of {totals[key]}")
    return [(label(s), s.uuid) for s in settings]


def _where(setting: SettingRecord) -> str:
    return ", ".join([setting.locality, *([f"URN {setting.urn}"] if setting.urn else [])])


def _what(setting: SettingRecord) -> str:
    return setting.setting_type.label.lower()


def _shared(labels: Iterable[str]) -> set[str]:
    seen = Counter(label.casefold() for label in labels)
    return {label for label, times in seen.items() if times > 1}


class FilterBar(QWidget):
    changed = Signal(object)  # AuditFilter

    def __init__(self, choices: FilterChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self.search = named(
            QLineEdit(),
            "Search audits",
            "Finds audits by audit reference, child reference, setting or auditor name",
        )
        self.search.setPlaceholderText("Reference, child, setting or auditor")
        self.search.setClearButtonEnabled(True)
        self.status = self._combo(
            "Status filter",
            "Shows only audits with this status",
            [(s.label, s) for s in AuditStatus],
        )
        self.template = self._combo(
            "Template filter",
            "Shows only audits of this template",
            [(t.title, t.template_id) for t in choices.templates],
        )
        self.grade = self._combo(
            "Grade filter",
            "Shows only audits with this final grade",
            [(g.label, g) for g in GRADES_BEST_FIRST] + [("Not graded", NOT_GRADED)],
        )
        self.period = self._combo(
            "Period filter",
            "Shows only audits carried out in this period",
            [(p.label, p) for p in recent_periods(choices.today)],
            any_text="Any time",
        )
        self.auditor = self._combo(
            "Auditor filter",
            "Shows only audits this person worked on",
            [(f"{a.name} ({a.agency.label})", a.uuid) for a in choices.auditors],
        )
        self.agency = self._combo(
            "Agency filter",
            "Shows only audits with an auditor from this agency",
            [(a.label, a) for a in Agency],
        )
        self.locality = self._combo(
            "Locality filter",
            "Shows only audits in this locality",
            [(loc, loc) for loc in choices.localities],
        )
        self.phase = self._combo(
            "Phase filter",
            "Shows only audits of children in this phase",
            [(p.label, p) for p in Phase],
        )
        self.need = self._combo(
            "Primary need filter",
            "Shows only audits of children with this primary need",
            [(f"{n.value} – {n.label}", n) for n in PrimaryNeed],
        )
        self.setting = self._combo(
            "Setting filter",
            "Shows only audits of this school, college or setting",
            setting_choices(choices.settings),
        )
        self.clear = named(
            QPushButton("C&lear filters"), "Clear filters", "Shows every audit again"
        )
        self.clear.clicked.connect(self.reset)

        self._cells: list[tuple[QLabel, QWidget]] = []
        for text, widget in (
            ("&Search", self.search),
            ("S&tatus", self.status),
            ("Te&mplate", self.template),
            ("&Grade", self.grade),
            ("&Period", self.period),
            ("A&uditor", self.auditor),
            ("Agen&cy", self.agency),
            ("Localit&y", self.locality),
            ("Phas&e", self.phase),
            ("Primary nee&d", self.need),
            ("Sett&ing", self.setting),
        ):
            label = QLabel(text + ":")
            label.setBuddy(widget)
            self._cells.append((label, widget))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._arrange(MOST_COLUMNS)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _index: self._emit())

    # -- laid out in as many columns as fit: at 200% text the filters take more rows,
    # and Clear filters stays in the window instead of past its right-hand edge --------
    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._pair_width(), self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange(self._columns_for(event.size().width()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # wider labels: maybe fewer columns
            self._arrange(self._columns_for(self.width()))
            self.updateGeometry()

    def _pair_width(self) -> int:
        label = max(label.sizeHint().width() for label, _ in self._cells)
        control = max(widget.minimumSizeHint().width() for _, widget in self._cells)
        return label + self._spacing() + control

    def _spacing(self) -> int:
        spacing = self._grid.horizontalSpacing()
        return (
            spacing
            if spacing >= 0
            else self.style().layoutSpacing(
                QSizePolicy.ControlType.Label,
                QSizePolicy.ControlType.ComboBox,
                Qt.Orientation.Horizontal,
            )
        )

    def _columns_for(self, width: int) -> int:
        pair, spacing = self._pair_width(), self._spacing()
        return max(1, min(MOST_COLUMNS, (width + spacing) // (pair + spacing)))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        while self._grid.count():
            self._grid.takeAt(0)
        for position, (label, widget) in enumerate(self._cells):
            row, column = divmod(position, columns)
            self._grid.addWidget(label, row, column * 2)
            self._grid.addWidget(widget, row, column * 2 + 1)
        row, column = divmod(len(self._cells), columns)
        self._grid.addWidget(self.clear, row, column * 2 + 1)
        for column in range(MOST_COLUMNS * 2):
            self._grid.setColumnStretch(column, 1 if column % 2 and column < columns * 2 else 0)

    def current(self) -> AuditFilter:
        grade = self.grade.currentData()  # a Grade code, or NOT_GRADED
        period: Period | None = self.period.currentData()
        setting = self.setting.currentData()
        return AuditFilter(
            text=self.search.text().strip(),
            statuses=_one(chosen(self.status, AuditStatus)),
            template_ids=_one(self.template.currentData()),
            grades=_one(Grade(grade) if grade not in (None, NOT_GRADED) else None),
            ungraded=grade == NOT_GRADED,
            date_from=period.start if period else None,
            date_to=period.end if period else None,
            auditor_uuid=self.auditor.currentData(),
            agencies=_one(chosen(self.agency, Agency)),
            localities=_one(self.locality.currentData()),
            phases=_one(chosen(self.phase, Phase)),
            primary_needs=_one(chosen(self.need, PrimaryNeed)),
            setting_uuid=setting,
        )

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer what the database holds now (after an import, a new auditor or setting),
        keeping what the person had chosen."""
        self._choices = choices
        for combo, items in (
            (self.template, [(t.title, t.template_id) for t in choices.templates]),
            (self.auditor, [(f"{a.name} ({a.agency.label})", a.uuid) for a in choices.auditors]),
            (self.locality, [(loc, loc) for loc in choices.localities]),
            (self.setting, setting_choices(choices.settings)),
        ):
            kept = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            position = combo.findData(kept) if kept is not None else 0
            combo.setCurrentIndex(max(0, position))
            combo.blockSignals(False)
            if kept is not None and position < 0:  # what was chosen has gone: show all
                self._emit()

    def reset(self) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())

    def _combos(self) -> list[QComboBox]:
        return [
            self.status,
            self.template,
            self.grade,
            self.period,
            self.auditor,
            self.agency,
            self.locality,
            self.phase,
            self.need,
            self.setting,
        ]

    def _combo(
        self,
        name: str,
        description: str,
        items: Sequence[tuple[str, object]],
        *,
        any_text: str = "Any",
    ) -> QComboBox:
        combo = named(QComboBox(), name, description)
        combo.addItem(any_text, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo


def _one(value: object) -> tuple:  # type: ignore[type-arg]
    return (value,) if value is not None else ()
