"""Is everything stored readable? Text that decodes (:mod:`.text`), documents that decode
and validate (:mod:`.documents`), values of the kind each column holds (:mod:`.values`).

SQLite's integrity check looks at pages and indexes, not at what a value says: one flipped
byte inside a comment passes it, and then every read of that row fails to decode. These
checks read what AuditDesk reads, on a plain read-only ``sqlite3`` connection.
"""

from auditdesk.store.content_check.documents import document_problems, template_problems
from auditdesk.store.content_check.text import text_problems
from auditdesk.store.content_check.values import value_problems

__all__ = ["document_problems", "template_problems", "text_problems", "value_problems"]
