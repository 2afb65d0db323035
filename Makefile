# Phakhi (ภาคี) — the two commands of the README are `make run` and `make test`.
#
# Python packages are installed into .venv, again only when pyproject.toml is newer than the
# stamp inside .venv (so a second `make run` starts at once). Translations are compiled with
# polib (scripts/compile_messages.py): no GNU gettext needed. The front-end (assets/) is
# installed with `npm ci` when package-lock.json changes and bundled by esbuild into
# assets/build/ when a source changes.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PHAKHI := $(BIN)/phakhi
INSTALLED := $(VENV)/.stamp-installed
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install messages run test lint

help:
	@echo "make run    install, create the database, load the demo workspace, print the admin"
	@echo "            login and serve http://$(HOST):$(PORT)/"
	@echo "            (another port or address: make run PORT=8080 HOST=127.0.0.1)"
	@echo "make test   run the test suite on SQLite (and on PostgreSQL if"
	@echo "            PHAKHI_TEST_DATABASE_URL is set)"
	@echo "make lint   ruff, ruff format --check, mypy, import-linter"
ifneq ($(wildcard benchmarks/run_all.sh),)
	@echo "make bench  run the benchmarks (benchmarks/run_all.sh)"
endif

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

NODE_INSTALLED := node_modules/.package-lock.json
ASSET_SOURCES := $(shell find assets -type f -not -path 'assets/build/*' 2>/dev/null)
ASSETS_BUILT := assets/build/.stamp-built

$(NODE_INSTALLED): package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS_BUILT): $(ASSET_SOURCES) $(NODE_INSTALLED)
	node assets/build.mjs
	touch $@

install: $(INSTALLED) $(ASSETS_BUILT)

%.mo: %.po $(INSTALLED)
	$(BIN)/python scripts/compile_messages.py $<

messages: $(MO_FILES)

run: install messages
	$(PHAKHI) manage migrate --noinput
	$(PHAKHI) manage collectstatic --noinput --verbosity 0
	$(PHAKHI) demo --size workshop --workspace demo
	$(PHAKHI) admin-login
	$(PHAKHI) serve --host $(HOST) --port $(PORT)

# The suite runs on SQLite, then again on PostgreSQL when PHAKHI_TEST_DATABASE_URL names one
# (the role needs CREATEDB: the test runner creates its own test_… databases).
PYTEST = $(BIN)/python -m pytest -n 2
test: install messages
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(PYTEST)
	@if [ -n "$${PHAKHI_TEST_DATABASE_URL:-}" ]; then \
	  shown=$$(printf '%s' "$$PHAKHI_TEST_DATABASE_URL" | sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#'); \
	  echo "== test suite on $$shown =="; \
	  DATABASE_URL="$$PHAKHI_TEST_DATABASE_URL" $(PYTEST); \
	  echo "== tests passed on: SQLite and $$shown =="; \
	else \
	  echo "== tests passed on: SQLite (PostgreSQL skipped: PHAKHI_TEST_DATABASE_URL is not set) =="; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy phakhi config
	$(BIN)/lint-imports

ifneq ($(wildcard benchmarks/run_all.sh),)
.PHONY: bench
bench: install messages
	bash benchmarks/run_all.sh
endif
