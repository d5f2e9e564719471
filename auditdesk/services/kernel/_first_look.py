"""The window's first look at a database: its first page of audits, read with Python's own
``sqlite3`` before SQLAlchemy and the mapped models are loaded.

Loading those costs about a quarter of a second, more than a bare Qt window takes to
appear, and nothing on the first page needs them. So when a database needs no one-off
work (it is AuditDesk's, at the shipped schema, holds the shipped templates, has every
section grade stored, can be written) and already knows the person at this laptop exactly
as their profile names them, the window shows this page at once and opens the database
properly right after it is painted (``auditdesk/ui/session.py``). In every other case
:func:`first_look` says ``None`` and the window opens the database first, as before: the
first look never decides anything the full opening would decide differently, and never
writes.

The page is the audit list's first page in its first order (newest audit first). Its
query is written out here once more, in SQL, and ``tests/services/test_first_look.py``
checks it reads exactly what :func:`auditdesk.services.audits.list_audits` reads.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from auditdesk.domain import limits, validation
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import InvalidInput
from auditdesk.services.kernel._context import Actor
from auditdesk.services.kernel._records import AuditRow, Page
from auditdesk.store import state_keys
from auditdesk.store.problems import location_is_read_only
from auditdesk.store.shipped import shipped_head, shipped_templates_fingerprint
from auditdesk.store.sqlite_files import APPLICATION_ID, probe, read_application_id

log = logging.getLogger(__name__)

#: The audit list's first page: every audit, newest first, ties broken by the newest row
#: (``_page_query`` in ``auditdesk/services/audits/_listing.py``, sorted by date).
_FIRST_PAGE = """
SELECT a.uuid, a.reference, c.reference, s.name, a.template_id, t.title, a.plan_stage,
       lead.name, a.lead_agency, a.audit_date, a.status, a.final_grade, a.locality,
       a.phase, a.primary_need
FROM audits AS a
JOIN template_versions AS t ON t.id = a.template_version_id
JOIN auditors AS lead ON lead.id = a.lead_auditor_id
LEFT JOIN children AS c ON c.id = a.child_id
LEFT JOIN settings AS s ON s.id = a.setting_id
ORDER BY a.audit_date DESC, a.id DESC
LIMIT ?
"""

#: The person, matched as ``use_profile`` matches them: by name ignoring case, and agency.
_PERSON = """
SELECT uuid, name, role FROM auditors WHERE lower(name) = ? AND agency = ?
"""


@dataclass(frozen=True)
class FirstLook:
    """What the window shows before the database is opened properly."""

    path: Path
    actor: Actor
    first_page: Page[AuditRow]


def first_look(
    path: Path, name: str, agency: Agency, role: Role, *, page_size: int
) -> FirstLook | None:
    """The first page of ``path`` and the person in it, if the database can be shown
    before it is opened properly; ``None`` if opening it may have anything to do or say
    (including every problem: the full opening then says it in its own words)."""
    path = path.expanduser().absolute()
    try:
        name = validation.required_text(name, "your name", max_length=limits.PERSON_NAME)
        if not _needs_no_checks_from_outside(path):
            return None
        with probe(path) as connection:
            return _look(connection, path, (name, agency, role), page_size)
    except (InvalidInput, OSError, sqlite3.Error, ValueError) as problem:
        # ValueError: a stored value no record accepts (damage, said by the full opening).
        log.info("no first look at %s (%s): opening it fully", path, problem)
        return None


def _needs_no_checks_from_outside(path: Path) -> bool:
    return (
        path.is_file()
        and path.stat().st_size > 0
        and not location_is_read_only(path)
        and read_application_id(path) == APPLICATION_ID
    )


def _look(
    connection: sqlite3.Connection, path: Path, person: tuple[str, Agency, Role], page_size: int
) -> FirstLook | None:
    name, agency, role = person
    state = dict(connection.execute("SELECT key, value FROM app_state").fetchall())
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if (
        revision is None
        or revision[0] != shipped_head()
        or not state.get(state_keys.DEVICE_KEY)
        or state.get(state_keys.SHIPPED_TEMPLATES_KEY) != shipped_templates_fingerprint()
        or state.get(state_keys.SECTION_GRADES_KEY) != "yes"
    ):
        return None
    people = connection.execute(_PERSON, (name.lower(), agency.value)).fetchall()
    if len(people) != 1:
        return None  # not in it yet (opening adds them), or more than one to choose from
    auditor_uuid, stored_name, stored_role = people[0]
    if stored_role != role.value or state.get(state_keys.PROFILE_KEY) != auditor_uuid:
        return None  # opening would record them (a new role, or as this file's profile)
    rows = connection.execute(_FIRST_PAGE, (page_size,)).fetchall()
    (total,) = connection.execute("SELECT count(*) FROM audits").fetchone()
    page = Page(tuple(AuditRow.from_columns(row) for row in rows), 0, total)
    return FirstLook(path, Actor(stored_name, agency, role, auditor_uuid), page)
