"""AuditDesk's own images: the app icon as SVG, as a PNG at each size desktops ask for,
and as a Windows ``.ico``. They are made from ``resources/icon.svg`` at the top of the
project by ``scripts/make_icons.py`` and committed, so neither an install nor a frozen
build needs Qt's SVG renderer to draw them.

Read through :mod:`importlib.resources`, so an installed package, an editable checkout and
the frozen app (PyInstaller copies this folder whole) all find them the same way. No Qt
here: the window builds its ``QIcon`` in :mod:`auditdesk.ui.app_icon`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

#: The PNG sizes shipped, smallest first (Windows and Linux desktops ask for these).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _folder() -> Traversable:
    return resources.files(__name__)


def icon_png(size: int) -> Traversable:
    """The icon drawn at ``size`` pixels square (one of :data:`ICON_SIZES`)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size}-pixel icon is shipped; sizes: {ICON_SIZES}")
    return _folder() / f"icon-{size}.png"


def icon_pngs() -> dict[int, Traversable]:
    """Every shipped size of the icon, by size."""
    return {size: icon_png(size) for size in ICON_SIZES}


def icon_svg() -> Traversable:
    return _folder() / "icon.svg"


def icon_ico() -> Traversable:
    """The Windows icon (sizes 16 to 256), for the frozen app's executable."""
    return _folder() / "icon.ico"
