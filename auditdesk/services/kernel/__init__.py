"""The shared kernel every feature stands on: the workspace (a database file), who is
working, the people and places audits are about, the templates, and the records that
services hand back.

Opening and identifying (these take the database or a path, because no person is known yet):

- :func:`open_workspace`, :func:`is_empty_file`, :func:`is_read_only`;
- :func:`first_look`: what the window shows first, read before the database layer is
  loaded, when the file needs no one-off work and the person is already known in it;
- the profile of the person at this computer: :func:`get_profile`, :func:`save_profile`,
  :func:`use_profile` (which makes the :class:`Actor` for a :class:`ServiceContext`);
- looking after the file: :func:`check_database`, :func:`backup_to`.

Everything else takes a :class:`ServiceContext` first (the one calling convention):

- people: :func:`list_auditors`, :func:`add_auditor`;
- settings and places: :func:`add_setting`, :func:`list_settings`, :func:`localities`;
- templates: :func:`list_templates`, and a council's own: :func:`install_template_files` (all
  or nothing), :func:`template_preview` (its outline), :func:`stored_template` (to write
  one back out);
- the window's background health check: :func:`damage_found`.

The records (:class:`AuditDetail`, :class:`AnswerRecord`, :class:`AuditRow`, ...) are frozen
dataclasses: callers never see a Session or an ORM object.
"""

from typing import TYPE_CHECKING

from auditdesk.services._faces import load_when_used

# Loaded with the face: what the window holds before its first page is painted (who is
# working, the records the services hand back, what a file looks like from outside). The
# rest needs the database layer (SQLAlchemy and the mapped models, about a quarter of a
# second), which start-up loads only once the first page is on the screen.
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._files import DatabaseLock, is_empty_file, is_read_only
from auditdesk.services.kernel._first_look import FirstLook, first_look
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

if TYPE_CHECKING:
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
    from auditdesk.services.kernel._subjects import add_setting, list_settings, localities
    from auditdesk.services.kernel._template_files import (
        InstalledTemplate,
        StoredTemplate,
        install_template_files,
        install_templates,
        stored_template,
        template_preview,
    )
    from auditdesk.services.kernel._templates import list_templates
    from auditdesk.services.kernel._workspace import Database, open_workspace

#: Each name not loaded with the face, and its module.
_LOADED_WHEN_USED = {
    "CheckLine": "_database_admin",
    "CheckReport": "_database_admin",
    "backup_to": "_database_admin",
    "check_database": "_database_admin",
    "add_auditor": "_people",
    "get_profile": "_people",
    "list_auditors": "_people",
    "save_profile": "_people",
    "use_profile": "_people",
    "damage_found": "_quick_check",
    "add_setting": "_subjects",
    "list_settings": "_subjects",
    "localities": "_subjects",
    "InstalledTemplate": "_template_files",
    "StoredTemplate": "_template_files",
    "install_template_files": "_template_files",
    "install_templates": "_template_files",
    "template_preview": "_template_files",
    "stored_template": "_template_files",
    "list_templates": "_templates",
    "Database": "_workspace",
    "open_workspace": "_workspace",
}

if not TYPE_CHECKING:  # type checkers see the imports above instead, so a typo still fails
    __getattr__ = load_when_used(__name__, _LOADED_WHEN_USED)

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
    "FirstLook",
    "GradeUpdate",
    "InstalledTemplate",
    "Page",
    "ServiceContext",
    "SettingRecord",
    "StoredTemplate",
    "TeamMember",
    "TemplateSummary",
    "TrailEntry",
    "add_auditor",
    "add_setting",
    "backup_to",
    "check_database",
    "damage_found",
    "first_look",
    "get_profile",
    "install_template_files",
    "install_templates",
    "is_empty_file",
    "is_read_only",
    "list_auditors",
    "list_settings",
    "list_templates",
    "localities",
    "open_workspace",
    "save_profile",
    "stored_template",
    "template_preview",
    "use_profile",
]
