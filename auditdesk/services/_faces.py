"""Faces that load their modules when a name from them is first used.

A feature's face (its ``__init__.py``) lists its API; importing every module behind it at
once made whoever needed one name pay for all of them: the window's first page needs only
the audit list, yet loaded answering, grading and actions with it, and the Moderation tab
needs only the agreement report, yet loaded every Board figure and export. A face using
:func:`load_when_used` imports the modules it names under ``TYPE_CHECKING`` (so type
checkers and the import contracts see exactly what it offers) and gives Python a module
``__getattr__`` that imports a name's module when the name is first asked for.
``tests/test_start_up_imports.py`` checks that the two lists agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def load_when_used(face: str, modules: Mapping[str, str]) -> Callable[[str], object]:
    """The module ``__getattr__`` of the face named ``face``: ``modules`` maps each name it
    offers this way to its module (relative to the face, such as ``"_agreement"``)."""

    def __getattr__(name: str) -> object:  # noqa: N807 (the name Python looks for)
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {face!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{face}.{module}"), name)
        setattr(sys.modules[face], name, value)  # asked once
        return value

    return __getattr__
