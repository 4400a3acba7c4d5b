"""Shared fixtures: a fresh database per test, on SQLite or PostgreSQL.

``KWALITEIT_TEST_DATABASE`` chooses the backend (``sqlite``, the default, or
``postgresql``); for PostgreSQL ``KWALITEIT_TEST_PG_URL`` is the URL of a
server's maintenance database (``make test-postgres`` starts one). Each test
gets its own database, copied from a migrated template, so tests never see
each other's data and run in parallel under pytest-xdist.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kwaliteit import profieldienst, tijd
from kwaliteit.cli import app
from kwaliteit.cli.taal import installeer as installeer_nederlands
from kwaliteit.db import Database
from kwaliteit.eenheid import Werkeenheid, werkeenheid

BACKEND = os.environ.get("KWALITEIT_TEST_DATABASE", "sqlite")
VOORBEELDPROFIEL = Path(__file__).resolve().parents[1] / "demo" / "organisatie-wot-schiedam.yaml"
PG_URL = os.environ.get("KWALITEIT_TEST_PG_URL", "")

# As kwaliteit.cli.main does for the real program.
installeer_nederlands()


def pytest_report_header() -> str:
    return f"kwaliteit-testdatabase: {BACKEND}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND == "postgresql":
        return
    overslaan = pytest.mark.skip(reason="alleen op PostgreSQL (KWALITEIT_TEST_DATABASE=postgresql)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(overslaan)


class Databases:
    """Makes fresh databases for one test session (one xdist worker)."""

    def __init__(self, tmp: Path, worker: str) -> None:
        self.tmp = tmp
        self.worker = worker
        self._teller = itertools.count(1)
        self._sjablonen: dict[bool, str] = {}
        self._pg_namen: list[str] = []
        if BACKEND == "postgresql":
            if not PG_URL:
                raise pytest.UsageError("KWALITEIT_TEST_PG_URL ontbreekt voor de PostgreSQL-run")
            self._beheer = create_engine(PG_URL, isolation_level="AUTOCOMMIT")

    # -- empty ---------------------------------------------------------------
    def leeg(self) -> str:
        n = next(self._teller)
        if BACKEND == "sqlite":
            return f"sqlite:///{self.tmp / f'leeg-{n}.db'}"
        naam = f"kwt_{self.worker}_{uuid.uuid4().hex[:10]}"
        with self._beheer.connect() as c:
            c.execute(text(f'CREATE DATABASE "{naam}"'))
        self._pg_namen.append(naam)
        return make_url(PG_URL).set(database=naam).render_as_string(hide_password=False)

    # -- migrated ------------------------------------------------------------
    def gemigreerd(self, *, profiel: bool = False) -> str:
        """A copy of a migrated template: a new organisation without a profile, or with
        ``profiel`` the WOT Schiedam example profile (one audit event)."""
        if profiel not in self._sjablonen:
            url = self.leeg()
            db = Database(url)
            db.zorg_voor_schema()
            if profiel:
                with werkeenheid(db, schrijven=True, door="test") as w:
                    profieldienst.importeer(w, VOORBEELDPROFIEL)
            db.sluit()
            self._sjablonen[profiel] = url
        sjabloonurl = self._sjablonen[profiel]
        n = next(self._teller)
        if BACKEND == "sqlite":
            bron = Path(make_url(sjabloonurl).database or "")
            doel = self.tmp / f"test-{n}.db"
            shutil.copyfile(bron, doel)
            return f"sqlite:///{doel}"
        sjabloon = make_url(sjabloonurl).database
        naam = f"kwt_{self.worker}_{uuid.uuid4().hex[:10]}"
        with self._beheer.connect() as c:
            c.execute(text(f'CREATE DATABASE "{naam}" TEMPLATE "{sjabloon}"'))
        self._pg_namen.append(naam)
        return make_url(PG_URL).set(database=naam).render_as_string(hide_password=False)

    def ruim_op(self) -> None:
        if BACKEND != "postgresql":
            return
        with self._beheer.connect() as c:
            for naam in self._pg_namen:
                c.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        self._beheer.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[Databases]:
    d = Databases(tmp_path_factory.mktemp("db"), worker_id.replace("-", "_"))
    yield d
    d.ruim_op()


@pytest.fixture
def database_url(databases: Databases, request: pytest.FixtureRequest) -> str:
    """A fresh database with the current schema: a new organisation without a profile.

    A test that uses the fixture ``wot`` gets the WOT Schiedam example profile (its wijken,
    teams, aanbieders and categories; one audit event) instead.
    """
    return databases.gemigreerd(profiel="wot" in request.fixturenames)


@pytest.fixture
def wot() -> Path:
    """The WOT Schiedam example profile is in the test database (see ``database_url``)."""
    return VOORBEELDPROFIEL


@pytest.fixture
def lege_database_url(databases: Databases) -> str:
    """A fresh database without any tables."""
    return databases.leeg()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    d = Database(database_url)
    yield d
    d.sluit()


@pytest.fixture
def werk(db: Database) -> Callable[..., AbstractContextManager[Werkeenheid]]:
    """``with werk(schrijven=True, op=date(2023, 5, 1)) as w``: one unit of work."""

    def maak(
        *, schrijven: bool = True, op: date | None = None, door: str = "test"
    ) -> AbstractContextManager[Werkeenheid]:
        return werkeenheid(db, schrijven=schrijven, door=door, op=op or date(2026, 11, 23))

    return maak


@pytest.fixture(autouse=True)
def _isoleer_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    for naam in ("KWALITEIT_DATABASE_URL", "KWALITEIT_VANDAAG", "KWALITEIT_DEBUG"):
        monkeypatch.delenv(naam, raising=False)
    # KWALITEIT_VANDAAG (the cli fixture's vandaag=) counts only in test mode. Its notice
    # on stderr comes once per process, and all in-process runs share this one: keep it out.
    monkeypatch.setenv("KWALITEIT_MODUS", "test")
    monkeypatch.setattr(tijd, "MELDEN", False)


Cli = Callable[..., Result]


@pytest.fixture
def cli(database_url: str) -> Cli:
    """Run ``kwaliteit`` in-process against the test database.

    ``cli("klacht", "lijst", vandaag="2023-06-01")``; the result has
    ``exit_code``, ``stdout`` and ``stderr``.
    """
    runner = CliRunner()

    def voer_uit(*args: str, vandaag: str | None = None, **kwargs: Any) -> Result:
        env = {"KWALITEIT_VANDAAG": vandaag} if vandaag else {}
        return runner.invoke(
            app, ["--database", database_url, *args], env=env, prog_name="kwaliteit", **kwargs
        )

    return voer_uit
