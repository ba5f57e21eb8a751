# The README's commands are these targets. Everything a fresh machine needs
# (virtualenv, Python packages, design-system assets, database, demo content)
# is made here; running a target again reuses what exists.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
TEST_WORKERS ?= auto
DKFDS := site/static/vendor/dkfds/css/dkfds.min.css

export PORT

.PHONY: run install assets messages makemessages migrate demo runserver serve test coverage test-cluster lint lock clean browser-deps

run: install assets messages migrate demo runserver

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# Det Fælles Designsystem from npm, copied into site/static/vendor (git-ignored).
$(DKFDS): package.json package-lock.json scripts/copy-assets.mjs
	npm ci --no-audit --no-fund
	npm run build

assets: $(DKFDS)

# Interface strings: the catalogues (site/locale/<lang>/LC_MESSAGES/django.po and
# danish_admin's) compiled to the .mo files Django reads, which are not committed.
messages: install
	$(BIN)/python site/catalogues.py

# After adding or changing interface strings: update the catalogues from the code,
# then translate the new entries (tests/test_translations.py fails until they are).
# Needs GNU gettext (xgettext).
makemessages: install
	$(BIN)/python manage.py makemessages -l da -l en --no-obsolete --add-location=file \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench --ignore=danish_admin

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Idempotent: unchanged pages are left alone, so this is safe on every run.
# setup_demo_users gives the demo users new passwords on every run and prints
# them when DEBUG is on (settings.dev, which manage.py uses, has it on).
demo: migrate
	$(BIN)/python manage.py import_content content/demo
	$(BIN)/python manage.py sync_languages
	$(BIN)/python manage.py setup_permissions
	$(BIN)/python manage.py setup_demo_users
	$(BIN)/python manage.py rebuild_search_index

runserver:
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, log in as one of the demo users printed above)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production on one machine: gunicorn (settings.production, workers from the core count)
# and the task worker beside it. Needs SECRET_KEY and ALLOWED_HOSTS, and a migrated
# database (README, "Serving in production").
serve: install assets messages
	HOST=$(HOST) scripts/serve.sh

# Lint (ruff, formatting, the import layers), migrations in step with the models,
# then the whole suite. On SQLite by
# default; set DATABASE_URL to run it on PostgreSQL (as .ci/run does).
# The suite runs on every core (pytest-xdist; each worker has its own test
# database); tests that share data run together on one worker (tests/conftest.py).
# TEST_WORKERS=0 runs it in one process.
# The assets give the browser tests the design system's CSS and axe-core.
test: lint assets messages
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The suite with a line-coverage report of the apps. Not part of `make test`: on
# Python 3.11 coverage's tracer makes the suite about a third slower, and CI runs
# it twice (SQLite and PostgreSQL).
coverage: install assets messages
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --cov --cov-report=term:skip-covered

# Two app servers, a task worker and an S3 server on this machine, sharing PostgreSQL
# and Redis (tests/test_cluster.py). Needs DATABASE_URL (PostgreSQL) and REDIS_URL.
test-cluster: install assets messages
	$(BIN)/python -m pytest -m cluster tests/test_cluster.py -p no:xdist -v

# Debian's Chromium, for tests/browser on a machine without it (they skip, saying why).
# Not a prerequisite of `make test`; needs root. Playwright drives this browser: never
# `playwright install`.
browser-deps:
	apt-get update && apt-get install -y chromium

# The import layers are contracts in pyproject.toml ([tool.importlinter]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=.:site $(BIN)/lint-imports --no-cache

lock: install
	{ echo "# Every package the site and its tests install, pinned (the lock)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf $(VENV) node_modules site/static/vendor var
