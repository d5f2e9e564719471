"""Whatever is done to a real bundle, importing it either works or is refused in plain
words: never a crash, never a half-import.

Real bundles are written by AuditDesk from a small demo database (every template,
repeated sections, actions, a moderation), then mutated (see :mod:`tests.bundles.fuzzing`)
and given to the services ``auditdesk bundle import`` and the window use: the preview,
then the import, into an empty database and into the sender's own (where records are
known, so changes become updates and conflicts). The only exceptions allowed are
``UserError`` subclasses with a message; a refused import leaves the database exactly as it
was; and nothing shown (preview or message) holds a control character.

Here the bytes are mutated (the zip as it arrives); the zip's members are mutated in
test_fuzzed_bundle_members.py, the JSON inside in test_fuzzed_bundle_json.py. Derandomized,
so the suite runs the same examples every time (tests/bundles/fuzzed_imports.py).
"""

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
from tests.bundles.fuzzing import byte_mutations

pytestmark = pytest.mark.logs_errors  # refusals of intact bundles are logged at ERROR


@pytest.mark.slow
@fuzzed(EXAMPLES_OF_EACH_KIND)
@given(data=st.data())
def test_a_mutated_bundle_is_imported_or_refused_plainly(world: World, data: st.DataObject) -> None:
    import_or_refuse(world, data, (byte_mutations,))
