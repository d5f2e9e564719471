"""The figures a Board receives, as plain frozen data.

Built once by the services (:mod:`auditdesk.services.reports._figures`) and rendered by the
workbook, the PDF Board pack and the in-app dashboard, so all three always agree. Every
count is a :class:`~auditdesk.domain.suppression.Count` that has already been through
small-count suppression, so a renderer cannot publish a hidden value by mistake: it never
receives one. Rows come in the order they should be read, with their labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from auditdesk.domain.grades import GRADES_BEST_FIRST
from auditdesk.domain.intervals import Interval, wilson_interval
from auditdesk.domain.suppression import SECONDARY_MARK, Count
from auditdesk.domain.wording import date_text

GRADE_LABELS: tuple[str, ...] = tuple(grade.label for grade in GRADES_BEST_FIRST)
NO_DATA = "–"  # an en dash: nothing to show (no audits), as opposed to hidden


@dataclass(frozen=True)
class Share:
    """A percentage as published: ``value`` is 0-1, ``None`` when hidden or no data."""

    value: float | None
    text: str
    interval: Interval | None = None
    suppressed: bool = False

    @property
    def interval_text(self) -> str:
        if self.interval is None:
            return ""
        return f"{percent_text(self.interval.low)}–{percent_text(self.interval.high)}"


def percent_text(value: float) -> str:
    return f"{round(value * 100):.0f}%"


def share(part: Count, whole: Count, part_value: int, whole_value: int) -> Share:
    """``part`` of ``whole`` as a percentage with its Wilson 95% interval, hidden when
    either count is."""
    if part.is_suppressed or whole.is_suppressed:
        return Share(None, SECONDARY_MARK, None, suppressed=True)
    if whole_value == 0:
        return Share(None, NO_DATA)
    value = part_value / whole_value
    return Share(value, percent_text(value), wilson_interval(part_value, whole_value))


@dataclass(frozen=True)
class PeriodInfo:
    label: str
    start: date
    end: date

    @property
    def dates_text(self) -> str:
        return f"{date_text(self.start)} to {date_text(self.end)}"


@dataclass(frozen=True)
class ScopeLine:
    """One line of "what this export covers", for the cover and the About sheet."""

    label: str
    value: str


@dataclass(frozen=True)
class Definition:
    term: str
    meaning: str


# -- grades ------------------------------------------------------------------------------
@dataclass(frozen=True)
class GradeRow:
    """Final grades of a group of audits (or section grades of a section)."""

    key: str
    label: str
    grades: tuple[Count, ...]  # in GRADES_BEST_FIRST order
    graded: Count
    good_or_better: Count
    share: Share  # % good or better, with its interval

    def grade_shares(self) -> tuple[Share, ...]:
        """Each grade as a share of the graded audits (hidden where either count is)."""
        return tuple(shown_share(grade, self.graded) for grade in self.grades)


def shown_share(part: Count, whole: Count) -> Share:
    """A share of two published counts, without an interval (for distributions)."""
    if part.shown is None or whole.shown is None:
        return Share(None, SECONDARY_MARK, None, suppressed=True)
    if whole.shown == 0:
        return Share(None, NO_DATA)
    value = part.shown / whole.shown
    return Share(value, percent_text(value))


@dataclass(frozen=True)
class GradeTable:
    key: str
    title: str
    rows: tuple[GradeRow, ...]
    total: GradeRow | None  # the column totals, when the rows add up to them
    note: str = ""


@dataclass(frozen=True)
class Change:
    """The change in % good or better since the previous period."""

    points: float | None  # percentage points
    interval: Interval | None  # in proportion units (-1 to 1)
    text: str
    verdict: str


@dataclass(frozen=True)
class Headline:
    audits: Count  # every audit in scope, graded or not
    current: GradeRow
    previous_audits: Count
    previous: GradeRow
    change: Change
    summary: str


# -- answers ---------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionFigure:
    """How often one question met the standard (rated Good or better, or its scale's
    equivalent: Yes, Delivered, On track)."""

    template_id: str
    template_title: str
    section_title: str
    question_id: str
    prompt: str
    rated: Count
    meeting: Count
    share: Share
    themes: tuple[str, ...] = ()  # quality area labels


@dataclass(frozen=True)
class ThemeFigure:
    """A quality area across every template: golden thread, PfA, health input..."""

    key: str
    label: str
    rated: Count
    meeting: Count
    share: Share
    by_template: tuple[QuestionFigure, ...]  # one per template (question fields blank)
    questions: tuple[QuestionFigure, ...]


@dataclass(frozen=True)
class DeliveryRow:
    key: str
    label: str
    counts: tuple[Count, ...]  # in SettingVisitFigures.categories order
    total: Count
    delivered: Share


@dataclass(frozen=True)
class SettingVisitFigures:
    visits: Count
    settings: Count
    children: Count
    categories: tuple[str, ...]
    rows: tuple[DeliveryRow, ...]  # by setting type
    total: DeliveryRow


# -- moderation, comments, actions ---------------------------------------------------------
@dataclass(frozen=True)
class AgreementFigure:
    """Agreement on one thing compared. Pairs are counted per audit moderated, so small
    counts are hidden as everywhere else; when either count is hidden so are the
    percentage, kappa and its band (each would give the exact count away)."""

    template_title: str
    scope: str
    pairs: Count
    exact: Count
    percent: float | None
    kappa: float | None
    band: str
    hidden: bool = False


@dataclass(frozen=True)
class ModerationFigures:
    moderations: Count
    overall: AgreementFigure
    ratings: AgreementFigure
    sections: tuple[AgreementFigure, ...]
    questions: tuple[AgreementFigure, ...]
    note: str


@dataclass(frozen=True)
class Highlight:
    text: str
    marked: Count  # how many answers these same words were marked in
    latest: date


@dataclass(frozen=True)
class Highlights:
    working_well: tuple[Highlight, ...]
    needs_improvement: tuple[Highlight, ...]


@dataclass(frozen=True)
class ActionRow:
    key: str
    label: str
    open: int
    in_progress: int
    overdue: int
    done: int
    cancelled: int

    @property
    def total(self) -> int:
        return self.open + self.in_progress + self.done + self.cancelled


@dataclass(frozen=True)
class ActionFigures:
    rows: tuple[ActionRow, ...]  # by owner agency
    total: ActionRow
    today: date


# -- the whole ---------------------------------------------------------------------------
@dataclass(frozen=True)
class BoardFigures:
    title: str
    partnership: str
    period: PeriodInfo
    previous_period: PeriodInfo
    scope: tuple[ScopeLine, ...]
    generated_at: datetime
    generated_by: str
    suppress_below: int
    suppression_rule: str
    definitions: tuple[Definition, ...]
    headline: Headline
    trend: GradeTable  # by term, oldest first
    breakdowns: tuple[GradeTable, ...]  # agency, locality, phase, need, setting type
    sections: tuple[GradeTable, ...]  # one per template
    themes: tuple[ThemeFigure, ...]
    questions: tuple[QuestionFigure, ...]  # every rated question, template by template
    setting_visits: SettingVisitFigures
    moderation: ModerationFigures
    highlights: Highlights
    actions: ActionFigures
    working_copy: bool = False  # with row-level sheets: for the quality team, not the Board

    @property
    def distribution(self) -> GradeRow:
        return self.headline.current

    def theme(self, key: str) -> ThemeFigure:
        for figure in self.themes:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def breakdown(self, key: str) -> GradeTable:
        for table in self.breakdowns:
            if table.key == key:
                return table
        raise KeyError(key)
