"""``kwaliteit db backup`` and ``db herstel``: a round trip gives the register back exactly."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from betrouwbaarheid.integriteit import controleer, tellingen

Cli = Callable[..., Result]
VANDAAG = "2024-01-15"


def _registreer(cli: Cli, omschrijving: str) -> str:
    r = cli(
        "klacht", "registreer", "--ontvangen", "01-03-2023", "--kanaal", "e-mail",
        "--omschrijving", omschrijving, "--klager-naam", "A. Klager", vandaag=VANDAAG,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    return r.stdout.split()[0] if r.stdout else ""


def _lijst(cli: Cli) -> list[dict[str, object]]:
    r = cli("klacht", "lijst", "--jaar", "2023", "--json", vandaag=VANDAAG)
    assert r.exit_code == 0, r.stderr
    return list(json.loads(r.stdout))


@pytest.fixture
def sqlite_url(database_url: str) -> str:
    if not database_url.startswith("sqlite"):
        pytest.skip("back-up en herstel van een bestand: SQLite")
    return database_url


def test_backup_en_herstel_geven_het_register_terug(
    cli: Cli, sqlite_url: str, tmp_path: Path
) -> None:
    for i in range(3):
        _registreer(cli, f"klacht {i}")
    assert cli("klacht", "bevestig", "K-2023-0002", "--datum", "02-03-2023").exit_code == 0
    voor, rijen_voor = _lijst(cli), tellingen(sqlite_url)

    r = cli("db", "backup", str(tmp_path / "kopie.db"))
    assert r.exit_code == 0, r.stderr
    # The backup is itself a complete, intact kwaliteit database.
    assert controleer(f"sqlite:///{tmp_path / 'kopie.db'}") == []
    assert tellingen(f"sqlite:///{tmp_path / 'kopie.db'}") == rijen_voor

    # Work goes on after the backup ...
    _registreer(cli, "na de back-up")
    assert cli("klacht", "sluit", "K-2023-0001", "--uitkomst", "ingetrokken", "--wijze",
               "mondeling", "--datum", "03-03-2023", vandaag=VANDAAG).exit_code == 0  # fmt: skip
    assert len(_lijst(cli)) == 4

    # ... and the restore brings back exactly the state of the backup, plus one audit event.
    r = cli("db", "herstel", str(tmp_path / "kopie.db"), "--ja")
    assert r.exit_code == 0, r.stderr
    assert _lijst(cli) == voor
    na = tellingen(sqlite_url)
    assert na == {**rijen_voor, "audit_gebeurtenis": rijen_voor["audit_gebeurtenis"] + 1}
    assert controleer(sqlite_url) == []
    r = cli("audit", "controleer")
    assert r.exit_code == 0
    # The replaced database was kept beside it, whole.
    bewaard = list(Path(sqlite_url.removeprefix("sqlite:///")).parent.glob("*.voor-herstel-*.bak"))
    assert len(bewaard) == 1
    assert tellingen(f"sqlite:///{bewaard[0]}")["klacht"] == 4


def test_herstel_vraagt_om_bevestiging(cli: Cli, sqlite_url: str, tmp_path: Path) -> None:
    _registreer(cli, "eerste")
    assert cli("db", "backup", str(tmp_path / "kopie.db")).exit_code == 0
    _registreer(cli, "tweede")
    r = cli("db", "herstel", str(tmp_path / "kopie.db"))
    assert r.exit_code == 2
    assert "--ja" in r.stderr
    assert len(_lijst(cli)) == 2


def test_backup_overschrijft_niet_ongevraagd(cli: Cli, sqlite_url: str, tmp_path: Path) -> None:
    doel = tmp_path / "kopie.db"
    doel.write_bytes(b"iets anders")
    r = cli("db", "backup", str(doel))
    assert r.exit_code == 2
    assert doel.read_bytes() == b"iets anders"
    assert cli("db", "backup", str(doel), "--overschrijf").exit_code == 0
    assert controleer(f"sqlite:///{doel}") == []
    r = cli("db", "backup", str(tmp_path / "bestaat-niet" / "kopie.db"))
    assert r.exit_code == 2
    assert "bestaat niet" in r.stderr


def test_herstel_weigert_een_kapotte_of_vreemde_backup(
    cli: Cli, sqlite_url: str, tmp_path: Path
) -> None:
    _registreer(cli, "blijft")
    assert cli("db", "backup", str(tmp_path / "kopie.db")).exit_code == 0
    # A backup whose audit chain was tampered with is not restored.
    with sqlite3.connect(tmp_path / "kopie.db") as c:
        c.execute("UPDATE audit_gebeurtenis SET door = 'vervalser' WHERE volgnummer = 1")
    r = cli("db", "herstel", str(tmp_path / "kopie.db"), "--ja")
    assert r.exit_code == 2
    assert "auditspoor" in r.stderr
    vreemd = tmp_path / "vreemd.db"
    with sqlite3.connect(vreemd) as c:
        c.execute("CREATE TABLE iets (x)")
    for bron, melding in (
        (vreemd, "geen back-up van een kwaliteit-database"),
        (tmp_path / "weg.db", "bestaat niet"),
    ):
        r = cli("db", "herstel", str(bron), "--ja")
        assert r.exit_code == 2, r.stderr
        assert melding in r.stderr
    (tmp_path / "tekst.db").write_text("geen database", encoding="utf-8")
    r = cli("db", "herstel", str(tmp_path / "tekst.db"), "--ja")
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr
    # Nothing of this touched the register.
    assert [k["kenmerk"] for k in _lijst(cli)] == ["K-2023-0001"]


def test_postgresql_legt_pg_dump_uit(cli: Cli, database_url: str, tmp_path: Path) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("de uitleg hoort bij PostgreSQL")
    r = cli("db", "backup", str(tmp_path / "kopie.dump"))
    assert r.exit_code == 2
    assert "pg_dump --format=custom" in r.stderr
    r = cli("db", "herstel", str(tmp_path / "kopie.dump"), "--ja")
    assert r.exit_code == 2
    assert "pg_restore" in r.stderr
