"""The keys in a database's ``app_state`` table that opening it reads, named once: the
window's first look (``auditdesk/services/kernel/_first_look.py``) reads them with plain
``sqlite3`` and must mean exactly what the services that write them mean."""

from __future__ import annotations

#: This installation's id for the database, stamped on every record it writes.
DEVICE_KEY = "device_id"
#: The auditor whose laptop this is (the person last introduced to the database).
PROFILE_KEY = "profile_auditor_uuid"
#: The fingerprint of the shipped templates this database holds.
SHIPPED_TEMPLATES_KEY = "shipped_templates_sha256"
#: "yes" once no audit lacks stored section grades. Every edit, import and new audit stores
#: them from then on, so only an upgrade from schema 0001 (which has no such key) or a fill
#: cut short (which does not set it) leaves any to fill.
SECTION_GRADES_KEY = "section_grades_complete"
