"""Alembic environment, configured in code: AuditDesk passes an open connection in
``config.attributes["connection"]`` (see :mod:`auditdesk.store.migrate`), so no
``alembic.ini`` is needed at run time and the frozen app migrates the same way."""

from __future__ import annotations

from alembic import context

from auditdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("AuditDesk migrations run through auditdesk.store.migrate, not the CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
