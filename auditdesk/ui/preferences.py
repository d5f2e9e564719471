"""Window and accessibility preferences, kept in an ini file in the AuditDesk folder (so
``AUDITDESK_HOME`` moves them too) rather than the registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role

MIN_SCALE, MAX_SCALE = 0.8, 2.5


class Preferences:
    def __init__(self, file: Path | None = None) -> None:
        self.path = file or paths.settings_file()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

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

    # -- who uses this laptop -----------------------------------------------------------------
    @property
    def profile(self) -> tuple[str, Agency, Role] | None:
        name = self._settings.value("profile/name")
        try:
            agency = Agency(str(self._settings.value("profile/agency")))
            role = Role(str(self._settings.value("profile/role")))
        except ValueError:
            return None
        return (str(name), agency, role) if name else None

    @property
    def profile_name(self) -> str | None:
        known = self.profile
        return known[0] if known else None

    def remember_profile(self, name: str, agency: Agency, role: Role) -> None:
        self._settings.setValue("profile/name", name)
        self._settings.setValue("profile/agency", agency.value)
        self._settings.setValue("profile/role", role.value)
        self._settings.sync()

    def _flag(self, key: str) -> bool:
        value = self._settings.value(key, False)
        return value in (True, "true", "1", 1)
