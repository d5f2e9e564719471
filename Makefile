# Two commands for a fresh machine (Python 3.11+):
#   make run    open AuditDesk on your default database
#   make test   every check and test
# Each builds the local virtual environment (.venv) the first time, and again whenever
# pyproject.toml changes.
# On Debian or Ubuntu, install the system packages listed under Set-up in README.md first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean package package-check

run: $(STAMP)
	$(BIN)/auditdesk $(ARGS)

# One test process per core; each test file stays in one process, so a file's shared
# fixtures (a large demo database, say) are built once. `.venv/bin/pytest FILE` runs in one.
# Then the packaged app is built and runs its own self-test, as a laptop without Python
# would run it (about a minute: docs/packaging.md).
test: $(STAMP) lint
	$(BIN)/pytest -n auto --dist loadfile
	$(MAKE) --no-print-directory package-check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The performance budgets in docs/performance.md, measured here, not asserted in tests.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all $(ARGS)

# The packaged app for laptops with no Python (build.spec; docs/packaging.md): a folder,
# dist/AuditDesk/, with the AuditDesk executable in it. build/ and dist/ are ignored by git.
package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/AuditDesk

# The packaged app's own self-test (`make test` ends with it, so CI runs it too).
package-check: package
	dist/AuditDesk/AuditDesk selftest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .import_linter_cache

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
		"AuditDesk needs Python 3.11 or newer: run make with PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $(STAMP)
