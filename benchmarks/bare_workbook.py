"""The bare baseline for the Board workbook: openpyxl's write-only loop writing given cells,
and nothing else. ``bench_exports`` runs it as a script, in its own process, so the time it
takes from outside counts the interpreter starting and openpyxl importing, as the export's
does.

    python benchmarks/bare_workbook.py CELLS.pickle OUT.xlsx

CELLS.pickle holds ``[(sheet title, [row values, ...]), ...]``. Loading it is work the
baseline would not do (a real program gets its values some other way, and the export's
getting them is what is being measured against it), so it is timed here and printed as JSON
for ``bench_exports`` to take off the process's own time.
"""

from __future__ import annotations

import gc
import json
import pickle
import sys
import time

from openpyxl import Workbook  # type: ignore[import-untyped]


def main(cells: str, target: str) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    with open(cells, "rb") as source:
        sheets = pickle.load(source)
    # Millions of loaded values would otherwise make every garbage collection during the
    # loop walk them all, slowing the baseline for a reason the export does not have.
    gc.collect()
    gc.freeze()
    loading = {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(target)
    print(json.dumps({"loading": loading}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
