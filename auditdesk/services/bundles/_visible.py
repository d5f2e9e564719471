"""Text from a bundle, made safe to show: no character that acts instead of being seen.

A bundle's words (the sender's name and device, template titles, names, references,
actions, file names) reach a terminal through ``auditdesk bundle import`` and the window
through the import preview. A control character there is an instruction, not a letter:
an escape sequence recolours or rewrites the terminal or hides a link (ESC, OSC 8), BEL
rings, CR and backspace overwrite what was printed, and the bidirectional overrides
(U+202E and friends) make text read differently from what it is. Each one is shown as
U+FFFD (the replacement character, "�"); line breaks and tabs become a plain space,
as every such text is shown on one line.

The bundle keeps its text exactly as sent (it is hashed); only what is shown changes.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 and C1 controls and DEL; the bidirectional embeddings, overrides and isolates; and
# half characters (which cannot be printed at all). Marks such as U+200E, joiners (emoji)
# and soft hyphens only shape what is shown, so they stay.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")


def visible(text: str) -> str:
    """``text`` with every control character shown as U+FFFD, line breaks as spaces."""
    if text.isprintable():  # the usual case, and cheap (a space is printable)
        return text
    return _HIDDEN.sub(REPLACEMENT, _BREAKS.sub(" ", text))


def quoted(text: str, most: int) -> str:
    """``text`` made visible, in single quotes, cut to ``most`` characters with "…"."""
    shown = visible(text)
    return f"'{shown[:most]}{'…' if len(shown) > most else ''}'"
