"""The Definitions table of the About sheet and the Board pack: what each term means."""

from __future__ import annotations

from datetime import date

from auditdesk.domain.board_figures import Definition
from auditdesk.domain.wording import date_text
from auditdesk.services.reports._scope import ReportScope

#: Terms whose meaning is the same in every export, in the order they are listed.
GRADES_AND_ANSWERS = (
    (
        "Final grade",
        "The grade agreed at moderation if there was one, otherwise the "
        "auditor's override (which always has a recorded reason), otherwise the grade "
        "AuditDesk suggested from the answers.",
    ),
    (
        "Good or better",
        "A final grade of Outstanding or Good on Ofsted's four-point "
        "scale. Percentages are of audits with a final grade.",
    ),
    (
        "95% interval",
        "The Wilson score interval: where the true percentage probably "
        "lies, given how few or many audits there are. A wide interval means few audits.",
    ),
    (
        "Change since the previous period",
        "The difference in percentage points, with "
        "Newcombe's 95% interval. It is called a clear change only when that interval "
        "does not include zero.",
    ),
    (
        "Previous period",
        "The previous term, quarter or year when the period is one; "
        "otherwise the same number of days immediately before.",
    ),
    (
        "Term",
        "Autumn is September to December, Spring January to March, Summer April to August.",
    ),
    (
        "Section grade",
        "The grade AuditDesk suggests for each top-level section of a "
        "template from its answers, before any moderation.",
    ),
    (
        "Meets the standard",
        "An answer worth 3 or more points: Good or Outstanding, Yes, "
        "Delivered, On track or Exceeding. N/A answers and answers that are recorded but "
        "not graded (such as the child's own view) are not counted.",
    ),
    (
        "Quality area",
        "The quality ideas templates tag their questions with (golden "
        "thread, preparing for adulthood, health input and others). An answer counts in "
        "every area its question is tagged with.",
    ),
    (
        "Provision checks",
        "On setting visits, each Section F provision line (and the "
        "preparing-for-adulthood provision) checked against the evidence for a sampled "
        "child: delivered, partly delivered, not delivered or no evidence.",
    ),
)
AGREEMENT_AND_COMMENTS = (
    (
        "Moderation agreement",
        "Exact agreement is the share of first and second marker "
        "pairs that match. Weighted kappa (linear weights) allows for agreement by chance "
        "and gives partial credit one grade apart; its bands follow Landis and Koch.",
    ),
    (
        "Comments",
        "Comments are exported as written, except that child references held "
        "in AuditDesk are removed. Names typed into comments cannot be recognised, so "
        "read them before sharing further.",
    ),
)
ROWS_IN_WORKING_COPY = (
    "This working copy lists every audit, answer and action one by one (the "
    "Audits, Answers and Actions sheets and the pack's appendix). Counting those "
    "rows gives back the small numbers hidden in the figure tables, so it is for "
    "the quality team only, never for the Board."
)
ROWS_IN_BOARD_COPY = (
    "A Board copy lists no audit, answer or action one by one: counting rows "
    "would give back the small numbers hidden in the figure tables. The quality "
    "team's working copy has them."
)


def definitions(scope: ReportScope, today: date) -> tuple[Definition, ...]:
    statuses = ", ".join(status.label.lower() for status in scope.statuses)
    counted = (
        "Audits counted",
        f"Audits dated in the period whose status is {statuses}, "
        "narrowed by the filters listed. Drafts are unfinished and never counted.",
    )
    overdue = ("Overdue action", f"An open or in-progress action due before {date_text(today)}.")
    rows = ROWS_IN_WORKING_COPY if scope.working_copy else ROWS_IN_BOARD_COPY
    return tuple(
        Definition(term, meaning)
        for term, meaning in (
            counted,
            *GRADES_AND_ANSWERS,
            overdue,
            *AGREEMENT_AND_COMMENTS,
            ("Rows and privacy", rows),
        )
    )
