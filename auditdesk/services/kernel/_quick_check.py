"""A look over every page of an open database, in the background once the window is up.

Damage inside a SQLite file is only met when a query reads the damaged page: a window can
list audits from a file whose other pages are broken, and the person learns of it only
when they open the wrong audit, or when an export fails. SQLite's ``quick_check`` reads
every page (about 1.5 s for 50,000 audits, off the GUI thread), so the window can say so
at once, in the same words as every command, rather than when work is at stake.
"""

from __future__ import annotations

from sqlalchemy import text

from auditdesk.errors import DatabaseDamaged
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store import problems

#: How many problems SQLite is asked for: the first is enough to say the file is damaged.
PROBLEMS_WANTED = 3


def damage_found(ctx: ServiceContext) -> DatabaseDamaged | None:
    """The damaged-database message if any page of ``ctx.db`` is unreadable, else ``None``.
    (Damage that stops the check itself arrives as the same message, raised.)"""
    with ctx.db.read() as session:
        found = [row[0] for row in session.execute(text(f"PRAGMA quick_check({PROBLEMS_WANTED})"))]
    if found == ["ok"]:
        return None
    return problems.damaged(ctx.db.path, "; ".join(str(line) for line in found[:PROBLEMS_WANTED]))
