"""A stored template written back out as YAML that a council can read, change and install
again (``auditdesk templates export``).

Stored definitions keep their content, not their layout: comments and the author's order
of fields are gone. The file is written with the fields a person looks for first (id,
version, title, prompt, ...) at the top of each block, and a heading that says where it
came from and how to install a changed copy.
"""

from __future__ import annotations

from typing import Any

import yaml

#: Fields shown first wherever they appear, in this order; the rest follow as stored.
_FIRST = (
    "id",
    "code",
    "version",
    "title",
    "label",
    "kind",
    "points",
    "prompt",
    "description",
    "guidance",
)


def template_yaml(key: str, title: str, definition: dict[str, Any], sha256: str) -> str:
    heading = (
        f"# {title} ({key}), written out by AuditDesk.\n"
        f"# Content fingerprint (SHA-256): {sha256}\n"
        "# To change it: edit this file, give it the next version number, check it with\n"
        "# `auditdesk templates check FILE`, then install it with\n"
        "# `auditdesk templates install FILE`.\n"
        "\n"
    )
    body = yaml.safe_dump(
        _in_reading_order(definition), sort_keys=False, allow_unicode=True, width=92
    )
    return heading + body


def _in_reading_order(value: Any) -> Any:
    if isinstance(value, dict):
        first = [name for name in _FIRST if name in value]
        rest = [name for name in value if name not in _FIRST]
        return {name: _in_reading_order(value[name]) for name in [*first, *rest]}
    if isinstance(value, list):
        return [_in_reading_order(item) for item in value]
    return value
