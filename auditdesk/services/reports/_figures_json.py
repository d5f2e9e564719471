"""Board figures as JSON and back, for keeping them in the database (never pickle: a
database file can come from anyone, and unpickling runs what it says).

The figures are frozen dataclasses of plain values, so one walk over their type hints
does both ways: a dataclass is an object of its fields, a tuple a list, a date or time
its ISO text, an enum its value. What comes back is equal to what went in (a test
checks), and a text that does not fit the figures' shape is refused with ``ValueError``.
"""

from __future__ import annotations

import json
import types
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from auditdesk.domain.board_figures import BoardFigures


def figures_to_json(figures: BoardFigures) -> str:
    return json.dumps(_plain(figures), separators=(",", ":"), ensure_ascii=False)


def figures_from_json(text: str) -> BoardFigures:
    try:
        built = _build(BoardFigures, json.loads(text))
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not Board figures of this version: {error}") from error
    assert isinstance(built, BoardFigures)
    return built


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)


def _build(kind: Any, data: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        choices = [arg for arg in get_args(kind) if arg is not type(None)]
        if data is None:
            return None
        if len(choices) != 1:
            raise TypeError(f"cannot tell which of {kind} is meant")
        return _build(choices[0], data)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in data)
        return tuple(_build(arg, item) for arg, item in zip(args, data, strict=True))
    if is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        if not isinstance(data, dict) or set(data) != {field.name for field in fields(kind)}:
            raise TypeError(f"the fields of {kind.__name__} differ")
        return kind(**{name: _build(hints[name], value) for name, value in data.items()})
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data
