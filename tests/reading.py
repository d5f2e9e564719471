"""A service context for tests that only read a database nobody has signed in to (a demo
file, an upgraded old file): the services take a context first, and reading needs no
profile."""

from __future__ import annotations

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.kernel import Actor, Database, ServiceContext


def reader(db: Database) -> ServiceContext:
    return ServiceContext(db, Actor("Test reader", Agency.EDUCATION, Role.QUALITY_LEAD, ""))
