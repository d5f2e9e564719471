"""Who the person at this computer is: their name, agency and role, kept in a small file in
their own AuditDesk folder (:func:`auditdesk.paths.profile_file`).

It is theirs, never a database's. The window and every command that records or prints who
did something read it here; a database only learns who is working in it
(:func:`auditdesk.services.kernel._people.use_profile`). Opening somebody else's database (the
demo's, a colleague's) must never change who the person is.

No Qt here, so the headless commands can use it as the window does.
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from contextlib import suppress
from pathlib import Path
from typing import Any, NamedTuple

from auditdesk import paths
from auditdesk.domain import limits
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import FileProblem, InvalidInput

HOW_TO_SET = 'auditdesk profile --name "Your Name" --agency AGENCY --role ROLE'


class UserProfile(NamedTuple):
    """A person's own details (a tuple, so ``use_profile(db, *profile)`` reads plainly)."""

    name: str
    agency: Agency
    role: Role

    def describe(self) -> str:
        """``Priya Shah (Health, quality lead)``: how messages name the person."""
        return f"{self.name} ({self.agency.label}, {self.role.label.lower()})"


def name_problem(name: str) -> str | None:
    """What is wrong with ``name`` as a person's own name, or ``None`` if nothing is.

    The one rule for the window's welcome form and ``auditdesk profile``, so whatever one
    accepts the other does too (and a database's auditor record can hold it).
    """
    cleaned = name.strip()
    if not cleaned:
        return "Enter your name to continue."
    if len(cleaned) > limits.PERSON_NAME:
        return f"Your name is too long ({limits.PERSON_NAME} characters at most)."
    # The form's one-line box cannot hold these; a command-line argument can, and a line
    # break in a name would split the "Produced by" line of every export.
    if any(unicodedata.category(character) == "Cc" for character in cleaned):
        return "Write your name on one line, without tabs or other control characters."
    return None


def checked_profile(name: str, agency: Agency, role: Role) -> UserProfile:
    """The profile with the name tidied, or :class:`InvalidInput` saying what is wrong."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidInput(problem)
    return UserProfile(name.strip(), agency, role)


class ProfileFile:
    """The file holding the profile: read it, or replace it whole (never half written)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.profile_file()

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> UserProfile | None:
        """The profile, or ``None`` before one has been set.

        Raises :class:`FileProblem` if the file cannot be read or does not hold a profile.
        """
        try:
            content = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise self._unreadable(error.strerror or str(error)) from None
        try:
            return _from_json(json.loads(content))
        except (ValueError, KeyError, TypeError, InvalidInput):
            raise self._unreadable("it is damaged") from None

    def write(self, profile: UserProfile) -> UserProfile:
        """Save ``profile`` (checked first), replacing any before it, and return it as saved."""
        checked = checked_profile(*profile)
        text = json.dumps(
            {"name": checked.name, "agency": checked.agency.value, "role": checked.role.value},
            ensure_ascii=False,
            indent=2,
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _replace_whole(self.path, text + "\n")
        except OSError as error:
            raise FileProblem(
                f"Your profile could not be saved in {self.path.parent} "
                f"({error.strerror or error}). Check that you may write to that folder and "
                "that the disk is not full, then try again."
            ) from None
        return checked

    def _unreadable(self, why: str) -> FileProblem:
        return FileProblem(
            f"Your profile in {self.path} cannot be read ({why}). Set it again, with "
            f"{HOW_TO_SET} or from Help > Your profile in AuditDesk's window."
        )


def _from_json(data: Any) -> UserProfile:
    if not isinstance(data, dict) or not isinstance(data["name"], str):
        raise TypeError("not a profile")
    return checked_profile(data["name"], Agency(data["agency"]), Role(data["role"]))


def _replace_whole(target: Path, text: str) -> None:
    # Written beside the target and renamed over it: a crash or a full disk leaves the old
    # profile or the new one, never a torn file that would stop every export.
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".partial", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()
