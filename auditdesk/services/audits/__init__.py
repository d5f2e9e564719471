"""Audits: starting one, answering it, its repeating blocks, its life from draft to signed
off, the audit list, and the follow-up actions agreed in it.

Every function takes a :class:`~auditdesk.services.kernel.ServiceContext` first and is one
unit of work (one transaction); what comes back is a frozen record.

- starting and answering: :func:`create_audit` (with a :class:`ChildPlanSubject` or a
  :class:`SettingVisitSubject` and its :class:`TeamMemberInput` list), :func:`get_audit`,
  :func:`record_answer` (up to :data:`MAX_TEXT` characters), :func:`set_board_highlight`;
- repeating blocks (children sampled on a setting visit): :func:`add_block`,
  :func:`rename_block`, :func:`remove_block`, :func:`restore_blocks` (undo of a removal);
- its life: :func:`complete_audit`, :func:`reopen_audit`, :func:`override_grade`,
  :func:`sign_off`, and its change trail, :func:`audit_trail`;
- the audit list: :func:`list_audits` (one page), :func:`count_audits`, :func:`date_range`,
  :func:`list_auditors_and_places` (what the filters offer), all narrowed by an
  :class:`AuditFilter`;
- follow-up actions: :func:`add_action`, :func:`update_action`, :func:`list_actions`.

The helpers every one of these shares (loading an audit, regrading it, writing its trail)
are in ``_state``; they take a Session and are internal.
"""

from typing import TYPE_CHECKING

from auditdesk.services._faces import load_when_used

# The audit list is what the window shows first, so only its module is loaded with the
# face; the rest (answering, grading, blocks, actions: a third of the services' import
# time) is loaded when a name from it is first used (``__getattr__`` below), which at
# start-up is after the first page has been painted.
from auditdesk.services.audits._audit_filter import SORTABLE, AuditFilter

if TYPE_CHECKING:
    from auditdesk.services.audits._actions import (
        ActionFilter,
        ActionInput,
        add_action,
        list_actions,
        update_action,
    )
    from auditdesk.services.audits._blocks import (
        BlockChange,
        Removal,
        RemovedBlock,
        SampledChild,
        add_block,
        remove_block,
        rename_block,
        restore_blocks,
    )
    from auditdesk.services.audits._editing import (
        MAX_TEXT,
        UNSET,
        AnswerChange,
        ChildPlanSubject,
        SettingVisitSubject,
        TeamMemberInput,
        create_audit,
        get_audit,
        record_answer,
        set_board_highlight,
    )
    from auditdesk.services.audits._lifecycle import (
        audit_trail,
        complete_audit,
        override_grade,
        reopen_audit,
        sign_off,
    )
    from auditdesk.services.audits._listing import (
        count_audits,
        date_range,
        list_auditors_and_places,
        list_audits,
    )

#: Each name not loaded with the face, and its module.
_LOADED_WHEN_USED = {
    "count_audits": "_listing",
    "date_range": "_listing",
    "list_auditors_and_places": "_listing",
    "list_audits": "_listing",
    "ActionFilter": "_actions",
    "ActionInput": "_actions",
    "add_action": "_actions",
    "list_actions": "_actions",
    "update_action": "_actions",
    "BlockChange": "_blocks",
    "Removal": "_blocks",
    "RemovedBlock": "_blocks",
    "SampledChild": "_blocks",
    "add_block": "_blocks",
    "remove_block": "_blocks",
    "rename_block": "_blocks",
    "restore_blocks": "_blocks",
    "MAX_TEXT": "_editing",
    "UNSET": "_editing",
    "AnswerChange": "_editing",
    "ChildPlanSubject": "_editing",
    "SettingVisitSubject": "_editing",
    "TeamMemberInput": "_editing",
    "create_audit": "_editing",
    "get_audit": "_editing",
    "record_answer": "_editing",
    "set_board_highlight": "_editing",
    "audit_trail": "_lifecycle",
    "complete_audit": "_lifecycle",
    "override_grade": "_lifecycle",
    "reopen_audit": "_lifecycle",
    "sign_off": "_lifecycle",
}


if not TYPE_CHECKING:  # type checkers see the imports above instead, so a typo still fails
    __getattr__ = load_when_used(__name__, _LOADED_WHEN_USED)


__all__ = [
    "MAX_TEXT",
    "SORTABLE",
    "UNSET",
    "ActionFilter",
    "ActionInput",
    "AnswerChange",
    "AuditFilter",
    "BlockChange",
    "ChildPlanSubject",
    "Removal",
    "RemovedBlock",
    "SampledChild",
    "SettingVisitSubject",
    "TeamMemberInput",
    "add_action",
    "add_block",
    "audit_trail",
    "complete_audit",
    "count_audits",
    "create_audit",
    "date_range",
    "get_audit",
    "list_actions",
    "list_auditors_and_places",
    "list_audits",
    "override_grade",
    "record_answer",
    "remove_block",
    "rename_block",
    "reopen_audit",
    "restore_blocks",
    "set_board_highlight",
    "sign_off",
    "update_action",
]
