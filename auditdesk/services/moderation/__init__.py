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

from typing import TYPE_CHECKING

from auditdesk.services._faces import load_when_used

if TYPE_CHECKING:
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

#: Each name this face loads when it is first used (auditdesk/services/_faces.py).
_LOADED_WHEN_USED = {
    "assign_second_marker": "_assigning",
    "assign_second_marker_to": "_assigning",
    "second_marker_choices": "_assigning",
    "list_moderations": "_listing",
    "agree": "_reconciliation",
    "reconciliation": "_reconciliation",
    "OVERALL": "_results",
    "AnswerKey": "_results",
    "BlindAudit": "_results",
    "MarkerChoice": "_results",
    "ModerationRow": "_results",
    "Reconciliation": "_results",
    "ReconciliationLine": "_results",
    "SampleResult": "_results",
    "ScopeGrades": "_results",
    "draw_sample": "_sampling",
    "blind_view": "_second_marking",
    "record_second_rating": "_second_marking",
    "submit_second_marking": "_second_marking",
}

if not TYPE_CHECKING:  # type checkers see the imports above instead, so a typo still fails
    __getattr__ = load_when_used(__name__, _LOADED_WHEN_USED)


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
