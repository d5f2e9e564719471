"""Answer-level Board figures: how often each question and quality area meets the standard,
provision delivery on setting visits, and the comments marked for the Board.

SQL counts answers grouped by template version, question and rating; Python then reads each
group's meaning from that version's template (themes, points), so figures stay right when a
template changes and question ids stay stable across versions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, desc, distinct, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.board_figures import (
    DeliveryRow,
    Highlight,
    Highlights,
    QuestionFigure,
    SettingVisitFigures,
    ThemeFigure,
)
from auditdesk.domain.reference import SettingType, TemplateKind
from auditdesk.domain.suppression import count
from auditdesk.domain.template_model import Theme
from auditdesk.services.reports._answer_scope import answer_groups
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._redaction import OnDemandRedactor, Redactor
from auditdesk.services.reports._tables import Group, RawRow, SafeRow, protect_groups, protect_table
from auditdesk.store.models import Answer, Audit, AuditBlock

DELIVERY_SCALE = "delivery"
DELIVERED = 0  # the first option of the delivery scale
HIGHLIGHTS_SHOWN = 12
HIGHLIGHT_KINDS = ("working_well", "needs_improvement")  # every mark the database allows


@dataclass(frozen=True)
class QualityFigures:
    themes: tuple[ThemeFigure, ...]
    questions: tuple[QuestionFigure, ...]


@dataclass(frozen=True)
class _QuestionFacts:
    """Where a question's row comes from: its template, section, id and quality areas."""

    template_id: str
    template_title: str
    section_title: str
    question_id: str
    themes: tuple[Theme, ...]


def quality_figures(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    threshold: int,
) -> QualityFigures:
    """Questions and quality areas: answers rated, and how many met the standard."""
    groups = answer_groups(
        session,
        (Audit.template_version_id, Answer.question_id, Answer.rating),
        [*conditions, Answer.rating.is_not(None)],
    )
    rows, facts = _question_rows(_meeting_the_standard(groups, catalogue), catalogue)
    theme_groups, theme_members = _theme_groups(rows, facts, catalogue)
    safe = protect_groups(rows, threshold, good_columns={0}, groups=theme_groups, width=2)
    questions = tuple(_question_figure(safe[row.key], facts[row.key]) for row in rows)
    themes = tuple(
        _theme_figure(theme, members, safe, questions) for theme, members in theme_members.items()
    )
    return QualityFigures(themes, questions)


def _meeting_the_standard(
    groups: Sequence[Row[*tuple[Any, ...]]], catalogue: Catalogue
) -> dict[tuple[str, str], list[int]]:
    """(meeting, not meeting) by (template id, question id), from the answers counted by
    template version, question and rating (N/A and recorded-only ratings left out)."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for version_id, question_id, rating, number in groups:
        meaning = catalogue.option(version_id, question_id, rating)
        if meaning.points is None:
            continue  # N/A or recorded only
        template_id = catalogue.versions[version_id].template_id
        tally[(template_id, question_id)][0 if meaning.meets_standard else 1] += number
    return tally


def _question_rows(
    tally: dict[tuple[str, str], list[int]], catalogue: Catalogue
) -> tuple[list[RawRow], dict[str, _QuestionFacts]]:
    """One row per question rated, template by template in the template's order."""
    rows: list[RawRow] = []
    facts: dict[str, _QuestionFacts] = {}
    for template_id in sorted({t for t, _q in tally}, key=catalogue.order_key):
        for section_title, question, _top in catalogue.questions(template_id):
            counted = tally.get((template_id, question.id))
            if counted is None:
                continue
            key = f"{template_id}/{question.id}"
            rows.append(RawRow(key, question.prompt, (counted[0], counted[1])))
            facts[key] = _QuestionFacts(
                template_id,
                catalogue.title(template_id),
                section_title,
                question.id,
                tuple(question.themes),
            )
    return rows, facts


def _theme_groups(
    rows: list[RawRow], facts: dict[str, _QuestionFacts], catalogue: Catalogue
) -> tuple[list[Group], dict[Theme, list[str]]]:
    """The groups each quality area adds up (its questions per template, then those
    parts), protected with the questions; and each area's parts, by key."""
    theme_groups: list[Group] = []
    theme_members: dict[Theme, list[str]] = {}
    for theme in Theme:
        by_template: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            if theme in facts[row.key].themes:
                by_template[facts[row.key].template_id].append(row.key)
        members = []
        for template_id, keys in by_template.items():
            group_key = f"theme:{theme.value}/{template_id}"
            theme_groups.append(Group(group_key, catalogue.title(template_id), tuple(keys)))
            members.append(group_key)
        if members:
            theme_groups.append(Group(f"theme:{theme.value}", theme.label, tuple(members)))
            theme_members[theme] = members
    return theme_groups, theme_members


def _question_figure(row: SafeRow, facts: _QuestionFacts) -> QuestionFigure:
    return QuestionFigure(
        facts.template_id,
        facts.template_title,
        facts.section_title,
        facts.question_id,
        row.label,
        row.total,
        row.good,
        row.share,
        tuple(theme.label for theme in facts.themes),
    )


