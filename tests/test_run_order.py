"""The order tests are handed out in (tests/conftest.py): files with a slow test first, then
the others, most tests first; each file's tests together and in their own order."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.conftest import pytest_collection_modifyitems


@dataclass
class Collected:
    nodeid: str
    markers: list[str] = field(default_factory=list)

    def get_closest_marker(self, name: str) -> str | None:
        return name if name in self.markers else None


def test_slow_files_first_then_the_files_with_most_tests() -> None:
    items = [
        Collected("tests/a.py::one"),
        Collected("tests/b.py::one"),
        Collected("tests/b.py::two"),
        Collected("tests/walk.py::walk", ["slow"]),
        Collected("tests/c.py::one"),
        Collected("tests/c.py::two", ["slow"]),
        Collected("tests/c.py::three"),
    ]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    assert [item.nodeid for item in items] == [
        "tests/walk.py::walk",
        "tests/c.py::one",
        "tests/c.py::two",
        "tests/c.py::three",
        "tests/b.py::one",
        "tests/b.py::two",
        "tests/a.py::one",
    ]


def test_xdist_keeps_that_order(pytestconfig: pytest.Config) -> None:
    if not hasattr(pytestconfig.option, "loadscopereorder"):
        pytest.skip("pytest-xdist is not installed")
    assert pytestconfig.option.loadscopereorder is False
