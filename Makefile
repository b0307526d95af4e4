# Two commands for a newcomer: `make demo` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test lint install serve clean chromium pdf-libs bench wrk

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed pdf-libs

# The demo: SQLite and an embedded broker unless DATABASE_URL / REDIS_URL say otherwise.
demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(MAKE) serve

serve:
	mkdir -p var/celery/queue var/celery/processed var/celery/control
	@echo "Serving Oversight on http://127.0.0.1:8000 (worker and beat running; Ctrl-C stops both)"
	trap 'kill 0' EXIT INT TERM; \
	$(PY) -m celery -A oversight worker --beat --concurrency 1 --loglevel INFO & \
	$(PY) manage.py runserver 127.0.0.1:8000 --noreload

# The whole suite against the real PostgreSQL and Redis. DATABASE_URL's user owns the test database and
# migrates it; the tests then connect as the application's least-privilege role (tests/conftest.py).
test: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/oversight
test: export REDIS_URL ?= redis://127.0.0.1:6379/0
test: export TEST_APP_DB_ROLE ?= oversight_app
test: install chromium
	$(MAKE) lint
	DATABASE_URL=sqlite://:memory: $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest; status=$$?; \
	echo "Browser screenshots of the journeys: $(CURDIR)/test-artifacts/screenshots/"; exit $$status

# Style and security checks (configured in pyproject.toml); `make test` runs them first.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/bandit -c pyproject.toml -r . -q

# The browser tests drive Debian's chromium (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# WeasyPrint (the monthly report as PDF) needs Pango, and a font, from Debian's packages.
pdf-libs:
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation; }

# Benchmarks (README, Performance): per size its own database, seeded at scale once, then measured.
# `make bench SIZES=large` runs one size; BENCH_DATABASE_URL_BASE points at another PostgreSQL server.
SIZES ?= large national
BENCH_DATABASE_URL_BASE ?= postgres://postgres@127.0.0.1:5432
bench: install wrk
	@for size in $(SIZES); do \
	  db=oversight_bench_$$size; url="$(BENCH_DATABASE_URL_BASE)/$$db"; \
	  psql "$(BENCH_DATABASE_URL_BASE)/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$$db'" | grep -q 1 \
	    || psql "$(BENCH_DATABASE_URL_BASE)/postgres" -qc "CREATE DATABASE $$db" || exit 1; \
	  echo "== $$size: $$db"; \
	  DATABASE_URL="$$url" $(PY) manage.py migrate --noinput -v 0 || exit 1; \
	  DATABASE_URL="$$url" DJANGO_SETTINGS_MODULE=bench.settings $(PY) manage.py seed_scale --size $$size || exit 1; \
	  DATABASE_URL="$$url" DJANGO_SETTINGS_MODULE=bench.settings $(PY) manage.py bench --size-label $$size || exit 1; \
	done

# The load test drives gunicorn with wrk, from Debian's packages.
wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

clean:
	rm -rf $(VENV) node_modules var db.sqlite3 staticfiles
