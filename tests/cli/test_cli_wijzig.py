"""``klacht wijzig``, and the checks that depend on corrected registration data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text

Cli = Callable[..., Result]
VANDAAG = "2023-12-31"


def registreer(cli: Cli, *extra: str, ontvangen: str = "14-03-2023") -> str:
    r = cli(
        "klacht", "registreer", "--ontvangen", ontvangen, "--kanaal", "brief",
        "--omschrijving", "Niet teruggebeld", *extra, vandaag=VANDAAG,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    return r.stdout.strip()


def toon(cli: Cli, kenmerk: str) -> dict[str, object]:
    r = cli("klacht", "toon", kenmerk, "--json", "--met-klager", vandaag=VANDAAG)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


WIJZIGING = ("--wijk", "zuid", "--gedraging", "02-03-2023", "--team", "wot  zuid")


@pytest.mark.usefixtures("wot")
def test_wijzig_verbetert_registratiegegevens_en_legt_dat_vast(cli: Cli) -> None:
    k = registreer(cli, "--wijk", "Oost")
    r = cli("klacht", "wijzig", k, *WIJZIGING, vandaag=VANDAAG)
    assert r.exit_code == 0, r.stderr
    d = toon(cli, k)
    # As the profile writes them.
    assert (d["wijk"], d["gedraging"], d["team"]) == ("Zuid", "2023-03-02", "WOT Zuid")
    laatste = d["geschiedenis"][-1]  # type: ignore[index]
    assert laatste["actie"] == "wijzig"
    assert "gedraging" in laatste["omschrijving"]
    assert "wijk" in laatste["omschrijving"]


def test_wijzig_zonder_profiel_houdt_de_waarden_zoals_getypt(cli: Cli) -> None:
    k = registreer(cli, "--wijk", "Oost")
    r = cli("klacht", "wijzig", k, *WIJZIGING, vandaag=VANDAAG)
    assert r.exit_code == 0, r.stderr
    d = toon(cli, k)
    # Free text: spaces made single, the rest as typed.
    assert (d["wijk"], d["gedraging"], d["team"]) == ("zuid", "2023-03-02", "wot zuid")
    assert cli("klacht", "wijzig", k, "--wijk", "Atlantis", vandaag=VANDAAG).exit_code == 0
    assert toon(cli, k)["wijk"] == "Atlantis"


def test_een_lege_waarde_wist_een_optioneel_gegeven(cli: Cli) -> None:
    k = registreer(cli, "--aanbieder", "Pameijer")
    assert cli("klacht", "wijzig", k, "--aanbieder", "", vandaag=VANDAAG).exit_code == 0
    assert toon(cli, k)["aanbieder"] is None


def test_klagergegevens_wijzigen_zonder_dat_ze_in_het_auditspoor_komen(
    cli: Cli, database_url: str
) -> None:
    k = registreer(cli)
    r = cli(
        "klacht",
        "wijzig",
        k,
        "--klager-naam",
        "Zeldzame Achternaam",
        "--klager-contact",
        "z@voorbeeld.invalid",
        vandaag=VANDAAG,
    )
    assert r.exit_code == 0, r.stderr
    assert toon(cli, k)["klager"]["naam"] == "Zeldzame Achternaam"  # type: ignore[index]
    engine = create_engine(database_url)
    with engine.connect() as c:
        rijen = c.execute(text("SELECT voor, na FROM audit_gebeurtenis")).all()
    engine.dispose()
    alles = " ".join(str(x) for rij in rijen for x in rij)
    assert "Zeldzame" not in alles
    assert "z@voorbeeld" not in alles
    assert "klagergegevens" in alles


def test_de_ontvangstdatum_blijft_in_het_jaar_van_het_kenmerk(cli: Cli) -> None:
    k = registreer(cli)
    r = cli("klacht", "wijzig", k, "--ontvangen", "02-01-2022", vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "2023 blijven" in r.stderr
    assert toon(cli, k)["ontvangen"] == "2023-03-14"


def test_een_andere_ontvangstdatum_verschuift_de_termijn(cli: Cli) -> None:
    k = registreer(cli)
    assert cli("klacht", "wijzig", k, "--ontvangen", "07-03-2023", vandaag=VANDAAG).exit_code == 0
    # 7 March + 6 weeks = 18 April 2023, a Tuesday.
    assert toon(cli, k)["uiterste_datum"] == "2023-04-18"


@pytest.mark.usefixtures("wot")
def test_wijzig_zonder_gegevens_of_met_foute_gegevens_wordt_geweigerd(cli: Cli) -> None:
    k = registreer(cli)
    r = cli("klacht", "wijzig", k, vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "minstens één" in r.stderr
    r = cli("klacht", "wijzig", k, "--wijk", "Atlantis", "--kanaal", "fax", vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "wijk: 'Atlantis' staat niet in het organisatieprofiel" in r.stderr
    assert "kanaal: 'fax'" in r.stderr
    r = cli("klacht", "wijzig", k, "--gedraging", "01-04-2023", vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "na de ontvangst" in r.stderr
    assert toon(cli, k)["gedraging"] is None


def test_een_behandelaar_kan_niet_achteraf_tot_beklaagde_worden_gemaakt(cli: Cli) -> None:
    k = registreer(cli)
    assert (
        cli("klacht", "wijs-toe", k, "--behandelaar", "teamleider Oost", vandaag=VANDAAG).exit_code
        == 0
    )
    r = cli("klacht", "wijzig", k, "--beklaagde", "Teamleider  Oost", vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "9:7" in r.stderr


def test_grond_1b_vraagt_om_een_bekende_gedraging(cli: Cli) -> None:
    k = registreer(cli)
    sluit = (
        "klacht",
        "sluit",
        k,
        "--uitkomst",
        "niet-in-behandeling",
        "--grond",
        "1b",
        "--datum",
        "20-03-2023",
    )
    r = cli(*sluit, vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "klacht wijzig" in r.stderr
    assert cli("klacht", "wijzig", k, "--gedraging", "01-02-2022", vandaag=VANDAAG).exit_code == 0
    r = cli(*sluit, vandaag=VANDAAG)
    assert r.exit_code == 0, r.stderr


def test_termijnen_toont_ook_een_verlopen_9_8_mededeling(cli: Cli) -> None:
    k = registreer(cli, "--gedraging", "01-01-2022", ontvangen="02-10-2023")
    r = cli("klacht", "termijnen", "--binnen", "0", "--json", vandaag="2023-11-06")
    assert r.exit_code == 0, r.stderr
    termijnen = json.loads(r.stdout)
    melding = [t for t in termijnen if t["kenmerk"] == k and t["soort"] == "melding-9:8"]
    assert melding
    assert melding[0]["verlopen"] is True
    assert melding[0]["uiterlijk"] == "2023-10-30"


def test_een_jaar_buiten_het_bereik_wordt_geweigerd(cli: Cli) -> None:
    r = cli(
        "klacht",
        "registreer",
        "--ontvangen",
        "01-01-0001",
        "--kanaal",
        "brief",
        "--omschrijving",
        "x",
    )
    assert r.exit_code == 2
    assert "1900" in r.stderr


def test_import_meldt_een_foute_adviescommissie_samen_met_de_andere_fouten(
    cli: Cli, tmp_path: Path
) -> None:
    bestand = tmp_path / "k.csv"
    bestand.write_text(
        "ontvangen,kanaal,omschrijving,adviescommissie\n2023-03-14,fax,x,misschien\n",
        encoding="utf-8",
    )
    r = cli("klacht", "importeer", str(bestand), vandaag=VANDAAG)
    assert r.exit_code == 2
    assert "regel 2, adviescommissie" in r.stderr
    assert "regel 2, kanaal" in r.stderr


def test_een_onleesbaar_databasebestand_krijgt_een_nederlandse_melding(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kwaliteit.cli import app

    kapot = tmp_path / "kapot.db"
    kapot.write_bytes(b"dit is geen database" * 100)
    r = CliRunner().invoke(app, ["--database", str(kapot), "klacht", "lijst"])
    assert r.exit_code == 1
    assert "geen SQLite-database" in r.stderr
    assert "file is not a database" not in r.stderr
