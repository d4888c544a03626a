# The few commands people use. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Installs come from the lock files (exact versions, every file's hash); pyproject.toml keeps
# the ranges, and `make lock` turns them into pins. The Dockerfile installs LOCK only.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
# The locking tool, pinned so that every `make lock` resolves the same way.
UV_VERSION := 0.13.9

.PHONY: run test lint format install lock migrate reference-data sample-data bench geojson county-svg messages clean backup restore

run: install migrate reference-data sample-data
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

# The suite on every core (pytest-xdist; each worker has its own test database and
# live server). PYTEST_WORKERS=0 runs it in one process. The 20 slowest tests are listed
# at the end, so that a run that grew slower says where.
PYTEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --durations=20 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/mypy
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(STAMP)

# Re-made whenever the development lock changes. The project is not a package (pyproject's
# packages = []), so there is nothing to install but the locked dependencies.
$(STAMP): $(DEV_LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	touch $(STAMP)

# Refresh both lock files from pyproject.toml. uv's universal resolution writes one lock for
# every Python >= 3.11 and platform (markers instead of the locking machine's answers), and
# hashes every file of each pinned version, so any machine's pip can check what it downloads.
# Pins that still fit pyproject are kept; `make lock LOCK_ARGS=--upgrade` moves every pin to
# the newest release allowed (LOCK_ARGS="--upgrade-package django" moves one). The development
# lock is constrained by the runtime one, so both pin the shared packages alike.
# --no-config: a developer's own uv settings must not change the lock.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --no-config --universal --generate-hashes \
	--custom-compile-command "make lock" --quiet $(LOCK_ARGS)
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) --output-file $(LOCK)
	$(UV_COMPILE) --extra dev --constraint $(LOCK) --output-file $(DEV_LOCK)

# The release step: migrations, then the reference rows the database lacks
# (existing rows are never changed, so curators' edits survive).
migrate: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput

reference-data: install
	DJANGO_DEBUG=1 $(MANAGE) load_reference_data

sample-data: install
	DJANGO_DEBUG=1 $(MANAGE) load_sample_data

# Database (pg_dump custom format, or dumpdata on SQLite) and media folder, into
# backups/<time>/ (BACKUP_DIR to change). See README.md, Operations.
backup: install
	bash scripts/backup.sh

# Into an empty database: make restore BACKUP=backups/<time>
restore: install
	bash scripts/restore.sh $(BACKUP)

bench: install
	$(BIN)/python scripts/bench.py

# Rebuild static/geo/california-counties.geojson and fixtures/counties.json
# from the us-atlas npm package (needs npm).
geojson: install
	rm -rf .build/us-atlas && mkdir -p .build/us-atlas
	cd .build/us-atlas && npm pack --silent us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
	DJANGO_DEBUG=1 $(BIN)/python scripts/build_county_geojson.py .build/us-atlas/package/counties-10m.json
	$(MAKE) county-svg

# The server-rendered county map's paths, projected and simplified once from the GeoJSON.
county-svg: install
	$(BIN)/python scripts/build_county_svg.py

# The Spanish catalogue: extract every marked string into locale/es (new ones
# arrive with an empty msgstr for a translator), then compile the .mo, which is
# committed so that running the site needs no gettext tools. Needs gettext.
# tests/test_translations.py ignores the same paths.
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=build --ignore=media
messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages --locale=es --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --locale=es $(MESSAGES_IGNORE)

clean:
	rm -rf $(VENV) .build staticfiles db.sqlite3 .pytest_cache .ruff_cache .mypy_cache
