"""The same figures are suppressed the same way every time they are exported.

Python salts the hashes of text differently in every process, so code that walks a set
of text keys can take a different path each run. Two copies of the same figures hiding
different cells would let a reader put them side by side and see both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# A table of counts whose suppression needs the combined check of every relation
# (auditdesk.domain.disclosure.worked_out) to pin more than one count at once.
CELLS = ((6, 6, 8, 12, 2), (1, 8, 6, 20, 12), (1, 0, 6, 3, 1), (0, 8, 40, 20, 0))
PROTECT = """
import json, sys
from auditdesk.domain.suppression import protect

cells = json.loads(sys.argv[1])
values, relations = {}, []
for r, row in enumerate(cells):
    for c, count in enumerate(row):
        values[f"row {r}, column {c}"] = count
    values[f"row {r}, total"] = sum(row)
    relations.append([*(f"row {r}, column {c}" for c in range(len(row))), f"row {r}, total"])
for c in range(len(cells[0])):
    values[f"total, column {c}"] = sum(row[c] for row in cells)
    relations.append([*(f"row {r}, column {c}" for r in range(len(cells))), f"total, column {c}"])
values["total"] = sum(map(sum, cells))
relations.append([*(f"total, column {c}" for c in range(len(cells[0]))), "total"])
decision = protect(values, relations, 5)
print(json.dumps({key: str(reason) for key, reason in decision.items()}, sort_keys=True))
"""


def test_the_same_table_hides_the_same_cells_in_every_process() -> None:
    hidden = {
        subprocess.run(
            [sys.executable, "-c", PROTECT, json.dumps(CELLS)],
            env=os.environ | {"PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert len(hidden) == 1, hidden
