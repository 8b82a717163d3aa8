# Developer entry points. `make run` starts the app on http://127.0.0.1:8000 (SQLite unless
# DATABASE_URL is set); `make test` runs the whole pipeline (see scripts/test.sh).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RUFF   := $(VENV)/bin/ruff
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Extra pytest arguments: make test ARGS="-k smoke -x"
ARGS   ?=
# Set DEMO=0 to skip loading demo data (the seed_demo step runs only if that command exists).
DEMO   ?= 1

.PHONY: help run venv install install-dev migrate load demo test guide bench load-test lint format hooks clean

help:
	@echo "make run     - install, migrate, load the road map, (demo data), runserver $(HOST):$(PORT)"
	@echo "make test    - ruff + pytest against a throwaway PostgreSQL, browser tests included"
	@echo "make guide   - the user guide's screenshots (guide/static/guide/shots/, commit them) and PDFs"
	@echo "make bench   - latency and queries of the heavy pages at scale 1 and 20 (gunicorn + PostgreSQL)"
	@echo "make load-test - 20 concurrent agency admins for 30 s, with a PostgreSQL restart"
	@echo "make lint    - ruff check + ruff format --check + import-linter contracts"
	@echo "make format  - ruff check --fix + ruff format"
	@echo "make hooks   - install the git pre-commit hook (.pre-commit-config.yaml)"

$(PY):
	@# Debian's own python3 needs the python3-venv package for this.
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }

venv: $(PY)

install: venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt

install-dev: venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

migrate: install
	$(PY) manage.py migrate --noinput

load: migrate
	$(PY) manage.py load_roadmap
	$(PY) manage.py load_facts
	$(PY) manage.py load_pmprb

demo: load
	@if [ "$(DEMO)" = "1" ] && $(PY) manage.py help seed_demo >/dev/null 2>&1; then \
		echo "$(PY) manage.py seed_demo"; $(PY) manage.py seed_demo; \
	fi

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test:
	bash scripts/test.sh $(ARGS)

# The user guides (docs/guide.md): every step walked in Chromium on the demo data, its screenshot
# rewritten where it changed, and each guide printed to test-artifacts/panduan-<role>.pdf.
guide: install-dev
	SKIP_LINT=1 PYTEST_WORKERS=0 bash scripts/test.sh -q tests/test_guide.py tests/test_browser_guide.py
	@git status --short guide/static/guide/shots/
	@ls -l test-artifacts/panduan-*.pdf

# Benchmark and load run against gunicorn + a throwaway PostgreSQL (see scripts/bench.py, scripts/load.py).
bench: install-dev
	bash scripts/with_postgres.sh $(PY) scripts/bench.py $(ARGS)

load-test: install-dev
	bash scripts/with_postgres.sh $(PY) scripts/load.py $(ARGS)

lint: install-dev
	$(RUFF) check .
	$(RUFF) format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(RUFF) check --fix --exit-zero .
	$(RUFF) format .

# The hooks run tools from .venv (ruff, pre-commit-hooks, manage.py): see .pre-commit-config.yaml.
hooks: install-dev
	$(VENV)/bin/pre-commit install

clean:
	rm -rf .pytest_cache .ruff_cache test-artifacts staticfiles
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
