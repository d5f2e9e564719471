"""PySide6's check of each module imported after it, made cheaper at start-up
(auditdesk/ui/qt_loading.py), gives the same answer as PySide6's own for every module the
window loads: which modules may use PySide6's ``__feature__`` switches is unchanged."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from auditdesk.ui.qt_loading import load_qt
load_qt()
import auditdesk.ui.app  # everything the window loads, checked the cheap way
# and what it loads once its first page is painted (the database layer, SQLAlchemy's
# hundred-odd modules among them: auditdesk/ui/session.py)
import auditdesk.services.audits._listing
import auditdesk.services.kernel._workspace
feature = sys.modules["shibokensupport.feature"]
cheap = feature._mod_uses_pyside
assert cheap.reads_bytes, "load_qt changed nothing"
own = cheap.upstream
modules = [module for module in list(sys.modules.values()) if module is not None]
differ = [module.__name__ for module in modules if cheap(module) != own(module)]
assert not differ, differ
uses = {module.__name__ for module in modules if cheap(module)}
assert "auditdesk.ui.main_window" in uses and "auditdesk.services.kernel" not in uses
print(len(modules))
"""


def test_the_cheap_check_agrees_with_pysides_own_for_every_module_the_window_loads() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 300  # the window's modules were there to compare
