"""The Linux per-user install of a packaged build (packaging/install-linux.sh): everything
goes under the person's home, the menu entry points at the installed program with the
shipped icons, and uninstalling takes it all away but keeps their audits.

Run on a stand-in for the built folder (the real one takes a minute to build): the same
layout, with a program that only says its version."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditdesk.resources import ICON_SIZES
from auditdesk.ui.app_icon import DESKTOP_FILE_NAME

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a Linux desktop install")


def built_folder(where: Path) -> Path:
    folder = where / "unpacked" / "AuditDesk"
    icons = folder / "_internal" / "auditdesk" / "resources"
    icons.mkdir(parents=True)
    for image in (ROOT / "auditdesk" / "resources").iterdir():
        if image.suffix in {".png", ".svg"}:
            shutil.copy(image, icons)
    program = folder / "AuditDesk"
    program.write_text("#!/bin/sh\necho AuditDesk 0.1.0\n")
    program.chmod(0o755)
    for name in ("auditdesk.desktop", "install-linux.sh"):
        shutil.copy2(PACKAGING / name, folder / name)
    return folder


def run_installer(folder: Path, home: Path, *options: str, audits_home: Path | None = None) -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key != "AUDITDESK_HOME"
    }
    if audits_home is not None:
        environment["AUDITDESK_HOME"] = str(audits_home)
    finished = subprocess.run(
        [str(folder / "install-linux.sh"), *options],
        env={**environment, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    return finished.stdout


def menu_entry(path: Path) -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(path)
    return entry["Desktop Entry"]


def test_the_shipped_menu_entry_names_the_app_and_its_icon() -> None:
    entry = menu_entry(PACKAGING / "auditdesk.desktop")

    assert entry["Type"] == "Application"
    assert entry["Name"] == "AuditDesk"
    assert entry["Icon"] == DESKTOP_FILE_NAME  # the window's desktop file name, so they match
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "AuditDesk"


def test_install_and_uninstall_for_one_person(tmp_path: Path) -> None:
    home = tmp_path / "home"
    audits = home / ".local" / "share" / "AuditDesk"
    audits.mkdir(parents=True)
    (audits / "auditdesk.sqlite").write_bytes(b"their audits")
    folder = built_folder(tmp_path)

    said = run_installer(folder, home)

    installed = home / ".local" / "opt" / "AuditDesk"
    assert "AuditDesk 0.1.0" in said
    assert (home / ".local" / "bin" / "auditdesk").resolve() == installed / "AuditDesk"
    entry = menu_entry(home / ".local" / "share" / "applications" / "auditdesk.desktop")
    assert entry["Exec"] == str(installed / "AuditDesk")
    icons = home / ".local" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert (icons / f"{size}x{size}" / "apps" / "auditdesk.png").is_file()
    assert (icons / "scalable" / "apps" / "auditdesk.svg").is_file()

    said = run_installer(installed, home, "--uninstall")
    assert f"Your audits are kept in {audits}." in said

    assert not installed.exists()
    assert not (home / ".local" / "bin" / "auditdesk").exists()
    assert not (home / ".local" / "share" / "applications" / "auditdesk.desktop").exists()
    assert not any(icons.rglob("auditdesk.*"))
    assert (audits / "auditdesk.sqlite").read_bytes() == b"their audits"


def test_uninstalling_names_the_folder_the_audits_are_really_in(tmp_path: Path) -> None:
    """Moved with AUDITDESK_HOME, the audits are said to be kept there, not in the default
    folder."""
    home = tmp_path / "home"
    home.mkdir()
    elsewhere = tmp_path / "team drive" / "AuditDesk"
    said = run_installer(built_folder(tmp_path), home, "--uninstall", audits_home=elsewhere)
    assert f"Your audits are kept in {elsewhere}." in said
