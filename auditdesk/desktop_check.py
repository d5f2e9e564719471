"""Can the window open here? Checked before Qt is imported.

On Linux, Qt draws through a platform plugin. When the X11 one (``xcb``) cannot load a
system library it needs, or there is no display at all, Qt aborts the process ("Aborted",
exit 134) and its message names the wrong library (it blames xcb-cursor whatever is
missing). So before the window is imported, AuditDesk looks for a display and tries to
load each library the xcb plugin needs, and if something is missing it says what, which
Debian/Ubuntu packages provide it and the command that installs them, then exits.

Only the standard library is used here: the check must run before anything loads Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

EXIT_NO_DESKTOP = 69  # "service unavailable" in BSD sysexits: nothing to show a window on

# What Qt's xcb platform plugin (PySide6/Qt/plugins/platforms/libqxcb.so) and the Qt
# libraries the window loads under it (Core, Gui, Widgets, DBus, XcbQpa) need from the
# system, read from the wheel with `readelf -d`, and the Debian/Ubuntu package of each.
# The C and C++ runtimes are left out: Python and apt themselves depend on them.
# tests/test_desktop_check.py compares this table with the installed wheel.
XCB_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

HEADLESS_HINT = "The commands that need no window work anywhere: see `auditdesk --help`."

#: Loads one shared library by its soname, raising OSError if it cannot (ctypes.CDLL).
Loader = Callable[[str], object]


@dataclass(frozen=True)
class DesktopProblem:
    """Why the window cannot open, in words for the person at the keyboard."""

    message: str
    missing_libraries: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    exit_code: int = EXIT_NO_DESKTOP


def check_desktop(
    environ: Mapping[str, str] | None = None,
    *,
    system: str | None = None,
    load: Loader = ctypes.CDLL,
) -> DesktopProblem | None:
    """``None`` if Qt can open a window here, else what stands in the way.

    ``environ`` (default ``os.environ``), ``system`` (default ``sys.platform``) and
    ``load`` are parameters so a test can describe any machine."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return None  # Windows and macOS draw through their own, always-present plugins
    candidates = qt_platforms(environ)
    if candidates[0] not in {"xcb", "wayland"}:
        return None  # offscreen, minimal, vnc, eglfs...: asked for on purpose, no display
    has_x11, has_wayland = bool(environ.get("DISPLAY")), bool(environ.get("WAYLAND_DISPLAY"))
    if not has_x11 and not has_wayland:
        return DesktopProblem(
            "AuditDesk needs a desktop session to open its window, and there is none here "
            "(neither DISPLAY nor WAYLAND_DISPLAY is set, as over SSH or in a plain "
            f"terminal). Start it from the desktop, or use it headless. {HEADLESS_HINT}"
        )
    for candidate in candidates:  # Qt falls through the list to the first that connects
        if candidate == "wayland" and has_wayland:
            return None
        if candidate == "xcb" and has_x11:
            return _missing_xcb_libraries(load)
        if candidate not in {"xcb", "wayland"}:
            return None
    return _display_not_named(environ, candidates)


def _display_not_named(environ: Mapping[str, str], candidates: list[str]) -> DesktopProblem:
    """There is a display, but not of the kind Qt will try."""
    requested = environ.get("QT_QPA_PLATFORM")
    if not requested:  # X11 by default, yet only a Wayland display outside a Wayland session
        return DesktopProblem(
            "AuditDesk found a Wayland display but no X11 one (DISPLAY is not set). Start it "
            f"with QT_QPA_PLATFORM=wayland. {HEADLESS_HINT}"
        )
    kind, variable = ("X11", "DISPLAY") if "xcb" in candidates else ("Wayland", "WAYLAND_DISPLAY")
    return DesktopProblem(
        f"AuditDesk was asked to open its window on {kind} (QT_QPA_PLATFORM={requested}), "
        f"but {variable} is not set. Unset QT_QPA_PLATFORM to use the desktop you are on. "
        f"{HEADLESS_HINT}"
    )


def _missing_xcb_libraries(load: Loader) -> DesktopProblem | None:
    missing = tuple(soname for soname in XCB_LIBRARIES if not _loads(load, soname))
    if not missing:
        return None
    packages = tuple(dict.fromkeys(XCB_LIBRARIES[soname] for soname in missing))
    listed = "\n".join(f"  {soname} (package {XCB_LIBRARIES[soname]})" for soname in missing)
    return DesktopProblem(
        "AuditDesk cannot open its window: this computer lacks system libraries that the Qt "
        f"toolkit needs to draw on an X11 desktop:\n{listed}\n"
        "On Debian or Ubuntu, install them with:\n"
        f"  sudo apt-get install {' '.join(packages)}\n"
        "then start AuditDesk again (on other systems, install the packages that provide "
        f"those files). {HEADLESS_HINT}",
        missing,
        packages,
    )


def qt_platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order, the way Qt chooses them.

    ``QT_QPA_PLATFORM`` may list several (``wayland;xcb``), each with options
    (``xcb:nograb``); without it Qt tries Wayland first in a Wayland session, else X11."""
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        named = [entry.split(":")[0].strip().lower() for entry in requested.split(";")]
        return [name for name in named if name] or ["xcb"]
    wayland_session = environ.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    return ["wayland", "xcb"] if wayland_session else ["xcb"]


def _loads(load: Loader, soname: str) -> bool:
    try:
        load(soname)
    except OSError:
        return False
    return True
