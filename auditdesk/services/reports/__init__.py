"""Reports: what the 0-25 SEND Partnership Board is shown, the quality lead's agreement
report, and the files that carry them out (the Board workbook and pack, one audit's report).

Every function takes a :class:`~auditdesk.services.kernel.ServiceContext` first.

- choosing what a report covers: :class:`ReportScope` (a period, an audit filter, the
  small-count threshold), :func:`period_between`, :data:`DEFAULT_STATUSES`;
- the figures on screen (the dashboard): :func:`board_figures`, and the dashboard's own,
  kept in the database while nothing changes: :func:`kept_dashboard_figures`,
  :func:`work_out_dashboard_figures`, :func:`keep_dashboard_figures`;
- agreement between first and second markers: :func:`agreement_report`;
- files: :func:`export_board` (workbook and/or pack, written whole), :func:`export_audit_report`
  (one audit's PDF), each returning an :class:`ExportResult`.

The writers (openpyxl, reportlab) are imported only when an export runs, so importing this
face costs the window nothing at start-up.
"""

from auditdesk.services.reports._agreement import AgreementLine, AgreementReport, agreement_report
from auditdesk.services.reports._exports import ExportResult, export_audit_report, export_board
from auditdesk.services.reports._figures import board_figures
from auditdesk.services.reports._kept_figures import (
    DashboardFigures,
    keep_dashboard_figures,
    kept_dashboard_figures,
    work_out_dashboard_figures,
)
from auditdesk.services.reports._scope import DEFAULT_STATUSES, ReportScope, period_between

__all__ = [
    "DEFAULT_STATUSES",
    "AgreementLine",
    "AgreementReport",
    "DashboardFigures",
    "ExportResult",
    "ReportScope",
    "agreement_report",
    "board_figures",
    "export_audit_report",
    "export_board",
    "keep_dashboard_figures",
    "kept_dashboard_figures",
    "period_between",
    "work_out_dashboard_figures",
]
