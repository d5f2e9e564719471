"""``AUDITDESK_READY_FILE`` (for benchmarks and support): the real ``auditdesk --db FILE``
writes the named file once its window has painted the first page of audits, which is how
benchmarks/bench_startup.py times start-up from outside the process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.ready_file import READY_VARIABLE
from auditdesk.user_profile import ProfileFile, UserProfile
from tests.ui.demo_files import copy_of

GIVE_UP_SECONDS = 120  # not a measure: a machine under load is slow, a broken hook never


def test_the_window_says_when_its_first_page_is_painted(demo_file: Path, tmp_path: Path) -> None:
    database = copy_of(demo_file, tmp_path)
    home = tmp_path / "home"
    ProfileFile(paths.profile_file(home / paths.SETTINGS_FILE_NAME)).write(
        UserProfile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    )
    ready = tmp_path / "ready"
    env = {
        **os.environ,
        "AUDITDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        READY_VARIABLE: str(ready),
    }
    window = subprocess.Popen(
        [sys.executable, "-m", "auditdesk", "--db", str(database)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        started = time.monotonic()
        while not ready.exists() and window.poll() is None:
            assert time.monotonic() - started < GIVE_UP_SECONDS, "the first page never came"
            time.sleep(0.05)
        assert window.poll() is None, window.communicate()[1]  # still open, not crashed
        assert ready.read_text(encoding="utf-8") == "60 rows\n"  # every audit of the demo
    finally:
        window.terminate()
        window.communicate(timeout=GIVE_UP_SECONDS)
