# The few commands people use. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install migrate reference-data sample-data bench geojson messages clean

run: install migrate reference-data sample-data
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $(STAMP)

# The release step: migrations, then the reference rows the database lacks
# (existing rows are never changed, so curators' edits survive).
migrate: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput

reference-data: install
	DJANGO_DEBUG=1 $(MANAGE) load_reference_data

sample-data: install
	DJANGO_DEBUG=1 $(MANAGE) load_sample_data

bench: install
	$(BIN)/python scripts/bench.py

# Rebuild static/geo/california-counties.geojson and fixtures/counties.json
# from the us-atlas npm package (needs npm).
geojson: install
	rm -rf .build/us-atlas && mkdir -p .build/us-atlas
	cd .build/us-atlas && npm pack --silent us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
	DJANGO_DEBUG=1 $(BIN)/python scripts/build_county_geojson.py .build/us-atlas/package/counties-10m.json

# The Spanish catalogue: extract every marked string into locale/es (new ones
# arrive with an empty msgstr for a translator), then compile the .mo, which is
# committed so that running the site needs no gettext tools. Needs gettext.
# tests/test_translations.py ignores the same paths.
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=build --ignore=media
messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages --locale=es --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --locale=es $(MESSAGES_IGNORE)

clean:
	rm -rf $(VENV) .build staticfiles db.sqlite3 .pytest_cache .ruff_cache
