# powerwith — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

STATIC_DIST := src/powerwith/static/dist

.PHONY: help install assets demo test test-fast lint format bench clean

help:
	@echo "make demo   install, migrate, load the demo data and serve on 127.0.0.1:$(PORT)"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff, mypy and the template linter"

install: .venv/.installed $(STATIC_DIST)/.built

.venv/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# GOV.UK Frontend and htmx come from the npm registry and are served by us, never a CDN.
$(STATIC_DIST)/.built: node_modules/.installed src/powerwith/assets/powerwith.scss
	mkdir -p $(STATIC_DIST)
	npm run --silent build:css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(STATIC_DIST)/
	cp node_modules/htmx.org/dist/htmx.min.js $(STATIC_DIST)/
	@touch $@

assets: $(STATIC_DIST)/.built

demo: install
	$(UV) run --frozen powerwith demo --port $(PORT)

test: install
	$(UV) run --frozen pytest

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	POWERWITH_TESTING=1 $(UV) run --frozen mypy
	$(UV) run --frozen djlint src/powerwith --lint
	$(UV) run --frozen python scripts/check_tenancy.py

format: install
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

clean:
	rm -rf .venv node_modules $(STATIC_DIST) var
