"""What the person chose in File > Export last time, so the dialog offers it again: where
the files went, the period, which files, and whether to open them when done.

Only what the person chose is kept. The filters, the suppression threshold and the working
copy are not: a threshold lowered, or a working copy chosen, once for a private look must
never be the next export's without being chosen again, and filters belong to one
question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

CUSTOM = "custom"  # the period was chosen by its dates
_TRUE, _FALSE = "true", "false"


@dataclass(frozen=True)
class ExportChoices:
    """The dialog's own starting point when nothing was chosen yet: both files, into the
    folder the dialog suggests, for the first period listed, not opened afterwards."""

    workbook_folder: Path | None = None
    pack_folder: Path | None = None
    period: str | None = None  # a listed period's label, or CUSTOM
    custom_from: date | None = None
    custom_to: date | None = None
    workbook: bool = True
    pack: bool = True
    open_after: bool = False

    def saved(self) -> dict[str, str]:
        """As text for a settings file ("" where nothing was chosen)."""
        return {
            "workbook_folder": str(self.workbook_folder or ""),
            "pack_folder": str(self.pack_folder or ""),
            "period": self.period or "",
            "custom_from": self.custom_from.isoformat() if self.custom_from else "",
            "custom_to": self.custom_to.isoformat() if self.custom_to else "",
            "workbook": _TRUE if self.workbook else _FALSE,
            "pack": _TRUE if self.pack else _FALSE,
            "open_after": _TRUE if self.open_after else _FALSE,
        }

    @classmethod
    def from_saved(cls, saved: dict[str, object]) -> ExportChoices:
        """Read back what :meth:`saved` wrote; anything missing or unreadable (an edited
        or older file) is taken as never chosen."""
        default = cls()
        return cls(
            workbook_folder=_folder(saved.get("workbook_folder")),
            pack_folder=_folder(saved.get("pack_folder")),
            period=str(saved["period"]) if saved.get("period") else None,
            custom_from=_day(saved.get("custom_from")),
            custom_to=_day(saved.get("custom_to")),
            workbook=_flag(saved.get("workbook"), default.workbook),
            pack=_flag(saved.get("pack"), default.pack),
            open_after=_flag(saved.get("open_after"), default.open_after),
        )


#: The names :meth:`ExportChoices.saved` writes under.
SAVED_NAMES = tuple(ExportChoices().saved())


def _folder(value: object) -> Path | None:
    return Path(str(value)) if value else None


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _flag(value: object, default: bool) -> bool:
    if value in (True, _TRUE):
        return True
    if value in (False, _FALSE):
        return False
    return default
