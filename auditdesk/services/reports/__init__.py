"""Reports: what the 0-25 SEND Partnership Board is shown, the quality lead's agreement
report, and the files that carry them out (the Board workbook and pack, one audit's report).

Every function takes a :class:`~auditdesk.services.kernel.ServiceContext` first.

- choosing what a report covers: :class:`ReportScope` (a period, an audit filter, the
  small-count threshold), :func:`period_between`, :data:`DEFAULT_STATUSES`;
- the figures on screen (the dashboard): :func:`board_figures`, and the dashboard's own,
  kept in the database while nothing changes: :func:`kept_dashboard_figures`,
  :func:`work_out_dashboard_figures`, :func:`keep_dashboard_figures`;
- agreement between first and second markers: :func:`agreement_report`, and the one across
  every moderated audit kept for the Moderation tab like the dashboard's figures:
  :func:`kept_agreement`, :func:`work_out_agreement`, :func:`keep_agreement`;
- files: :func:`export_board` (workbook and/or pack, written whole), :func:`export_audit_report`
  (one audit's PDF), each returning an :class:`ExportResult`.

The writers (openpyxl, reportlab) are imported only when an export runs, so importing this
face costs the window nothing at start-up.
"""

from typing import TYPE_CHECKING

from auditdesk.services._faces import load_when_used

# Each module is loaded when a name from it is first used (auditdesk/services/_faces.py):
# the Moderation tab needs the agreement report alone, not every Board figure and export.
if TYPE_CHECKING:
    from auditdesk.services.reports._agreement import (
        AgreementLine,
        AgreementReport,
        agreement_report,
    )
    from auditdesk.services.reports._exports import ExportResult, export_audit_report, export_board
    from auditdesk.services.reports._figures import board_figures
    from auditdesk.services.reports._kept_agreement import (
        ModerationAgreement,
        keep_agreement,
        kept_agreement,
        work_out_agreement,
    )
    from auditdesk.services.reports._kept_figures import (
        DashboardFigures,
        keep_dashboard_figures,
        kept_dashboard_figures,
        work_out_dashboard_figures,
    )
    from auditdesk.services.reports._scope import DEFAULT_STATUSES, ReportScope, period_between

#: Each name this face offers, and its module.
_LOADED_WHEN_USED = {
    "AgreementLine": "_agreement",
    "AgreementReport": "_agreement",
    "agreement_report": "_agreement",
    "ExportResult": "_exports",
    "export_audit_report": "_exports",
    "export_board": "_exports",
    "board_figures": "_figures",
    "ModerationAgreement": "_kept_agreement",
    "keep_agreement": "_kept_agreement",
    "kept_agreement": "_kept_agreement",
    "work_out_agreement": "_kept_agreement",
    "DashboardFigures": "_kept_figures",
    "keep_dashboard_figures": "_kept_figures",
    "kept_dashboard_figures": "_kept_figures",
    "work_out_dashboard_figures": "_kept_figures",
    "DEFAULT_STATUSES": "_scope",
    "ReportScope": "_scope",
    "period_between": "_scope",
}

if not TYPE_CHECKING:  # type checkers see the imports above instead, so a typo still fails
    __getattr__ = load_when_used(__name__, _LOADED_WHEN_USED)


__all__ = [
    "DEFAULT_STATUSES",
    "AgreementLine",
    "AgreementReport",
    "DashboardFigures",
    "ExportResult",
    "ModerationAgreement",
    "ReportScope",
    "agreement_report",
    "board_figures",
    "export_audit_report",
    "export_board",
    "keep_agreement",
    "keep_dashboard_figures",
    "kept_agreement",
    "kept_dashboard_figures",
    "period_between",
    "work_out_agreement",
    "work_out_dashboard_figures",
]
