"""Window and accessibility preferences, kept in an ini file in the AuditDesk folder (so
``AUDITDESK_HOME`` moves them too) rather than the registry.

Who the person is lives beside them in their profile (:mod:`auditdesk.user_profile`),
which the commands read too; these preferences read and write it there."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import UserError
from auditdesk.ui.export_choices import SAVED_NAMES, ExportChoices
from auditdesk.user_profile import ProfileFile, UserProfile, name_problem

log = logging.getLogger(__name__)

MIN_SCALE, MAX_SCALE = 0.8, 2.5
_OLD_PROFILE_GROUP = "profile"  # where the window kept the profile before it had its own file


class Preferences:
    def __init__(self, file: Path | None = None) -> None:
        self.path = file or paths.settings_file()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.profile_file = ProfileFile(paths.profile_file(self.path))
        self._carry_over_profile()

    # -- text size and contrast ------------------------------------------------------------
    @property
    def text_scale(self) -> float:
        value = self._settings.value("view/text_scale", 1.0)
        try:
            scale = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return min(MAX_SCALE, max(MIN_SCALE, scale))

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self._settings.setValue("view/text_scale", round(min(MAX_SCALE, max(MIN_SCALE, value)), 2))
        self._settings.sync()

    @property
    def high_contrast(self) -> bool:
        return self._flag("view/high_contrast")

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self._settings.setValue("view/high_contrast", value)
        self._settings.sync()

    # -- window geometry --------------------------------------------------------------------
    def geometry(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"geometry/{key}", value)
        self._settings.sync()

    # -- databases ---------------------------------------------------------------------------
    @property
    def last_database(self) -> Path | None:
        value = self._settings.value("files/last_database")
        return Path(str(value)) if value else None

    @last_database.setter
    def last_database(self, path: Path) -> None:
        self._settings.setValue("files/last_database", str(path))
        self._settings.sync()

    # -- the Export dialog's last choices ------------------------------------------------------
    def export_choices(self) -> ExportChoices:
        """What the person chose in File > Export last time (the defaults, at first)."""
        return ExportChoices.from_saved(
            {key: self._settings.value(f"export/{key}") for key in SAVED_NAMES}
        )

    def remember_export_choices(self, choices: ExportChoices) -> None:
        for key, value in choices.saved().items():
            self._settings.setValue(f"export/{key}", value)
        self._settings.sync()

    # -- who uses this laptop -----------------------------------------------------------------
    @property
    def profile(self) -> UserProfile | None:
        """Who the person is, from their profile; ``None`` before they have said."""
        try:
            return self.profile_file.read()
        except UserError as problem:
            # A damaged profile is asked for again (and rewritten) rather than stopping the
            # window from opening at all.
            log.warning("%s", problem)
            return None

    @property
    def profile_name(self) -> str | None:
        known = self.profile
        return known[0] if known else None

    def remember_profile(self, name: str, agency: Agency, role: Role) -> None:
        """Save who the person is, for the window and the commands alike."""
        self.profile_file.write(UserProfile(name, agency, role))

    def _carry_over_profile(self) -> None:
        # Earlier versions kept the profile in this ini file, where the commands (which
        # never load Qt) could not read it. Move it to the profile file once, so nobody is
        # asked again, and drop it here so an old copy never overrides a newer profile.
        if not self._settings.contains(f"{_OLD_PROFILE_GROUP}/name"):
            return
        old = self._old_profile()
        if old is not None and not self.profile_file.exists():
            try:
                self.profile_file.write(old)
            except UserError as problem:
                log.warning("your profile could not be moved to its own file: %s", problem)
                return  # left here, to try again next time
        self._settings.remove(_OLD_PROFILE_GROUP)
        self._settings.sync()

    def _old_profile(self) -> UserProfile | None:
        name = str(self._settings.value(f"{_OLD_PROFILE_GROUP}/name", ""))
        try:
            agency = Agency(str(self._settings.value(f"{_OLD_PROFILE_GROUP}/agency")))
            role = Role(str(self._settings.value(f"{_OLD_PROFILE_GROUP}/role")))
        except ValueError:
            return None
        return UserProfile(name.strip(), agency, role) if name_problem(name) is None else None

    def _flag(self, key: str) -> bool:
        value = self._settings.value(key, False)
        return value in (True, "true", "1", 1)
