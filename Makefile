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

.PHONY: help install demo lint test test-snel test-sqlite test-postgres test-grenzen bench betrouwbaarheid migratie clean

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

lint: install ## Controleer de code: ruff (lint en opmaak) en mypy --strict, ook over tests/ en bench/
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The quick check while working: the unit and CLI tests (in-process) on SQLite,
# without the ones marked `traag`. 65-80 s of CPU time: about 45 s on two idle
# cores (43 s measured). PYTEST_ARGS adds to it, e.g. PYTEST_ARGS='-k klacht'.
SNEL := tests/unit tests/cli

test-snel: install ## Snel: unit- en CLI-tests op SQLite, zonder de trage (binnen 2 minuten)
	KWALITEIT_TEST_DATABASE=sqlite $(PYTEST) -m 'not traag' $(SNEL) $(PYTEST_ARGS)

test-sqlite: install ## Draai de tests tegen SQLite
	KWALITEIT_TEST_DATABASE=sqlite $(PYTEST) $(PYTEST_ARGS)

test-postgres: install ## Draai de tests tegen een tijdelijke PostgreSQL-server
	@rc=0
	# A server of its own (own directory, free port), so that test runs side by
	# side never stop each other's; this shell is its owner: should the run be
	# killed, a later start cleans the server up.
	UIT="$$(KWALITEIT_PG_EIGENAAR=$$$$ scripts/postgres.sh start)" || rc=$$?
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
	URL="$$(sed -n 1p <<<"$$UIT")"
	PG_MAP="$$(sed -n 2p <<<"$$UIT")"
	# Always stop this run's server again and remove its directory; the exit
	# status stays pytest's.
	trap 'scripts/postgres.sh stop "$$PG_MAP" || true' EXIT
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

# A new Alembic revision from the models: autogenerate against a throwaway SQLite
# database at head (SQLite, so that Alembic writes batch operations, which work on
# PostgreSQL too). Uses alembic.ini, i.e. the folder migrations/, not an import name.
migratie: install ## Nieuwe migratie uit de modellen: make migratie NAAM=korte_naam (README: Een migratie toevoegen)
	@if [[ ! "$(NAAM)" =~ ^[a-z][a-z0-9_]*$$ ]]; then
		echo "Gebruik: make migratie NAAM=korte_naam (kleine letters, cijfers en _, bijvoorbeeld NAAM=bijlagen_bij_klachten)." >&2
		exit 2
	fi
	laatste="$$(find migrations/versions -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.py' -printf '%f\n' | cut -c1-4 | sort | tail -n 1)"
	rev="$$(printf '%04d' "$$((10#$${laatste:-0} + 1))")"
	tijdelijk="$$(mktemp -d)"
	trap 'rm -rf -- "$$tijdelijk"' EXIT
	url="sqlite:///$$tijdelijk/migratie.db"
	$(VENV)/bin/alembic -c alembic.ini -x url="$$url" upgrade head
	$(VENV)/bin/alembic -c alembic.ini -x url="$$url" revision --autogenerate \
		--rev-id "$$rev" -m "$$(tr _ ' ' <<<"$(NAAM)")"
	bestand="$$(find migrations/versions -maxdepth 1 -name "$${rev}_*.py")"
	$(VENV)/bin/ruff check --fix --quiet "$$bestand" || true
	$(VENV)/bin/ruff format --quiet "$$bestand"
	echo
	if ! grep -qE '(^|[^_[:alnum:]])op\.' "$$bestand"; then
		echo "De modellen en de migraties beschrijven hetzelfde schema: $$bestand is leeg."
		echo "Verwijder het, of schrijf de stappen zelf (bijvoorbeeld een datamigratie) en zet dan"
		echo "\"$$rev\" achteraan SCHEMA_REVISIES in kwaliteit/db.py."
	else
		echo "Nieuw: $$bestand. Lees en verbeter het: Alembic ziet niet alles (README: Een migratie toevoegen)."
		echo "Zet \"$$rev\" achteraan SCHEMA_REVISIES in kwaliteit/db.py en draai make test."
	fi

clean: ## Verwijder .venv, bouwresten en caches
	rm -rf $(VENV) $(VENV)-laagst $(VENV)-nieuwst build dist .eggs *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find . -path ./.git -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
