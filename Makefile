# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SMARTMEET := $(VENV)/bin/smartmeet
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install chromium neo4j run up down test migrate seed bench clean-data

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed chromium

# The status board's browser test needs Debian's chromium; installed when missing and we are root (else it skips).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "chromium is not installed and cannot be installed here; the board's browser test will skip"

neo4j: install
	$(SMARTMEET) neo4j start

migrate: neo4j
	$(SMARTMEET) migrate

seed: migrate
	$(SMARTMEET) ingest seed/*.json

run: seed
	@echo "Neo4j Browser: http://127.0.0.1:$${NEO4J_HTTP_PORT:-7474}/browser/  (user neo4j)"
	@echo "API docs:      http://127.0.0.1:$${API_PORT:-8000}/docs"
	@echo "Auth is OFF for local use (AUTH_DISABLED=true); production: leave it unset and use smartmeet keys create"
	AUTH_DISABLED=true $(SMARTMEET) serve

up: seed
	@echo "Auth is OFF for local use (AUTH_DISABLED=true); production: leave it unset and use smartmeet keys create"
	AUTH_DISABLED=true $(SMARTMEET) serve --background

down: install
	-$(SMARTMEET) serve --stop
	$(SMARTMEET) neo4j stop

test: install
	$(SMARTMEET) neo4j assemble
	$(PY) -m pytest

# The query bench's first load of 10,000 meetings takes over an hour on 2 cores (kept for later runs);
# `make bench BENCH_QUERY_MEETINGS=10000` for the full-size run, see bench/README.md.
BENCH_QUERY_MEETINGS ?= 2000
bench: install
	$(PY) bench/ingest.py
	$(PY) bench/query.py --meetings $(BENCH_QUERY_MEETINGS)

clean-data: down
	rm -rf .data
