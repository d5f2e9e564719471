"""The tables, as typed SQLAlchemy 2.0 models, one module per feature. Alembic migrations
must agree with these (a test compares them).

Records that travel between laptops in bundles carry :class:`Travelling` columns: a UUID,
a revision, the hash of their content, UTC times, author and device.

Import models from here (``from auditdesk.store.models import Audit``): importing this
package defines every table on ``Base.metadata``, always in the same order, which is what
Alembic and the database checks read.
"""

# isort: off
# In the order the tables were first written: the metadata keeps tables in the order they
# are defined, and the database checks walk them in that order.
from auditdesk.store.models.base import NAMING_CONVENTION, AppState, Base, Travelling
from auditdesk.store.models.people_and_places import Auditor, Child, Plan, Setting
from auditdesk.store.models.templates import TemplateVersion
from auditdesk.store.models.audits import (
    Action,
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    AuditSectionGrade,
)
from auditdesk.store.models.moderation import (
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
)
from auditdesk.store.models.trail import ChangeTrail
from auditdesk.store.models.exchange import (
    BundleConflict,
    ReceivedBundle,
    RecordProvenance,
    RecordRevision,
    SentBundle,
    SentRecord,
)
from auditdesk.store.models.stored_figures import FiguresDataStamp, StoredBoardFigures

# isort: on

__all__ = [
    "NAMING_CONVENTION",
    "Action",
    "Answer",
    "AppState",
    "Audit",
    "AuditAuditor",
    "AuditBlock",
    "AuditSectionGrade",
    "Auditor",
    "Base",
    "BundleConflict",
    "ChangeTrail",
    "Child",
    "FiguresDataStamp",
    "Moderation",
    "ModerationGrade",
    "ModerationRating",
    "ModerationSample",
    "Plan",
    "ReceivedBundle",
    "RecordProvenance",
    "RecordRevision",
    "SentBundle",
    "SentRecord",
    "Setting",
    "StoredBoardFigures",
    "TemplateVersion",
    "Travelling",
]
