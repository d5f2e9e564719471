"""Moderation: a quality lead draws a sample of completed audits, second markers rate them
blind, then both sides are reconciled and the agreed grades recorded.

The window and the command line use only what this package exports:

- drawing a sample: :func:`draw_sample` (stratified by template and final grade; the rule
  is :func:`auditdesk.domain.sampling.draw_stratified`), giving a :class:`SampleResult`;
- the moderation list: :func:`list_moderations` (:class:`ModerationRow` for each drawn audit);
- choosing second markers: :func:`second_marker_choices` (:class:`MarkerChoice`, with what
  each person worked on), then :func:`assign_second_marker_to` (all or none) or
  :func:`assign_second_marker` (one audit);
- second marking, blind: :func:`blind_view` (:class:`BlindAudit`, never the first marker's
  ratings), :func:`record_second_rating`, :func:`submit_second_marking`;
- reconciling: :func:`reconciliation` (:class:`Reconciliation`, with a
  :class:`ReconciliationLine` per question and :class:`ScopeGrades` per section and
  ``OVERALL``), then :func:`agree`, which makes the audit moderated.

Every function takes the :class:`~auditdesk.services.kernel.ServiceContext` first.
"""

from auditdesk.services.moderation._assigning import (
    assign_second_marker,
    assign_second_marker_to,
    second_marker_choices,
)
from auditdesk.services.moderation._listing import list_moderations
from auditdesk.services.moderation._reconciliation import agree, reconciliation
from auditdesk.services.moderation._results import (
    OVERALL,
    AnswerKey,
    BlindAudit,
    MarkerChoice,
    ModerationRow,
    Reconciliation,
    ReconciliationLine,
    SampleResult,
    ScopeGrades,
)
from auditdesk.services.moderation._sampling import draw_sample
from auditdesk.services.moderation._second_marking import (
    blind_view,
    record_second_rating,
    submit_second_marking,
)

__all__ = [
    "OVERALL",
    "AnswerKey",
    "BlindAudit",
    "MarkerChoice",
    "ModerationRow",
    "Reconciliation",
    "ReconciliationLine",
    "SampleResult",
    "ScopeGrades",
    "agree",
    "assign_second_marker",
    "assign_second_marker_to",
    "blind_view",
    "draw_sample",
    "list_moderations",
    "reconciliation",
    "record_second_rating",
    "second_marker_choices",
    "submit_second_marking",
]
