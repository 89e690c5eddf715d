# Newsroom: `make run` for a local site, `make test` for the test suite.
# Needs only Python >= 3.12 (Django 6); SQLite is the default database.

.DEFAULT_GOAL := run
.PHONY: venv run test bench evaluate migrate clean

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed

# Find an interpreter >= 3.12: python3.13/python3.12 on PATH, then pyenv
# builds. Each candidate is run, not just found, because pyenv shims exist on
# PATH even for versions that are not active and then fail.
FIND_PYTHON := for c in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do \
	  if "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then command -v "$$c"; exit 0; fi; \
	done; exit 1

$(STAMP): requirements.txt
	@# (Re)create the venv unless it already runs a new enough Python.
	@if ! $(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
	  rm -rf $(VENV); \
	  base="$$($(FIND_PYTHON))" || { echo "error: Newsroom needs Python >= 3.12 (Django 6). Install one, e.g. 'pyenv install 3.12', and run make again." >&2; exit 1; }; \
	  echo "creating $(VENV) with $$base"; \
	  "$$base" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

# pip runs again only when requirements.txt is newer than the stamp.
venv: $(STAMP)

migrate: venv
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py loaddata fixtures/sections.json fixtures/groups.json fixtures/gazetteer.json
	$(PY) manage.py import_seeds --publish
	$(PY) manage.py ensure_editor
	$(PY) manage.py runserver 127.0.0.1:8000

test: venv
	$(PY) -m pytest

bench: venv
	$(PY) bench/run.py $(BENCH)

# Score the parser on the corpus answer keys (corpus/README.md), dev and test
# apart. Options: make evaluate EVAL="--split dev --show-failures".
evaluate: venv
	$(PY) manage.py evaluate_parser $(EVAL)

clean:
	rm -rf $(VENV) var .pytest_cache
