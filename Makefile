# powerwith — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

STATIC_DIST := src/powerwith/static/dist

.PHONY: help install assets browser pdf-libs speech demo test lint audit format bench bench-pg fuzz clean

help:
	@echo "make demo   install, migrate, load the demo data and serve on 127.0.0.1:$(PORT)"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff, mypy, the template linter, the layers of the apps and the secrets check"
	@echo "make audit  pip-audit on the locked dependencies and bandit on the code"
	@echo "make bench  the matching and load benchmarks on 100,000 people (not part of make test)"
	@echo "make bench-pg  the load benchmark on a throwaway PostgreSQL it starts and removes"

install: .venv/.installed $(STATIC_DIST)/.built

.venv/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# GOV.UK Frontend, htmx and GOV.UK's accessible autocomplete come from the npm registry
# and are served by us, never a CDN (the autocomplete's styles are in powerwith.css).
$(STATIC_DIST)/.built: node_modules/.installed src/powerwith/assets/powerwith.scss Makefile
	mkdir -p $(STATIC_DIST)
	npm run --silent build:css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(STATIC_DIST)/
	cp node_modules/htmx.org/dist/htmx.min.js $(STATIC_DIST)/
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js \
	  node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js.map $(STATIC_DIST)/
	@touch $@

assets: $(STATIC_DIST)/.built

demo: install pdf-libs speech
	$(UV) run --frozen powerwith demo --port $(PORT)

# The suite runs on every core, up to four (TEST_WORKERS=1 for one process).
TEST_WORKERS ?= auto
test: install browser pdf-libs speech
	$(UV) run --frozen pytest -n $(TEST_WORKERS) --maxprocesses=4

# WeasyPrint (large-print PDFs) needs Pango and a sans-serif font from the system.
pdf-libs:
	@if ! ls /usr/lib/*/libpango-1.0.so.0 /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 \
	    || [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Pango and DejaVu fonts for PDF rendering"; \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	  else \
	    echo "PDF rendering needs Pango and DejaVu fonts: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
	    exit 1; \
	  fi; \
	fi

# Offers to listen to are spoken by Debian's espeak-ng (and encoded as MP3 by lameenc,
# from PyPI, which the lock file installs).
speech:
	@command -v espeak-ng >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's espeak-ng to read offers aloud"; \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq espeak-ng >/dev/null; \
	  else \
	    echo "Reading offers aloud needs espeak-ng: run 'sudo apt-get install espeak-ng'."; \
	    exit 1; \
	  fi; }

# The browser tests drive Debian's Chromium; Playwright never downloads a browser here.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v "$$CHROMIUM" >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM to its path)."; \
	    exit 1; \
	  fi; }

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	POWERWITH_TESTING=1 $(UV) run --frozen mypy
	$(UV) run --frozen djlint src/powerwith --lint
	$(UV) run --frozen python scripts/check_tenancy.py
	$(UV) run --frozen lint-imports
	$(UV) run --frozen python scripts/check_secrets.py

# Known vulnerabilities in the locked dependencies (pip-audit: says SKIPPED, loudly, when
# the vulnerability database cannot be reached), and bandit on our code: no finding of
# high severity is allowed (lower ones are reviewed, and silenced only with a reason).
audit: install
	@mkdir -p var
	$(UV) export --frozen --all-groups --no-emit-project --format requirements-txt \
	  --output-file var/requirements-audit.txt >/dev/null
	$(UV) run --frozen python scripts/audit_dependencies.py var/requirements-audit.txt
	$(UV) run --frozen bandit --quiet --recursive src/powerwith --exclude '*/migrations/*' \
	  --severity-level high --confidence-level low

# Builds (or reuses) 100,000-person databases under var/bench/; see bench/README.md.
# The load benchmark drives the real server with wrk (Debian's, installed here as root).
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's wrk for the load benchmark"; \
	    apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; \
	  else \
	    echo "The load benchmark needs wrk: run 'sudo apt-get install wrk'."; \
	    exit 1; \
	  fi; }
	$(UV) run --frozen python bench/load.py
	-BENCH_DATABASE_URL="$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/var/bench/load-100000.sqlite3}" \
	  $(UV) run --frozen python bench/matching.py

# The same load benchmark on a throwaway PostgreSQL started (and removed) by the script.
bench-pg: install
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "The load benchmark needs wrk: run 'make bench' once as root, or apt-get install wrk."; \
	  exit 1; }
	PYTHON="$(UV) run --frozen python" bash bench/postgres.sh

# The API fuzzed from its OpenAPI schema with many more examples per operation than the
# few that `make test` runs (tests/security/test_api_fuzz.py), and every hostile value
# sent to every field of every body as both the coordinator and the expert
# (tests/security/test_hostile_fields.py: about 6,000 requests).
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} HOSTILE_ALL=1 HOSTILE_EXAMPLES=$${HOSTILE_EXAMPLES:-300} \
	  $(UV) run --frozen pytest -q -p no:randomly \
	  tests/security/test_api_fuzz.py tests/security/test_hostile_fields.py

format: install
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

clean:
	rm -rf .venv node_modules $(STATIC_DIST) var
