"""The app icon: the shipped PNGs and ICO are in step with ``resources/icon.svg`` (made
again by scripts/make_icons.py after any change to it), they ship in the package, and every
window and dialog carries the icon."""

from __future__ import annotations

import fnmatch
import importlib.util
import io
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops, ImageStat

from auditdesk import resources

ROOT = Path(__file__).resolve().parent.parent
# Colours may move by a unit or two between Qt releases' anti-aliasing; a changed drawing
# moves far more (a recoloured tick alone moves the 16-pixel icon's mean by over 10).
MOST_MEAN_DIFFERENCE = 2.0


def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts/make_icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_svg_is_the_source_the_icons_were_made_from() -> None:
    script = make_icons()
    source = script.SOURCE.read_bytes()

    assert resources.icon_svg().read_bytes() == source
    shipped = (script.TARGET / script.FINGERPRINT).read_text().strip()
    assert shipped == script.fingerprint(source), "run scripts/make_icons.py and commit"


@pytest.mark.parametrize("size", resources.ICON_SIZES)
def test_each_png_is_the_svg_drawn_at_its_size(size: int, qapp: object) -> None:
    script = make_icons()
    shipped = Image.open(io.BytesIO(resources.icon_png(size).read_bytes())).convert("RGBA")
    drawn = Image.open(io.BytesIO(script.render_png(script.SOURCE.read_bytes(), size)))

    assert shipped.size == (size, size)
    difference = ImageStat.Stat(ImageChops.difference(shipped, drawn.convert("RGBA")))
    assert max(difference.mean) <= MOST_MEAN_DIFFERENCE, "run scripts/make_icons.py"


def test_the_windows_icon_holds_each_size_windows_uses() -> None:
    with Image.open(io.BytesIO(resources.icon_ico().read_bytes())) as ico:
        sizes = ico.info["sizes"]

    assert sizes == {(s, s) for s in resources.ICON_SIZES if s <= 256}


def test_an_unshipped_size_is_refused() -> None:
    with pytest.raises(ValueError, match="sizes"):
        resources.icon_png(20)


def test_every_resource_is_packaged() -> None:
    """An install (and so a wheel) takes only the files the package data names."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["package-data"]["auditdesk.resources"]
    folder = ROOT / "auditdesk" / "resources"
    files = [p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py"]

    assert files
    unpackaged = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert unpackaged == []


def test_every_window_and_dialog_carries_the_icon(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

    from auditdesk.ui.app_icon import apply_app_icon

    assert isinstance(qapp, QApplication)
    before = qapp.windowIcon()
    try:
        apply_app_icon(qapp)
        icon = qapp.windowIcon()
        assert {s.width() for s in icon.availableSizes()} == set(resources.ICON_SIZES)
        for window in (QMainWindow(), QDialog(), QMessageBox()):
            assert window.windowIcon().cacheKey() == icon.cacheKey()
            assert not window.windowIcon().pixmap(32, 32).isNull()
            window.deleteLater()
    finally:
        qapp.setWindowIcon(before)
