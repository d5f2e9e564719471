"""Loading Qt for the window without PySide6 slowing every import after it.

Once PySide6 is loaded it replaces Python's ``__import__`` and, for each module imported
afterwards, asks whether the module's source mentions "PySide6" (to know which modules
may use its ``__feature__`` switches; PYSIDE-2029). It asks through ``inspect.getsource``,
which goes through ``linecache`` and costs about a millisecond a module: with the
hundreds of modules the window imports after Qt, most of a tenth of a second of
start-up (measured by benchmarks/bench_startup.py).

:func:`load_qt` answers the same question by reading the module's file as bytes, which
is several times cheaper. Anything else (a compiled module, a file that cannot be read)
still goes to PySide6's own answer; if PySide6 no longer has the function, nothing is
changed. tests/ui/test_qt_loading.py checks both answers agree for every module loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads the import hook this adjusts

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def load_qt() -> None:
    """Load Qt's core and make PySide6's check of each later import a cheap one."""
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if feature is None or upstream is None or getattr(upstream, "reads_bytes", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return upstream(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    setattr(feature, _CHECK, uses_pyside)
