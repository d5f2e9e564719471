"""The shared kernel every feature stands on: the workspace (a database file), who is
working, the people and places audits are about, the templates, and the records that
services hand back.

Opening and identifying (these take the database or a path, because no person is known yet):

- :func:`open_workspace`, :func:`is_empty_file`, :func:`is_read_only`;
- the profile of the person at this computer: :func:`get_profile`, :func:`save_profile`,
  :func:`use_profile` (which makes the :class:`Actor` for a :class:`ServiceContext`);
- looking after the file: :func:`check_database`, :func:`backup_to`.

Everything else takes a :class:`ServiceContext` first (the one calling convention):

- people: :func:`list_auditors`, :func:`add_auditor`;
- settings and places: :func:`add_setting`, :func:`list_settings`, :func:`localities`;
- templates: :func:`list_templates`;
- the window's background health check: :func:`damage_found`.

The records (:class:`AuditDetail`, :class:`AnswerRecord`, :class:`AuditRow`, ...) are frozen
dataclasses: callers never see a Session or an ORM object.
"""

from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._database_admin import (
    CheckLine,
    CheckReport,
    backup_to,
    check_database,
)
from auditdesk.services.kernel._people import (
    add_auditor,
    get_profile,
    list_auditors,
    save_profile,
    use_profile,
)
from auditdesk.services.kernel._quick_check import damage_found
from auditdesk.services.kernel._records import (
    ActionRecord,
    AnswerRecord,
    AuditDetail,
    AuditorRecord,
    AuditRow,
    ChildRecord,
    GradeUpdate,
    Page,
    SettingRecord,
    TeamMember,
    TemplateSummary,
    TrailEntry,
)
from auditdesk.services.kernel._subjects import add_setting, list_settings, localities
from auditdesk.services.kernel._templates import list_templates
from auditdesk.services.kernel._workspace import (
    Database,
    DatabaseLock,
    is_empty_file,
    is_read_only,
    open_workspace,
)

__all__ = [
    "ActionRecord",
    "Actor",
    "AnswerRecord",
    "AuditDetail",
    "AuditRow",
    "AuditorRecord",
    "CheckLine",
    "CheckReport",
    "ChildRecord",
    "Database",
    "DatabaseLock",
    "GradeUpdate",
    "Page",
    "ServiceContext",
    "SettingRecord",
    "TeamMember",
    "TemplateSummary",
    "TrailEntry",
    "add_auditor",
    "add_setting",
    "backup_to",
    "check_database",
    "damage_found",
    "get_profile",
    "is_empty_file",
    "is_read_only",
    "list_auditors",
    "list_settings",
    "list_templates",
    "localities",
    "open_workspace",
    "save_profile",
    "use_profile",
]