def _theme_figure(
    theme: Theme,
    members: list[str],
    safe: Mapping[str, SafeRow],
    questions: tuple[QuestionFigure, ...],
) -> ThemeFigure:
    whole = safe[f"theme:{theme.value}"]
    parts = tuple(
        QuestionFigure(
            group_key.rsplit("/", 1)[1],
            safe[group_key].label,
            "",
            "",
            "",
            safe[group_key].total,
            safe[group_key].good,
            safe[group_key].share,
        )
        for group_key in members
    )
    in_theme = tuple(q for q in questions if theme.label in q.themes)
    return ThemeFigure(
        theme.value, theme.label, whole.total, whole.good, whole.share, parts, in_theme
    )


def setting_visit_figures(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    threshold: int,
) -> SettingVisitFigures:
    """Visits, settings and children sampled, and provision delivery by setting type."""
    visit_versions = [
        info.id for info in catalogue.versions.values() if info.kind is TemplateKind.SETTING_VISIT
    ]
    in_visits = [*conditions, Audit.template_version_id.in_(visit_versions)]
    visits, settings = session.execute(
        select(func.count(Audit.id), func.count(distinct(Audit.setting_id))).where(*in_visits)
    ).one()
    children = session.scalar(
        select(func.count(AuditBlock.id))
        .join(Audit, Audit.id == AuditBlock.audit_id)
        .where(*in_visits, AuditBlock.child_id.is_not(None))
    )
    categories = _delivery_categories(catalogue)
    groups = answer_groups(
        session,
        (Audit.setting_type, Audit.template_version_id, Answer.question_id, Answer.rating),
        [*in_visits, Answer.rating.is_not(None)],
    )
    codes = [code for code, _label in categories]
    tally: dict[str, list[int]] = defaultdict(lambda: [0] * len(codes))
    for setting_type, version_id, question_id, rating, number in groups:
        index = catalogue.versions[version_id].index
        question = index.questions.get(question_id)
        if question is None or question.scale != DELIVERY_SCALE or rating not in codes:
            continue
        tally[setting_type or ""][codes.index(rating)] += number
    order = [kind.value for kind in SettingType]
    keys = sorted(tally, key=lambda k: (order.index(k) if k in order else len(order), k))
    rows = [RawRow(key, _setting_type_label(key), tuple(tally[key])) for key in keys]
    safe_rows, total = protect_table(
        rows, threshold, good_columns={DELIVERED}, width=len(codes), total_label="All settings"
    )
    return SettingVisitFigures(
        visits=count(visits, threshold),
        settings=count(settings, threshold),
        children=count(children or 0, threshold),
        categories=tuple(label for _code, label in categories),
        rows=tuple(_delivery_row(row) for row in safe_rows),
        total=_delivery_row(total),
    )


def highlights(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    redactor: Redactor | OnDemandRedactor,
    threshold: int,
) -> Highlights:
    """Comments a quality lead marked for the Board; the same words marked in several
    audits appear once, the most often marked first (one pass over the answers)."""
    rows = session.execute(
        select(Answer.board_highlight, Answer.comment, func.count(), func.max(Audit.audit_date))
        .join(Audit, Audit.id == Answer.audit_id)
        # The marks by name (all the database allows), not "IS NOT NULL": SQLite then
        # starts from the few marked answers (ix_answers_board_highlight, 50 ms at 50,000
        # audits) instead of reading every answer of the audits in scope (a second).
        .where(*conditions, Answer.board_highlight.in_(HIGHLIGHT_KINDS), Answer.comment != "")
        .group_by(Answer.board_highlight, Answer.comment)
        .order_by(desc(func.count()), desc(func.max(Audit.audit_date)), Answer.comment)
    ).all()
    marked: dict[str, list[Highlight]] = {kind: [] for kind in HIGHLIGHT_KINDS}
    for kind, text, number, latest in rows:
        chosen = marked.get(kind or "")
        if chosen is not None and len(chosen) < HIGHLIGHTS_SHOWN:
            chosen.append(Highlight(redactor.clean(text.strip()), count(number, threshold), latest))
    return Highlights(tuple(marked["working_well"]), tuple(marked["needs_improvement"]))


def _delivery_categories(catalogue: Catalogue) -> list[tuple[str, str]]:
    for info in sorted(catalogue.latest.values(), key=lambda v: v.template_id):
        if info.kind is not TemplateKind.SETTING_VISIT:
            continue
        for scale in info.index.template.scales:
            if scale.id == DELIVERY_SCALE:
                return [(option.code, option.label) for option in scale.options]
    return [
        ("delivered", "Delivered"),
        ("partly", "Partly delivered"),
        ("not_delivered", "Not delivered"),
        ("no_evidence", "No evidence"),
    ]


def _setting_type_label(code: str) -> str:
    if not code:
        return "Not recorded"
    try:
        return SettingType(code).label
    except ValueError:
        return code


def _delivery_row(row: SafeRow) -> DeliveryRow:
    return DeliveryRow(row.key, row.label, row.counts, row.total, row.share)
