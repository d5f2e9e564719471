"""Whatever is done to a real bundle's members (re-zipped with valid checksums, so the
change gets past the zip), importing it either works or is refused in plain words: never a
crash, never a half-import (see test_fuzzed_bundles.py and tests/bundles/fuzzed_imports.py).
Derandomized, so the suite runs the same examples every time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bundles.fuzzed_imports import (
    EXAMPLES_OF_EACH_KIND,
    World,
    fuzzed,
    import_or_refuse,
)
from tests.bundles.fuzzing import member_mutations

pytestmark = pytest.mark.logs_errors  # refusals of intact bundles are logged at ERROR


@pytest.mark.slow
@fuzzed(EXAMPLES_OF_EACH_KIND)
@given(data=st.data())
def test_a_bundle_with_mutated_members_is_imported_or_refused_plainly(
    world: World, data: st.DataObject
) -> None:
    import_or_refuse(world, data, (member_mutations,))
