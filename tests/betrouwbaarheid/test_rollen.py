"""The PostgreSQL roles: the auditor reads (dekking, toets, dossier) but never writes and
never sees a complainant's personal data; the kwaliteitsfunctionaris writes, but can only
add to the audit trail."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from kwaliteit.cli import app

VANDAAG = "2024-01-15"
NAAM = "Klager Geheimhouden"


def _als(url: str) -> Callable[..., Result]:
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, ["--database", url, *args], env={"KWALITEIT_VANDAAG": VANDAAG})

    return run


@pytest.fixture
def rollen(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A register with one complaint; the roles set up; a login in each role."""
    if not database_url.startswith("postgresql"):
        pytest.skip("rollen bestaan alleen bij PostgreSQL")
    eigenaar = _als(database_url)
    csv = tmp_path / "k.csv"
    csv.write_text(
        "ontvangen;kanaal;omschrijving;klager naam;klager contact\n"
        f"01-03-2023;brief;Niet teruggebeld;{NAAM};geheim@voorbeeld.invalid\n",
        encoding="utf-8",
    )
    for args in (
        ("klacht", "importeer", str(csv)),
        ("normen", "importeer", "awb-h9"),
        ("db", "rollen"),
        ("db", "rollen"),  # idempotent: a second run (e.g. after an upgrade) just works
    ):
        r = eigenaar(*args)
        assert r.exit_code == 0, (args, r.stdout, r.stderr)
    beheer = create_engine(database_url, isolation_level="AUTOCOMMIT")
    achtervoegsel = uuid.uuid4().hex[:8]
    namen = {
        "auditor": f"kwt_aud_{achtervoegsel}",
        "kwaliteitsfunctionaris": f"kwt_fun_{achtervoegsel}",
    }
    with beheer.connect() as c:
        for rol, login in namen.items():
            c.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE {rol}'))
    url = make_url(database_url)
    try:
        yield (
            url.set(username=namen["auditor"]).render_as_string(hide_password=False),
            url.set(username=namen["kwaliteitsfunctionaris"]).render_as_string(hide_password=False),
        )
    finally:
        with beheer.connect() as c:
            c.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE usename = ANY(:namen)"
                ),
                {"namen": list(namen.values())},
            )
            for login in namen.values():
                c.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        beheer.dispose()


def _sql(url: str, opdracht: str) -> object:
    engine = create_engine(url)
    try:
        with engine.begin() as c:
            resultaat = c.execute(text(opdracht))
            return resultaat.fetchall() if resultaat.returns_rows else None
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_de_auditor_leest_dekking_toets_en_dossier(rollen: tuple[str, str], tmp_path: Path) -> None:
    auditor, _ = rollen
    als_auditor = _als(auditor)
    r = als_auditor("dekking", "--kader", "awb-h9", "--peildatum", VANDAAG)
    assert r.exit_code == 0, r.stderr
    r = als_auditor(
        "dossier", "--kader", "awb-h9", "--periode", "2023", "--formaat", "html",
        "--uit", str(tmp_path / "dossier"),
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    index = (tmp_path / "dossier/html/index.html").read_text(encoding="utf-8")
    assert NAAM not in index
    r = als_auditor("klacht", "lijst", "--jaar", "2023")
    assert r.exit_code == 0, r.stderr
    assert "K-2023-0001" in r.stdout
    # kwaliteit toets runs pytest: in its own interpreter, as a user would.
    t = subprocess.run(
        [sys.executable, "-m", "kwaliteit", "--database", auditor, "toets", "--kader", "awb-h9",
         "--peildatum", VANDAAG],
        capture_output=True, text=True, check=False,
        env={**os.environ, "KWALITEIT_VANDAAG": VANDAAG},
    )  # fmt: skip
    assert t.returncode in (0, 1), t.stderr
    assert "niet bewaard" in t.stderr
    assert "Traceback" not in t.stderr


@pytest.mark.postgres
def test_de_auditor_schrijft_niet(rollen: tuple[str, str]) -> None:
    auditor, _ = rollen
    als_auditor = _als(auditor)
    for args in (
        ("klacht", "registreer", "--ontvangen", "01-04-2023", "--kanaal", "e-mail",
         "--omschrijving", "poging"),
        ("klacht", "bevestig", "K-2023-0001", "--datum", "02-03-2023"),
        ("beoordeel", "--kader", "awb-h9", "--norm", "9:6", "--oordeel", "voldoet",
         "--toelichting", "x"),
    ):  # fmt: skip
        r = als_auditor(*args)
        assert r.exit_code == 1, (args, r.stdout, r.stderr)
        assert "mag dit niet" in r.stderr
        assert "Traceback" not in r.stderr
    with pytest.raises(ProgrammingError, match="permission denied"):
        _sql(auditor, "UPDATE klacht SET omschrijving = 'x'")
    assert _sql(auditor, "SELECT count(*) FROM klacht") == [(1,)]


@pytest.mark.postgres
def test_de_auditor_ziet_geen_persoonsgegevens(rollen: tuple[str, str]) -> None:
    auditor, functionaris = rollen
    r = _als(auditor)("klacht", "toon", "K-2023-0001", "--met-klager")
    assert r.exit_code == 1
    assert "geen toegang tot de persoonsgegevens van klagers" in r.stderr
    assert NAAM not in r.stdout + r.stderr
    r = _als(auditor)("klacht", "toon", "K-2023-0001")
    assert r.exit_code == 0, r.stderr
    assert NAAM not in r.stdout
    with pytest.raises(ProgrammingError, match="permission denied for table klager"):
        _sql(auditor, "SELECT * FROM klager")
    # The kwaliteitsfunctionaris does see them.
    r = _als(functionaris)("klacht", "toon", "K-2023-0001", "--met-klager")
    assert r.exit_code == 0, r.stderr
    assert NAAM in r.stdout


@pytest.mark.postgres
def test_de_functionaris_schrijft_maar_vult_het_auditspoor_alleen_aan(
    rollen: tuple[str, str],
) -> None:
    _, functionaris = rollen
    als = _als(functionaris)
    r = als("klacht", "bevestig", "K-2023-0001", "--datum", "02-03-2023")
    assert r.exit_code == 0, r.stderr
    r = als(
        "klacht", "registreer", "--ontvangen", "01-04-2023", "--kanaal", "e-mail",
        "--omschrijving", "tweede",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "K-2023-0002" in r.stdout
    for opdracht in (
        "UPDATE audit_gebeurtenis SET door = 'iemand anders'",
        "DELETE FROM audit_gebeurtenis",
        "UPDATE alembic_version SET version_num = 'x'",
    ):
        with pytest.raises(ProgrammingError, match="permission denied"):
            _sql(functionaris, opdracht)
    r = als("audit", "controleer")
    assert r.exit_code == 0, r.stdout + r.stderr


def test_rollen_op_sqlite_geeft_uitleg(cli: Callable[..., Result], database_url: str) -> None:
    if database_url.startswith("postgresql"):
        pytest.skip("de uitleg hoort bij SQLite")
    r = cli("db", "rollen")
    assert r.exit_code == 2
    assert "alleen bij PostgreSQL" in r.stderr
