"""The names in a zip's central directory exactly as they are written there.

Python's zipfile cuts a name at its first NUL byte (``audits/x.json\\0evil.exe`` is listed
as ``audits/x.json``), so a name check on what it lists never sees the NUL, while another
program extracting the file may use the whole name. The central directory is read again
here, byte for byte, so the names checked are the names in the file.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

_SIGNATURE = b"PK\x01\x02"
# A central directory entry: 46 bytes, then the name, extra field and comment, whose
# lengths are the three little-endian 16-bit numbers at offset 28.
_FIXED = 46
_LENGTHS = struct.Struct("<HHH")
_UTF8_FLAG = 0x800


class DirectoryMismatch(ValueError):
    """The central directory is not where, or not what, zipfile read."""


def raw_names(archive: zipfile.ZipFile, handle: BinaryIO) -> list[str]:
    """Each member's whole name, in the order of ``archive.infolist()``, decoded as
    zipfile decodes it (UTF-8 when flagged, otherwise code page 437) but never cut.

    ``handle`` is the same file, opened separately (zipfile's own handle is private)."""
    infos = archive.infolist()
    if archive.start_dir < 0:
        raise DirectoryMismatch("the central directory starts before the file does")
    handle.seek(archive.start_dir)
    names = []
    for info in infos:
        fixed = handle.read(_FIXED)
        if len(fixed) != _FIXED or fixed[:4] != _SIGNATURE:
            raise DirectoryMismatch("a central directory entry is not where zipfile found it")
        name_length, extra_length, comment_length = _LENGTHS.unpack_from(fixed, 28)
        raw = handle.read(name_length)
        if len(raw) != name_length:
            raise DirectoryMismatch("the central directory ends early")
        handle.seek(extra_length + comment_length, 1)
        encoding = "utf-8" if info.flag_bits & _UTF8_FLAG else "cp437"
        try:
            names.append(raw.decode(encoding))
        except UnicodeDecodeError as error:
            raise DirectoryMismatch("a name is not UTF-8 though flagged as such") from error
    return names
