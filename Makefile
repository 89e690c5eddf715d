# Newsroom: `make run` for a local site, `make test` for the test suite,
# `make serve` to serve it as production does (DEBUG=0, gunicorn).
# Needs only Python >= 3.12 (Django 6); SQLite is the default database.

.DEFAULT_GOAL := run
.PHONY: venv run serve test bench evaluate migrate clean

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

# pip runs again only when requirements.txt is newer than the stamp. Then every
# app's translations (*/locale/*/LC_MESSAGES/*.po) are compiled, those
# changed since the last build only, in pure Python: no GNU gettext needed.
venv: $(STAMP)
	@$(PY) -m newsroom.catalogues

migrate: venv
	$(PY) manage.py migrate --noinput

# Something in each room: the seed issues are published as printed (the site
# has stories), except the newest issue's pages, which are imported into the
# desk's queue to go through 三审 (初审, 复审, 终审) and 签发. The newest is
# the latest seeds/<publication>/<YYYY-MM-DD> date, whichever paper it is.
SEED_ISSUES := $(sort $(wildcard seeds/*/[0-9]*))
SEED_NEWEST := $(lastword $(sort $(notdir $(SEED_ISSUES))))
SEEDS_QUEUED := $(filter %/$(SEED_NEWEST),$(SEED_ISSUES))
SEEDS_PUBLISHED := $(filter-out $(SEEDS_QUEUED),$(SEED_ISSUES))
IMPORT_SEEDS := $(PY) manage.py import_seeds --publish $(SEEDS_PUBLISHED) && $(PY) manage.py import_seeds $(SEEDS_QUEUED)

# The task worker (linking, large search batches: see README, "Background
# tasks") runs in the background beside runserver, from before the import
# (which enqueues the seed pages' linking) until runserver exits; the trap
# stops it on Ctrl-C or any other exit. Set TASKS_BACKEND=immediate to run
# tasks in the process that enqueues them instead (no worker is started).
run: migrate
	$(PY) manage.py loaddata fixtures/sections.json fixtures/groups.json fixtures/gazetteer.json
	@if [ "$$TASKS_BACKEND" = "immediate" ]; then \
	  $(IMPORT_SEEDS) && $(PY) manage.py ensure_editor && exec $(PY) manage.py runserver 127.0.0.1:8000; \
	fi; \
	$(PY) manage.py db_worker --no-reload --interval 0.5 --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	echo "task worker started (pid $$worker)"; \
	$(IMPORT_SEEDS) && $(PY) manage.py ensure_editor && $(PY) manage.py runserver 127.0.0.1:8000

# As production runs: DEBUG=0 stores static files under hashed names, and every
# page asks collectstatic's manifest for them, so it runs first, with DEBUG=0
# too (with DEBUG on it writes no manifest). whitenoise serves them from
# gunicorn. One worker process, with threads: the default page cache is per
# process, and a second worker would keep serving pages the first had
# invalidated (see README, "More than one worker").
SERVE_BIND := 127.0.0.1:8000
SERVE_WORKERS := 1
SERVE_THREADS := 4

serve: venv
	@if [ -z "$$SECRET_KEY" ]; then echo "error: make serve runs with DEBUG=0 and needs SECRET_KEY (see README, Production)." >&2; exit 1; fi
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 exec $(VENV)/bin/gunicorn newsroom.wsgi --bind $(SERVE_BIND) \
	  --workers $(SERVE_WORKERS) --threads $(SERVE_THREADS) --access-logfile -

# One test process per core (pytest-xdist), each with a test database of its
# own; a module's tests stay in one process (--dist loadfile), so what a module
# builds once (the seeded archive, the browser) is built once. The modules that
# took longest last time start first (tests/ordering.py), so that the processes
# finish together; --no-loadscope-reorder keeps xdist from putting the modules
# with the most tests first instead. TEST_WORKERS=0
# runs the suite in a single process; with a Redis cache it always does
# (tests/conftest.py: the workers would empty each other's cache).
TEST_WORKERS := auto

test: venv
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

bench: venv
	$(PY) bench/run.py $(BENCH)

# Score the parser on the corpus answer keys (corpus/README.md), dev and test
# apart. Options: make evaluate EVAL="--split dev --show-failures".
evaluate: venv
	$(PY) manage.py evaluate_parser $(EVAL)

clean:
	rm -rf $(VENV) var .pytest_cache
