"""What this version of AuditDesk ships, read from its own files' text: the newest schema
revision and the fingerprint of the shipped templates.

Both are asked at every start to decide whether a database needs any one-off work (a
migration, templates installed). Asking must cost neither Alembic (with Mako and Pygments
behind it), nor PyYAML, nor SQLAlchemy: when nothing changed, the window opens without
them (docs/performance.md, "Start-up").
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources

_REVISION_LINE = re.compile(r"^(down_)?revision\s*=\s*['\"]?([\w]+)['\"]?", re.MULTILINE)


def shipped_head() -> str | None:
    """The newest shipped revision, read from the migration scripts' text (a test checks it
    always equals Alembic's own answer)."""
    folder = resources.files("auditdesk.store") / "migrations" / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        for is_parent, value in _REVISION_LINE.findall(entry.read_text(encoding="utf-8")):
            (parents if is_parent else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def shipped_templates_fingerprint() -> str:
    """A digest of every shipped template file's name and bytes (a millisecond or two)."""
    digest = hashlib.sha256()
    folder = resources.files("auditdesk.audit_templates")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()
