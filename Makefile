# Whosaid: `make run` serves the product, `make test` checks everything. Both work on a fresh machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ENGINE := build/engine/manifest.json
ENGINE_SOURCES := $(wildcard quotes/extraction/*.py) lexicon/__init__.py
HOST ?= 127.0.0.1
PORT ?= 8000
PGDATA_DIR ?= .pgdata
# Local development runs with DEBUG on and the embedded PostgreSQL unless DATABASE_URL is set.
RUN_ENV := DEBUG=$${DEBUG:-1}

.PHONY: install compile run serve migrate seed test test-browser lint typecheck check-migrations pytest check bench eval leakcheck db-stop clean

install: $(STAMP) $(ENGINE)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

# The extraction engine compiled with mypyc (quotes/extraction/compiled.py): same output, faster.
# Rebuilt when an engine source changes; until then the package runs the Python source.
compile: $(ENGINE)

$(ENGINE): $(STAMP) $(ENGINE_SOURCES)
	$(PY) -m quotes.extraction compile

migrate: install
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py createcachetable

seed: migrate
	$(RUN_ENV) $(PY) manage.py ingest seeds/

serve:
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

run: seed serve

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy .

check-migrations: install
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py makemigrations --check --dry-run

pytest: install
	$(VENV)/bin/pytest

test: lint typecheck check-migrations pytest

# The browser tests alone (Playwright driving the system's Chromium, never a downloaded one).
# `make test` runs them too but skips them, saying why, where no Chromium is installed;
# here a missing Chromium fails. Screenshots land in tests/web/browser/screenshots/.
test-browser: install
	WHOSAID_REQUIRE_BROWSER=1 $(VENV)/bin/pytest tests/web/browser

check: test

# Evaluation wording (6-word runs) or evaluation speakers' names in tests, word lists and source:
# exits 1 and lists each with file:line. Needs the evaluation data (EVAL), which CI has not, so
# `make test` leaves it out.
EVAL ?= ../shared/eval
leakcheck:
	$(PY) -m quotes.extraction leakcheck $(EVAL)

# Always stops the embedded server, even when its list of attached processes is stale or truncated.
db-stop:
	$(PY) -c "import pathlib; from config.embedded_postgres.server import stop_server; print(stop_server(pathlib.Path('$(PGDATA_DIR)').resolve()))"

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

# Fuzz the whole API from its own OpenAPI schema (schemathesis): a live server on 127.0.0.1,
# on the test database, every phase; then gunicorn with DEBUG off over FUZZ_QUOTES quotes
# (benchmarks/fuzz_server.py). FUZZ_EXAMPLES, FUZZ_PHASES and FUZZ_SEED tune it; the
# test suite runs a short version of the same harness (tests/api/test_fuzz.py).
.PHONY: fuzz
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} \
	FUZZ_PHASES=$${FUZZ_PHASES:-examples,coverage,fuzzing,stateful} \
	FUZZ_SEED=$${FUZZ_SEED-} \
	$(VENV)/bin/pytest tests/api/test_fuzz.py --liveserver 127.0.0.1 -p no:warnings --timeout 0
	$(PY) benchmarks/fuzz_server.py --quotes $${FUZZ_QUOTES:-20000} --examples $${FUZZ_EXAMPLES:-100}
