"""Make AuditDesk's icons from their one source, ``resources/icon.svg``.

    .venv/bin/python scripts/make_icons.py          # after changing the SVG; commit the results

writes into ``auditdesk/resources/`` (the package the installed and the frozen app read
with ``importlib.resources``): the SVG itself, a PNG at each size desktops ask for, a
Windows ``.ico`` holding the sizes Windows uses, and ``icon-source.sha256``, the SVG's
fingerprint, by which ``tests/test_icons.py`` notices an SVG changed without its icons
being made again.

Each size is drawn from the SVG by Qt's own SVG renderer (offscreen, no display needed),
not scaled down from a big PNG, so the small sizes stay sharp.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icon.svg"
TARGET = ROOT / "auditdesk" / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # an .ico entry is at most 256 pixels
FINGERPRINT = "icon-source.sha256"
_APPLICATIONS: list[QGuiApplication] = []


def png_name(size: int) -> str:
    return f"icon-{size}.png"


def fingerprint(svg: bytes) -> str:
    return hashlib.sha256(svg).hexdigest()


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels on a transparent ground, as PNG bytes."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
        _APPLICATIONS.append(QGuiApplication([]))  # kept: Qt draws only while it lives
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # str is what works
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding each PNG as it is (PNG entries, read by Windows Vista and
    later). Written here rather than by Qt, whose ICO writer keeps one image only."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, images = b"", b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    svg = SOURCE.read_bytes()
    TARGET.mkdir(exist_ok=True)
    shutil.copyfile(SOURCE, TARGET / "icon.svg")
    pngs = {size: render_png(svg, size) for size in SIZES}
    for size, png in pngs.items():
        (TARGET / png_name(size)).write_bytes(png)
    (TARGET / "icon.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (TARGET / FINGERPRINT).write_text(fingerprint(svg) + "\n")
    print(f"Wrote {len(SIZES)} PNGs, icon.ico and icon.svg into {TARGET.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
