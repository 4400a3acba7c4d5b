# Makefile for kwaliteit: installation, checks and tests.
# `make help` lists the targets.

SHELL := /bin/bash
# Every recipe runs in one bash with -e/-u/pipefail, so any failing command
# fails the target.
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c
# `make test` must run its steps one after another, also under `make -j`.
.NOTPARALLEL:
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
STEMPEL := $(VENV)/.geinstalleerd
# Extra arguments for pytest, e.g. `make test-sqlite PYTEST_ARGS='-k klacht'`.
PYTEST_ARGS ?=
PYTEST := $(VENV)/bin/pytest -n 2 -q

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install demo lint test test-sqlite test-postgres test-grenzen bench betrouwbaarheid clean

help: ## Toon deze hulptekst
	@echo "Gebruik: make <doel>"
	echo
	echo "Doelen:"
	grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "} {printf "  %-15s %s\n", $$1, $$2}'

# Without pip (e.g. Debian without python3-venv) the venv is useless: remove it
# so the next run tries again.
$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	test -x $@ || { echo "FOUT: $(VENV) heeft geen pip; installeer python3-venv." >&2; rm -rf $(VENV); exit 1; }

# Reinstall only when pyproject.toml changed since the last installation.
$(STEMPEL): pyproject.toml | $(VENV)/bin/pip
	$(VENV)/bin/pip install -e '.[dev]'
	touch $@

install: $(STEMPEL) ## Maak de virtualenv .venv en installeer het pakket met ontwikkelgereedschap

demo: install ## Draai de demo (demo/wot-schiedam.sh)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)" bash demo/wot-schiedam.sh

lint: install ## Controleer de code: ruff (lint en opmaak) en mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test-sqlite: install ## Draai de tests tegen SQLite
	KWALITEIT_TEST_DATABASE=sqlite $(PYTEST) $(PYTEST_ARGS)

test-postgres: install ## Draai de tests tegen een tijdelijke PostgreSQL-server
	@rc=0
	URL="$$(scripts/postgres.sh start)" || rc=$$?
	if [[ $$rc -eq 3 ]]; then
		if [[ -n "$${KWALITEIT_PG_VEREIST:-}" && "$${KWALITEIT_PG_VEREIST}" != 0 ]]; then
			echo "FOUT: PostgreSQL niet gevonden, maar KWALITEIT_PG_VEREIST is gezet: de PostgreSQL-tests zijn verplicht. Installeer het Debian-pakket postgresql." >&2
			exit 1
		fi
		echo "WAARSCHUWING: PostgreSQL niet gevonden: alleen SQLite getest; installeer het Debian-pakket postgresql" >&2
		exit 0
	elif [[ $$rc -ne 0 ]]; then
		echo "FOUT: de PostgreSQL-testserver kon niet worden gestart (scripts/postgres.sh start, exitcode $$rc)." >&2
		exit $$rc
	fi
	# Always stop the server again; the exit status stays pytest's.
	trap 'scripts/postgres.sh stop || true' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	echo "+ KWALITEIT_TEST_DATABASE=postgresql KWALITEIT_TEST_PG_URL=$$URL $(PYTEST) $(PYTEST_ARGS)"
	KWALITEIT_TEST_DATABASE=postgresql KWALITEIT_TEST_PG_URL="$$URL" $(PYTEST) $(PYTEST_ARGS)

test: install lint test-sqlite test-postgres ## Alles: installeren, lint, tests op SQLite en op PostgreSQL

# Two extra venvs: every runtime dependency at its lower bound from pyproject.toml, and
# the newest versions; a short test selection on SQLite in each (scripts/grenzen.py).
test-grenzen: ## Test de afhankelijkheden op hun ondergrens (.venv-laagst) en op de nieuwste versies (.venv-nieuwst)
	$(PYTHON) scripts/grenzen.py $(if $(PYTEST_ARGS),-- $(PYTEST_ARGS))

bench: $(if $(wildcard bench/run.py),install) ## Draai de benchmarks (bench/run.py), als die er zijn
	@if [[ -f bench/run.py ]]; then
		$(VENV)/bin/python bench/run.py
	else
		echo "Nog geen benchmarks: bench/run.py bestaat niet."
	fi

betrouwbaarheid: install ## Draai de betrouwbaarheidssuites op volle omvang (SQLite en PostgreSQL); zie docs/betrouwbaarheid.md
	KWALITEIT_BETROUWBAARHEID=vol KWALITEIT_BETROUWBAARHEID_RAPPORT="$(CURDIR)/betrouwbaarheid-rapport.jsonl" \
		$(MAKE) test-sqlite test-postgres PYTEST_ARGS='tests/betrouwbaarheid'

clean: ## Verwijder .venv, bouwresten en caches
	rm -rf $(VENV) $(VENV)-laagst $(VENV)-nieuwst build dist .eggs *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find . -path ./.git -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
