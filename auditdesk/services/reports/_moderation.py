"""Moderation agreement for the Board, with small counts hidden like every other figure.

A pair is one moderated audit's first and second marking of one thing, so a count of 1 to
4 pairs is a count of 1 to 4 audits of children. The counts add up in ways a reader can
see: pairs are exact agreements plus the rest; the pooled ratings are every question's
pairs, and every section's; a section is its questions. All of that is protected together
(:func:`auditdesk.domain.suppression.protect`), and a percentage, kappa or kappa band is
hidden with its counts, since each would give them away (a kappa "not defined" means every
pair agreed).
"""

from __future__ import annotations

from collections.abc import Hashable

from sqlalchemy.orm import Session

from auditdesk.domain.agreement import Agreement
from auditdesk.domain.board_figures import AgreementFigure, ModerationFigures
from auditdesk.domain.periods import Period
from auditdesk.domain.suppression import Count, protect, published
from auditdesk.services.reports._agreement import build_agreement_report
from auditdesk.services.reports._catalogue import Catalogue

HIDDEN_BAND = "Hidden: small numbers"
PAIRS, EXACT, OTHER = "pairs", "exact", "other"
NOTE = (
    "Moderation covers every audit dated in the period that a second marker has reviewed, "
    "whatever the other filters. Counts are of marker pairs (one per audit moderated for "
    "each thing compared), so small ones are hidden like every other count."
)


def moderation_figures(
    session: Session, period: Period, catalogue: Catalogue, threshold: int
) -> ModerationFigures:
    """Agreement between first and second markers on audits dated in the period."""
    report = build_agreement_report(session, None, period.start, period.end)
    sections = sorted(report.sections, key=lambda item: catalogue.order_key(item.template_id))
    questions = sorted(report.questions, key=lambda item: catalogue.order_key(item.template_id))
    lines: dict[Hashable, Agreement] = {"overall": report.overall_grades, "ratings": report.ratings}
    lines |= {("section", i.template_id, i.key): i.agreement for i in sections}
    lines |= {("question", i.template_id, i.key): i.agreement for i in questions}

    values: dict[tuple[Hashable, str], int] = {}
    relations: list[list[tuple[Hashable, str]]] = []
    for line, agreement in lines.items():
        values |= {
            (line, EXACT): agreement.exact,
            (line, OTHER): agreement.pairs - agreement.exact,
            (line, PAIRS): agreement.pairs,
        }
        relations.append([(line, EXACT), (line, OTHER), (line, PAIRS)])
    unpaired = report.moderations - report.overall_grades.pairs
    values |= {("moderations", OTHER): max(0, unpaired), ("moderations", PAIRS): report.moderations}
    if unpaired >= 0:
        relations.append([("overall", PAIRS), ("moderations", OTHER), ("moderations", PAIRS)])
    top = {
        (template_id, question.id): section_id
        for template_id in {item.template_id for item in questions}
        for _title, question, section_id in catalogue.questions(template_id)
    }
    for name in (EXACT, OTHER, PAIRS):
        for level in ("section", "question"):
            parts = [(line, name) for line in lines if isinstance(line, tuple) and line[0] == level]
            if parts:
                relations.append([*parts, ("ratings", name)])
        for item in sections:
            members = [
                (("question", q.template_id, q.key), name)
                for q in questions
                if q.template_id == item.template_id and top.get((q.template_id, q.key)) == item.key
            ]
            if members:
                relations.append([*members, (("section", item.template_id, item.key), name)])
    shown = published(values, protect(values, relations, threshold), threshold)

    def figure(line: Hashable, template_title: str, scope: str) -> AgreementFigure:
        agreement = lines[line]
        return _figure(template_title, scope, agreement, shown[(line, PAIRS)], shown[(line, EXACT)])

    return ModerationFigures(
        moderations=shown[("moderations", PAIRS)],
        overall=figure("overall", "All templates", "Overall grade"),
        ratings=figure("ratings", "All templates", "Every rated question"),
        sections=tuple(
            figure(("section", i.template_id, i.key), catalogue.title(i.template_id), i.title)
            for i in sections
        ),
        questions=tuple(
            figure(("question", i.template_id, i.key), catalogue.title(i.template_id), i.title)
            for i in questions
        ),
        note=NOTE,
    )


def _figure(
    template_title: str, scope: str, agreement: Agreement, pairs: Count, exact: Count
) -> AgreementFigure:
    if pairs.is_suppressed or exact.is_suppressed:
        return AgreementFigure(template_title, scope, pairs, exact, None, None, HIDDEN_BAND, True)
    return AgreementFigure(
        template_title,
        scope,
        pairs,
        exact,
        agreement.percent,
        agreement.kappa,
        agreement.kappa_band,
    )
