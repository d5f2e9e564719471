"""The check before the window opens: on a machine without a display, or without the system
libraries Qt's X11 plugin loads, AuditDesk says what is missing and which packages to
install, and exits, instead of Qt aborting the process with a misleading message."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from auditdesk.desktop_check import EXIT_NO_DESKTOP, XCB_LIBRARIES, check_desktop

ROOT = Path(__file__).resolve().parents[1]
X11 = {"DISPLAY": ":0"}


class FakeLoader:
    """A machine's dynamic loader: loads every library except those it lacks."""

    def __init__(self, *lacking: str) -> None:
        self.lacking = set(lacking)
        self.asked: list[str] = []

    def __call__(self, soname: str) -> object:
        self.asked.append(soname)
        if soname in self.lacking:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()


def test_missing_xcb_libraries_are_named_with_their_packages_and_the_command() -> None:
    # The fresh Debian machine of the bug report: everything but these two.
    loader = FakeLoader("libxcb-icccm.so.4", "libxcb-keysyms.so.1")

    problem = check_desktop(X11, system="linux", load=loader)

    assert problem is not None
    assert problem.exit_code == EXIT_NO_DESKTOP != 0
    assert problem.missing_libraries == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert problem.packages == ("libxcb-icccm4", "libxcb-keysyms1")
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in problem.message
    assert "libxcb-keysyms.so.1 (package libxcb-keysyms1)" in problem.message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in problem.message
    # Exactly the missing ones: not xcb-cursor, which Qt's own message blames.
    named = set(re.findall(r"lib[\w.+-]+\.so\.\d+", problem.message))
    assert named == {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    assert "cursor" not in problem.message
    assert set(loader.asked) == set(XCB_LIBRARIES)


def test_two_libraries_from_one_package_name_the_package_once() -> None:
    loader = FakeLoader("libglib-2.0.so.0", "libgthread-2.0.so.0", "libGL.so.1")
    problem = check_desktop(X11, system="linux", load=loader)
    assert problem is not None
    assert problem.packages == ("libgl1", "libglib2.0-0")
    assert "sudo apt-get install libgl1 libglib2.0-0\n" in problem.message


def test_with_every_library_there_the_window_may_open() -> None:
    loader = FakeLoader()
    assert check_desktop(X11, system="linux", load=loader) is None
    assert loader.asked == list(XCB_LIBRARIES)


@pytest.mark.parametrize(
    "environ",
    [{}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland"}, {"XDG_SESSION_TYPE": "x11"}],
)
def test_no_display_at_all_is_said_plainly(environ: dict[str, str]) -> None:
    loader = FakeLoader()
    problem = check_desktop(environ, system="linux", load=loader)
    assert problem is not None
    assert problem.exit_code == EXIT_NO_DESKTOP
    assert problem.message.startswith("AuditDesk needs a desktop session")
    assert "auditdesk --help" in problem.message
    assert loader.asked == []


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "DISPLAY is not set"),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "WAYLAND_DISPLAY is not set"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "Start it with QT_QPA_PLATFORM=wayland"),
    ],
)
def test_a_display_of_the_wrong_kind_is_named(environ: dict[str, str], words: str) -> None:
    problem = check_desktop(environ, system="linux", load=FakeLoader())
    assert problem is not None
    assert words in problem.message
    assert "auditdesk --help" in problem.message


@pytest.mark.parametrize(
    ("environ", "system"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # tests, benchmarks
        ({"QT_QPA_PLATFORM": "minimal", "DISPLAY": ":0"}, "linux"),
        ({"QT_QPA_PLATFORM": "vnc"}, "linux"),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux"),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_platforms_that_need_no_xcb_libraries_are_not_checked_for_them(
    environ: dict[str, str], system: str
) -> None:
    loader = FakeLoader(*XCB_LIBRARIES)
    assert check_desktop(environ, system=system, load=loader) is None
    assert loader.asked == []


@pytest.mark.parametrize("requested", ["xcb", "xcb:nograb", "wayland;xcb", " XCB "])
def test_every_way_of_asking_for_x11_is_checked(requested: str) -> None:
    loader = FakeLoader("libxcb-icccm.so.4")
    problem = check_desktop({"QT_QPA_PLATFORM": requested, **X11}, system="linux", load=loader)
    assert problem is not None
    assert problem.packages == ("libxcb-icccm4",)


def test_on_this_machine_the_real_check_passes_for_the_offscreen_platform() -> None:
    assert check_desktop({**os.environ, "QT_QPA_PLATFORM": "offscreen"}) is None
    assert check_desktop() is None  # the test run itself (offscreen, set in conftest)


def test_the_real_loader_finds_a_library_and_misses_a_made_up_one() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the xcb check runs on Linux only")
    import ctypes

    from auditdesk.desktop_check import _loads  # the loading step itself, with ctypes

    assert _loads(ctypes.CDLL, "libc.so.6")
    assert not _loads(ctypes.CDLL, "libauditdesk-does-not-exist.so.1")


def test_the_table_covers_every_system_library_the_installed_qt_needs() -> None:
    """If a PySide6 upgrade makes the xcb plugin need a new library, this fails until the
    table (and so the message and the README) names it."""
    readelf = shutil.which("readelf")
    if not sys.platform.startswith("linux") or readelf is None:
        pytest.skip("needs Linux and readelf (binutils)")
    qt = Path(PySide6.__file__).parent / "Qt"
    loaded = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *(qt / "lib" / f"libQt6{name}.so.6" for name in ("Core", "Gui", "Widgets", "DBus")),
        qt / "lib" / "libQt6XcbQpa.so.6",
    ]
    needed: set[str] = set()
    for library in loaded:
        dynamic = subprocess.run(
            [readelf, "-d", str(library)], capture_output=True, text=True, check=True
        ).stdout
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", dynamic))
    shipped = {path.name for path in (qt / "lib").iterdir()}
    runtimes = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0"}
    runtimes |= {"libdl.so.2", "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}
    from_the_system = needed - shipped - runtimes
    assert "libxcb-icccm.so.4" in from_the_system  # the reading itself works
    assert from_the_system <= set(XCB_LIBRARIES), from_the_system - set(XCB_LIBRARIES)


def test_the_readme_install_line_names_every_package_the_check_can_ask_for() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith("sudo apt-get install")]
    assert lines, "the README gives no apt-get line for the window's system packages"
    listed = set(lines[0].split()[3:])
    assert set(XCB_LIBRARIES.values()) <= listed, set(XCB_LIBRARIES.values()) - listed


def test_auditdesk_without_a_display_says_so_and_exits_before_loading_qt(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check runs on Linux only")
    home, database = tmp_path / "home", tmp_path / "audits.sqlite"
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    }
    program = (
        "import sys\n"
        "from auditdesk import cli\n"
        f"code = cli.main(['--db', {str(database)!r}])\n"
        "print('Qt loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no Qt')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        env={**env, "AUDITDESK_HOME": str(home)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == EXIT_NO_DESKTOP, result.stderr
    assert result.stdout.strip() == "no Qt"
    assert result.stderr.startswith("auditdesk: AuditDesk needs a desktop session")
    assert "auditdesk --help" in result.stderr
    assert "Aborted" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not database.exists()  # nothing was opened, let alone created
    logged = (home / "logs" / "auditdesk.log").read_text(encoding="utf-8")
    assert "WARNING auditdesk.cli: window not opened: AuditDesk needs a desktop" in logged
