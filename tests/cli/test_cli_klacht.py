"""``kwaliteit klacht``: every command's happy path, and every kind of bad input.

Bad input never yields a traceback: a Dutch message on stderr starting with
"Fout:", exit code 2 for usage and validation errors, 1 for other failures,
and nothing written (the register and the audit trail are unchanged).

Commands are written as a shell would see them: ``kw(cli, "klacht toon K-2023-0001")``.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from kwaliteit import __version__
from kwaliteit.cli import app

Cli = Callable[..., Result]

VANDAAG = "2023-06-01"

# klacht lijst --json (README, "JSON-uitvoer"); keys are only ever added.
LIJSTSLEUTELS = [
    "kenmerk",
    "ontvangen",
    "kanaal",
    "categorie",
    "wijk",
    "aanbieder",
    "regime",
    "status",
    "uiterste_datum",
    "uitkomst",
    "afgehandeld",
    "te_laat",
]

# klacht toon --json: the list keys plus these.
TOONSLEUTELS = [
    "gedraging", "omschrijving", "beklaagde", "beklaagde_soort", "team", "adviescommissie",
    "schriftelijk", "behandelaar", "bevestigd", "afschrift", "gehoord", "hoorverslag",
    "afzien_horen", "verdagingen", "afhandeling", "termijnen", "waarschuwingen", "geschiedenis",
]  # fmt: skip

# Fragments of Click's English output that must never reach the user.
ENGELS = (
    "Traceback",
    "Usage:",
    "Error:",
    "Try '",
    "Invalid value",
    "Missing option",
    "Missing argument",
    "No such",
    "Input should",
    "is not one of",
    "Got unexpected",
)


# -- helpers ------------------------------------------------------------------------


def kw(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    """Run ``kwaliteit OPDRACHT`` (split as a shell would) against the test database."""
    return cli(*shlex.split(opdracht), *extra, vandaag=vandaag)


def ok(r: Result) -> Result:
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stdout + r.stderr
    return r


def doe(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    """Run a command that must succeed."""
    return ok(kw(cli, opdracht, *extra, vandaag=vandaag))


def mislukt(r: Result, code: int, *fragmenten: str) -> str:
    """A refused command: exit code, a Dutch "Fout:" line, no traceback; returns stderr."""
    uitvoer = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == code, uitvoer
    # Click's SystemExit is fine; any other exception means an unhandled failure.
    assert r.exception is None or isinstance(r.exception, SystemExit), uitvoer
    for engels in ENGELS:
        assert engels not in r.stdout + r.stderr, uitvoer
    assert any(regel.startswith("Fout: ") for regel in r.stderr.splitlines()), uitvoer
    for fragment in fragmenten:
        assert fragment in r.stderr, f"{fragment!r} ontbreekt\n{uitvoer}"
    return r.stderr


def registreer(cli: Cli, *extra: str, vandaag: str = VANDAAG, **opties: str) -> str:
    """Register a complaint; returns its kenmerk (the only thing on stdout)."""
    velden = {"ontvangen": "14-03-2023", "kanaal": "e-mail", "omschrijving": "Niet teruggebeld"}
    velden.update(opties)
    args = [a for naam, waarde in velden.items() for a in (f"--{naam.replace('_', '-')}", waarde)]
    r = ok(cli("klacht", "registreer", *args, *extra, vandaag=vandaag))
    return r.stdout.strip()


def lijst(cli: Cli, opties: str = "") -> list[dict[str, Any]]:
    gegevens = json.loads(doe(cli, f"klacht lijst --json {opties}").stdout)
    assert isinstance(gegevens, list)
    return gegevens


def toon(cli: Cli, kenmerk: str, opties: str = "") -> dict[str, Any]:
    gegevens = json.loads(doe(cli, f"klacht toon {kenmerk} --json {opties}").stdout)
    assert isinstance(gegevens, dict)
    return gegevens


def auditaantal(cli: Cli) -> int:
    gegevens = json.loads(doe(cli, "audit controleer --json").stdout)
    assert gegevens["in_orde"] is True
    return int(gegevens["gecontroleerd"])


def toestand(cli: Cli) -> tuple[str, list[str], int]:
    """Everything a command could change: the list, every complaint in full, the audit trail."""
    lijsttekst = doe(cli, "klacht lijst --json").stdout
    details = [
        doe(cli, f"klacht toon {regel['kenmerk']} --json --met-klager").stdout
        for regel in json.loads(lijsttekst)
    ]
    return lijsttekst, details, auditaantal(cli)


def sluit_formeel(cli: Cli, kenmerk: str) -> None:
    """The full formal procedure of a written complaint, closed as gegrond on 01-05-2023."""
    doe(cli, f"klacht bevestig {kenmerk} --datum 15-03-2023")
    doe(cli, f"klacht afschrift {kenmerk} --datum 16-03-2023")
    doe(cli, f"klacht hoor {kenmerk} --datum 20-03-2023 --verslag Gesprek")
    doe(cli, f"klacht wijs-toe {kenmerk} --behandelaar 'J. de Vries'")
    doe(
        cli,
        f"klacht sluit {kenmerk} --uitkomst gegrond --bevindingen 'Niet gebeld' "
        "--conclusies 'Excuses aangeboden' --datum 01-05-2023",
    )


# -- registreer -----------------------------------------------------------------------


def test_registreer_toont_alleen_het_kenmerk(cli: Cli) -> None:
    r = doe(cli, "klacht registreer --ontvangen 14-03-2023 --kanaal e-mail --omschrijving 'Niet teruggebeld'")  # fmt: skip
    assert r.stdout == "K-2023-0001\n"
    assert r.stderr == ""
    assert registreer(cli, ontvangen="2023-03-15") == "K-2023-0002"
    assert registreer(cli, ontvangen="30-12-2022") == "K-2022-0001"
    assert [r["kenmerk"] for r in lijst(cli)] == ["K-2022-0001", "K-2023-0001", "K-2023-0002"]


def registreer_alle_velden(cli: Cli, **lijstvelden: str) -> dict[str, Any]:
    """Register a complaint with every field (the profile's fields as given); ``toon``."""
    kenmerk = registreer(
        cli,
        "--adviescommissie",
        ontvangen="14-03-2023",
        kanaal="BRIEF",
        omschrijving="  Lang moeten wachten  ",
        gedraging="01-03-2023",
        beklaagde="P. Pietersen",
        beklaagde_soort="medewerker",
        regime="wmo2015",
        klager_naam="Jan Jansen",
        klager_contact="jan@example.nl",
        **lijstvelden,
    )
    return toon(cli, kenmerk, "--met-klager")


@pytest.mark.usefixtures("wot")
def test_registreer_met_alle_velden(cli: Cli) -> None:
    d = registreer_alle_velden(
        cli,
        wijk="groenoord",
        team="wot  noordrand",
        aanbieder="MEE regio rijnmond",
        categorie="Bejegening",
    )
    assert d["kanaal"] == "brief"
    assert d["omschrijving"] == "Lang moeten wachten"
    assert d["gedraging"] == "2023-03-01"
    # The profile's values, as the profile writes them.
    assert d["wijk"] == "Groenoord"
    assert d["team"] == "WOT Noordrand"
    assert d["aanbieder"] == "MEE Regio Rijnmond"
    assert d["beklaagde"] == "P. Pietersen"
    assert d["beklaagde_soort"] == "medewerker"
    assert d["categorie"] == "bejegening"
    assert d["regime"] == "wmo2015"
    assert d["adviescommissie"] is True
    assert d["schriftelijk"] is True
    # Ten weeks with a klachtadviescommissie (Awb 9:11 lid 1).
    assert d["uiterste_datum"] == "2023-05-23"
    assert d["klager"]["naam"] == "Jan Jansen"
    assert d["klager"]["contact"] == "jan@example.nl"


def test_registreer_zonder_profiel_houdt_wijk_team_aanbieder_en_categorie_zoals_getypt(
    cli: Cli,
) -> None:
    d = registreer_alle_velden(
        cli,
        wijk=" groenoord ",
        team="Team  Noord",
        aanbieder="Stichting Welzijn",
        categorie="Bejegening",
    )
    assert (d["wijk"], d["team"], d["aanbieder"], d["categorie"]) == (
        "groenoord",
        "Team Noord",
        "Stichting Welzijn",
        "Bejegening",
    )
    assert (d["kanaal"], d["regime"], d["adviescommissie"]) == ("brief", "wmo2015", True)
    assert d["uiterste_datum"] == "2023-05-23"


def test_registreer_waarschuwt_bij_gedraging_ouder_dan_een_jaar(cli: Cli) -> None:
    r = doe(cli, "klacht registreer --ontvangen 14-03-2023 --kanaal telefoon --omschrijving Oud --gedraging 01-01-2022")  # fmt: skip
    assert r.stdout == "K-2023-0001\n"
    assert r.stderr.startswith("Let op: ")
    assert "01-01-2022" in r.stderr
    assert "Awb 9:8" in r.stderr
    assert "Fout" not in r.stderr


# -- the procedure steps -----------------------------------------------------------------


def test_formele_procedure_tot_gegrond(cli: Cli) -> None:
    k = registreer(cli, beklaagde="P. Pietersen", beklaagde_soort="medewerker")
    stappen = [
        (f"bevestig {k} --datum 15-03-2023", "K-2023-0001: ontvangst bevestigd"),
        (f"afschrift {k} --datum 16-03-2023", "K-2023-0001: afschrift aan de beklaagde vastgelegd"),
        (f"hoor {k} --datum 20-03-2023 --verslag Gesprek", "K-2023-0001: horen vastgelegd"),
        (f"wijs-toe {k} --behandelaar 'J. de Vries'", "K-2023-0001: behandelaar J. de Vries"),
        (f"verdaag {k} --weken 4 --reden Verlof --datum 01-04-2023",
         "K-2023-0001: verdaagd; af te handelen uiterlijk 23-05-2023"),
        (f"sluit {k} --uitkomst gegrond --bevindingen b --conclusies c --datum 01-05-2023",
         "K-2023-0001: gesloten met uitkomst gegrond op 01-05-2023 (binnen de termijn)"),
    ]  # fmt: skip
    for opdracht, verwacht in stappen:
        r = doe(cli, f"klacht {opdracht}")
        assert r.stdout == verwacht + "\n"
        assert r.stderr == ""

    d = toon(cli, k)
    assert d["status"] == "gesloten"
    assert d["bevestigd"] == "2023-03-15"
    assert d["afschrift"] == "2023-03-16"
    assert d["gehoord"] == "2023-03-20"
    assert d["hoorverslag"] == "Gesprek"
    assert d["behandelaar"] == "J. de Vries"
    assert d["verdagingen"] == [
        {"datum": "2023-04-01", "weken": 4, "reden": "Verlof", "instemming_klager": None}
    ]
    assert d["afhandeling"]["uitkomst"] == "gegrond"
    assert d["afhandeling"]["binnen_termijn"] is True
    assert d["afhandeling"]["bevindingen"] == "b"
    assert d["termijnen"]["afhandeling"] == "2023-05-23"
    assert d["termijnen"]["bewaren_tot"] == "2028-05-01"
    assert [g["actie"] for g in d["geschiedenis"]] == [
        "registreer", "bevestig", "afschrift", "hoor", "wijs-toe", "verdaag", "sluit",
    ]  # fmt: skip


def test_hoor_afzien(cli: Cli) -> None:
    k = registreer(cli)
    r = doe(cli, f"klacht hoor {k} --afzien b")
    assert r.stdout == "K-2023-0001: afgezien van horen (grond b)\n"
    d = toon(cli, k)
    assert d["afzien_horen"]["grond"] == "b"
    assert "recht te worden gehoord" in d["afzien_horen"]["omschrijving"]
    assert d["gehoord"] is None
    # Afzien counts as the 9:10 step: an oordeel is possible after 9:6, 9:9 and 9:7.
    doe(cli, f"klacht bevestig {k} --datum 15-03-2023")
    doe(cli, f"klacht afschrift {k} --datum 15-03-2023")
    r = doe(cli, f"klacht sluit {k} --uitkomst ongegrond --bevindingen b --conclusies c --behandelaar 'A. Bakker' --datum 20-03-2023")  # fmt: skip
    assert "gesloten met uitkomst ongegrond" in r.stdout
    assert "afgezien: klager heeft verklaard" in doe(cli, f"klacht toon {k}").stdout


def test_verdaag_tweede_keer_alleen_met_instemming(cli: Cli) -> None:
    k = registreer(cli)
    doe(cli, f"klacht verdaag {k} --weken 4 --reden Verlof --datum 01-04-2023")
    voor = toestand(cli)
    r = kw(cli, f"klacht verdaag {k} --weken 2 --reden 'Nog een gesprek'")
    mislukt(r, 2, "al verdaagd", "--instemming")
    assert toestand(cli) == voor
    r = doe(cli, f"klacht verdaag {k} --weken 2 --reden 'Nog een gesprek' --datum 15-05-2023 --instemming 14-05-2023")  # fmt: skip
    assert "uiterlijk 06-06-2023" in r.stdout
    d = toon(cli, k)
    assert [v["weken"] for v in d["verdagingen"]] == [4, 2]
    assert d["verdagingen"][1]["instemming_klager"] == "2023-05-14"
    assert d["termijnen"]["afhandeling"] == "2023-06-06"


@pytest.mark.parametrize("uitkomst", ["gegrond", "deels-gegrond", "ongegrond", "geen-oordeel"])
def test_sluit_mondeling_met_oordeel(cli: Cli, uitkomst: str) -> None:
    # Oral complaints need no 9:6-9:10 steps, only bevindingen and conclusies.
    k = registreer(cli, kanaal="telefoon")
    r = doe(cli, f"klacht sluit {k} --uitkomst {uitkomst} --bevindingen b --conclusies c --datum 20-03-2023")  # fmt: skip
    assert f"gesloten met uitkomst {uitkomst} op 20-03-2023" in r.stdout
    [regel] = lijst(cli)
    assert regel["status"] == "gesloten"
    assert regel["uitkomst"] == uitkomst
    assert regel["afgehandeld"] == "2023-03-20"


@pytest.mark.parametrize(
    ("uitkomst", "opties", "veld", "waarde"),
    [
        ("informeel-opgelost", "--tevredenheid 'Per mail bevestigd'", "tevredenheid", "Per mail bevestigd"),
        ("doorgestuurd", "--naar 'GGD Rotterdam' --naar-soort zorgaanbieder --klager-geinformeerd 20-03-2023",
         "doorgestuurd_naar", "GGD Rotterdam"),
        ("ingetrokken", "--wijze telefonisch", "wijze_intrekking", "telefonisch"),
        ("niet-ontvankelijk", "--reden 'Geen naam en adres'", "reden_niet_ontvankelijk", "Geen naam en adres"),
        ("niet-in-behandeling", "--grond 2", "grond_9_8",
         {"grond": "2", "omschrijving": "belang of gewicht kennelijk onvoldoende"}),
    ],
)  # fmt: skip
def test_sluit_per_uitkomst(cli: Cli, uitkomst: str, opties: str, veld: str, waarde: object) -> None:  # fmt: skip
    k = registreer(cli)
    r = doe(cli, f"klacht sluit {k} --uitkomst {uitkomst} {opties} --datum 20-03-2023")
    assert r.stdout.startswith(f"{k}: gesloten met uitkomst {uitkomst} op 20-03-2023")
    d = toon(cli, k)
    assert d["status"] == "gesloten"
    assert d["afhandeling"]["uitkomst"] == uitkomst
    assert d["afhandeling"][veld] == waarde
    assert lijst(cli, "--status gesloten")[0]["uitkomst"] == uitkomst


def test_niet_in_behandeling_grond_1b(cli: Cli) -> None:
    k = registreer(cli, gedraging="01-01-2022")
    r = doe(cli, f"klacht sluit {k} --uitkomst niet-in-behandeling --grond 1b --datum 20-03-2023")
    assert "(binnen de termijn)" in r.stdout
    assert toon(cli, k)["afhandeling"]["grond_9_8"]["grond"] == "1b"


def test_heropen_en_opnieuw_sluiten(cli: Cli) -> None:
    k = registreer(cli)
    doe(cli, f"klacht sluit {k} --uitkomst ingetrokken --wijze telefonisch --datum 20-03-2023")
    r = doe(cli, f"klacht heropen {k} --reden 'Nieuwe feiten' --datum 21-03-2023")
    assert r.stdout == "K-2023-0001: heropend\n"
    d = toon(cli, k)
    assert d["status"] == "open"
    assert d["uitkomst"] is None
    assert d["afhandeling"] is None
    doe(cli, f"klacht sluit {k} --uitkomst informeel-opgelost --tevredenheid Gebeld --datum 22-03-2023")  # fmt: skip
    d = toon(cli, k)
    assert d["uitkomst"] == "informeel-opgelost"
    # The earlier outcome stays in the history.
    assert [g["actie"] for g in d["geschiedenis"]] == ["registreer", "sluit", "heropen", "sluit"]


def test_ombudsman(cli: Cli) -> None:
    k = registreer(cli, kanaal="balie")
    doe(cli, f"klacht sluit {k} --uitkomst ongegrond --bevindingen b --conclusies c --datum 20-03-2023")  # fmt: skip
    assert toon(cli, k)["termijnen"]["bewaren_tot"] == "2028-03-20"
    r = doe(cli, f"klacht ombudsman {k} --datum 01-05-2023")
    assert r.stdout == "K-2023-0001: bij de ombudsman vastgelegd\n"
    d = toon(cli, k)
    assert d["afhandeling"]["ombudsman"] == "2023-05-01"
    assert d["termijnen"]["bewaren_tot"] == "2033-03-20"
    assert d["termijnen"]["ombudsman_tot"] == "2024-03-20"


def test_door_komt_in_de_geschiedenis(cli: Cli) -> None:
    doe(cli, "--door 'A. Bakker' klacht registreer --ontvangen 14-03-2023 --kanaal balie --omschrijving x")  # fmt: skip
    [g] = toon(cli, "K-2023-0001")["geschiedenis"]
    assert g["door"] == "A. Bakker"
    assert g["actie"] == "registreer"


# -- lijst and toon -------------------------------------------------------------------------


def test_lijst_leeg(cli: Cli) -> None:
    assert doe(cli, "klacht lijst").stdout == "Geen klachten gevonden.\n"
    assert doe(cli, "klacht lijst --json").stdout == "[]\n"


def test_lijst_tabel(cli: Cli) -> None:
    registreer(cli, wijk="Groenoord", categorie="bejegening")
    registreer(cli, ontvangen="15-03-2023", kanaal="balie")
    r = doe(cli, "klacht lijst")
    for kop in ("Kenmerk", "Ontvangen", "Kanaal", "Categorie", "Wijk", "Status", "Uiterlijk"):
        assert kop in r.stdout
    assert "K-2023-0001" in r.stdout
    assert "K-2023-0002" in r.stdout
    assert "14-03-2023" in r.stdout  # dates as Dutch users write them
    assert "Groenoord" in r.stdout
    assert "bejegening" in r.stdout
    # Open past its deadline (25-04-2023) on 01-06-2023.
    assert "open (te laat)" in r.stdout
    assert r.stdout.rstrip().endswith("2 klacht(en).")
    assert r.stderr == ""


@pytest.mark.usefixtures("wot")
def test_lijst_json_heeft_de_gedocumenteerde_sleutels(cli: Cli) -> None:
    registreer(cli, wijk="Oost", aanbieder="buurtwerk")
    registreer(cli, kanaal="telefoon")
    doe(cli, "klacht sluit K-2023-0002 --uitkomst ingetrokken --wijze mondeling --datum 20-03-2023")
    eerste, tweede = lijst(cli)
    assert set(LIJSTSLEUTELS) <= set(eerste)
    assert set(LIJSTSLEUTELS) <= set(tweede)
    assert {k: eerste[k] for k in LIJSTSLEUTELS} == {
        "kenmerk": "K-2023-0001",
        "ontvangen": "2023-03-14",
        "kanaal": "e-mail",
        "categorie": "overig",  # the profile's standaard_categorie
        "wijk": "Oost",
        "aanbieder": "Buurtwerk",
        "regime": "awb",
        "status": "open",
        "uiterste_datum": "2023-04-25",
        "uitkomst": None,
        "afgehandeld": None,
        "te_laat": True,
    }
    assert tweede["status"] == "gesloten"
    assert tweede["uitkomst"] == "ingetrokken"
    assert tweede["afgehandeld"] == "2023-03-20"
    assert tweede["te_laat"] is False


def test_lijst_json_zonder_profiel_heeft_een_lege_categorie(cli: Cli) -> None:
    registreer(cli, wijk="Oost", aanbieder="Stichting Welzijn")
    [eerste] = lijst(cli)
    assert set(LIJSTSLEUTELS) <= set(eerste)
    assert (eerste["categorie"], eerste["wijk"], eerste["aanbieder"]) == (
        None,
        "Oost",
        "Stichting Welzijn",
    )


def test_lijst_filters(cli: Cli) -> None:
    registreer(cli, ontvangen="14-12-2022")
    registreer(cli, ontvangen="14-03-2023")
    registreer(cli, ontvangen="25-05-2023", kanaal="balie")
    doe(cli, "klacht sluit K-2023-0002 --uitkomst ingetrokken --wijze brief --datum 30-05-2023")

    def kenmerken(opties: str) -> list[str]:
        return [r["kenmerk"] for r in lijst(cli, opties)]

    assert kenmerken("--jaar 2023") == ["K-2023-0001", "K-2023-0002"]
    assert kenmerken("--status open") == ["K-2022-0001", "K-2023-0001"]
    assert kenmerken("--status Gesloten") == ["K-2023-0002"]
    assert kenmerken("--status te-laat") == ["K-2022-0001", "K-2023-0001"]
    assert kenmerken("--limiet 1") == ["K-2022-0001"]
    assert kenmerken("--jaar 2021") == []


def importeer_klachten(cli: Cli, tmp_path: Path, *jaren: tuple[int, int]) -> None:
    """Import (aantal, jaar) complaints per year in one go, received on 1 March."""
    regels = ["ontvangen,kanaal,omschrijving"]
    for aantal, jaar in jaren:
        regels += [f"{jaar}-03-01,brief,Klacht {i}" for i in range(aantal)]
    bestand = tmp_path / "klachten.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    doe(cli, f"klacht importeer {bestand}")


def tabelregels(uitvoer: str) -> list[str]:
    """The rows of a ``klacht lijst`` table (lines that start with a kenmerk)."""
    return [r for r in uitvoer.splitlines() if r.lstrip().startswith("K-")]


def kenmerken_in(uitvoer: str) -> list[str]:
    return [r.split()[0] for r in tabelregels(uitvoer)]


def test_lijst_toont_standaard_een_pagina_en_zegt_hoeveel_er_nog_zijn(
    cli: Cli, tmp_path: Path
) -> None:
    from kwaliteit.cli.klacht import LIJST_PAGINA

    importeer_klachten(cli, tmp_path, (LIJST_PAGINA + 3, 2023))
    r = doe(cli, "klacht lijst")
    assert kenmerken_in(r.stdout) == [f"K-2023-{i:04d}" for i in range(1, LIJST_PAGINA + 1)]
    assert r.stdout.rstrip().splitlines()[-1] == (
        "… en nog 3 klacht(en). Gebruik --limiet N voor meer of --alle voor alle "
        f"{LIJST_PAGINA + 3}."
    )
    assert r.stderr == ""
    # The help says how long a page is.
    assert f"standaard {LIJST_PAGINA}" in " ".join(doe(cli, "klacht lijst --help").stdout.split())


def test_lijst_limiet_en_alle(cli: Cli, tmp_path: Path) -> None:
    importeer_klachten(cli, tmp_path, (12, 2022), (30, 2023))
    alle = doe(cli, "klacht lijst --alle").stdout
    register = [f"K-2022-{i:04d}" for i in range(1, 13)] + [f"K-2023-{i:04d}" for i in range(1, 31)]
    assert kenmerken_in(alle) == register
    assert alle.rstrip().endswith("\n42 klacht(en).")
    assert "nog" not in alle

    # Every page is the start of the whole list, in kenmerk order (years in order too).
    for n in (1, 12, 13, 41):
        r = doe(cli, f"klacht lijst --limiet {n}").stdout
        assert kenmerken_in(r) == register[:n]
        assert r.rstrip().endswith(
            f"… en nog {42 - n} klacht(en). Gebruik --limiet N voor meer of --alle voor alle 42."
        )
    for n in (42, 43, 1000):
        r = doe(cli, f"klacht lijst --limiet {n}").stdout
        assert kenmerken_in(r) == register
        assert r.rstrip().endswith("\n42 klacht(en).")


def test_lijst_filters_met_pagina(cli: Cli, tmp_path: Path) -> None:
    importeer_klachten(cli, tmp_path, (12, 2022), (30, 2023))
    for k in ("K-2023-0002", "K-2023-0004"):
        doe(cli, f"klacht sluit {k} --uitkomst ingetrokken --wijze brief --datum 02-03-2023")

    r = doe(cli, "klacht lijst --jaar 2023 --limiet 5").stdout
    assert kenmerken_in(r) == [f"K-2023-{i:04d}" for i in range(1, 6)]
    assert "… en nog 25 klacht(en)" in r
    assert "voor alle 30." in r

    # The count after the page follows the filters: two of 2023 are closed.
    r = doe(cli, "klacht lijst --jaar 2023 --status open --limiet 3").stdout
    assert kenmerken_in(r) == ["K-2023-0001", "K-2023-0003", "K-2023-0005"]
    assert "… en nog 25 klacht(en)" in r
    assert "voor alle 28." in r
    assert kenmerken_in(doe(cli, "klacht lijst --status gesloten").stdout) == [
        "K-2023-0002",
        "K-2023-0004",
    ]

    # On 01-06-2023 every open complaint of 1 March is past its deadline (12-04-2023).
    r = doe(cli, "klacht lijst --status te-laat --limiet 2").stdout
    assert kenmerken_in(r) == ["K-2022-0001", "K-2022-0002"]
    assert "voor alle 40." in r
    assert all("open (te laat)" in regel for regel in tabelregels(r))
    assert doe(cli, "klacht lijst --jaar 2021 --limiet 1").stdout == "Geen klachten gevonden.\n"


def test_lijst_alle_schrijft_een_lange_lijst_regel_voor_regel(cli: Cli, tmp_path: Path) -> None:
    from kwaliteit.cli.klacht import LIJST_DREMPEL

    aantal = max(LIJST_DREMPEL + 1, 1001)
    importeer_klachten(cli, tmp_path, (aantal, 2023))
    doe(cli, "klacht sluit K-2023-0007 --uitkomst ingetrokken --wijze brief --datum 02-03-2023")
    r = doe(cli, "klacht lijst --alle")
    regels = tabelregels(r.stdout)
    assert [regel.split()[0] for regel in regels] == [
        f"K-2023-{i:04d}" for i in range(1, aantal + 1)
    ]
    # Fixed widths: every column starts where its heading does, whatever the values.
    kop = next(regel for regel in r.stdout.splitlines() if "Kenmerk" in regel)
    for naam, waarde in (("Ontvangen", "01-03-2023"), ("Status", "open (te laat)")):
        kolom = kop.index(naam)
        assert all(regel[kolom:].startswith(waarde) for regel in regels if "gesloten" not in regel)
    assert "ingetrokken" in regels[6]
    assert r.stdout.rstrip().endswith(f"\n{aantal:,} klacht(en).".replace(",", "."))
    # The default page of this list counts with dots between thousands too.
    assert f"voor alle {aantal:,}.".replace(",", ".") in doe(cli, "klacht lijst").stdout
    # A page longer than LIJST_DREMPEL is written the same way, and stops at its end.
    n = LIJST_DREMPEL + 2
    r = doe(cli, f"klacht lijst --limiet {n}")
    assert [regel.split()[0] for regel in tabelregels(r.stdout)] == [
        f"K-2023-{i:04d}" for i in range(1, n + 1)
    ]
    assert f"… en nog {aantal - n} klacht(en)" in r.stdout


def test_lijst_json_is_niet_gepagineerd(cli: Cli, tmp_path: Path) -> None:
    from kwaliteit.cli.klacht import LIJST_PAGINA

    importeer_klachten(cli, tmp_path, (LIJST_PAGINA + 5, 2023))
    alle = lijst(cli)
    assert [r["kenmerk"] for r in alle] == [f"K-2023-{i:04d}" for i in range(1, LIJST_PAGINA + 6)]
    assert lijst(cli, "--limiet 3") == alle[:3]
    assert lijst(cli, "--alle") == alle
    assert lijst(cli, "--status te-laat --limiet 2") == alle[:2]


def test_lijst_limiet_en_alle_samen_wordt_geweigerd(cli: Cli) -> None:
    mislukt(kw(cli, "klacht lijst --limiet 5 --alle"), 2, "--limiet", "--alle")


def test_termijnen_tekst_en_json(cli: Cli) -> None:
    # On 01-06-2023 (VANDAAG), within 20 days: uiterlijk 12-06-2023, 05-06-2023 (+2 weken
    # verdaagd: 19-06-2023) and 15-06-2023 with a 9:8 notice for a gedraging of 2021
    # (uiterlijk 01-06-2023: today).
    gewoon = registreer(cli, ontvangen="01-05-2023")
    verdaagd = registreer(cli, ontvangen="24-04-2023", kanaal="brief")
    doe(cli, f"klacht verdaag {verdaagd} --weken 2 --reden 'advies nodig'")
    oud = registreer(cli, ontvangen="04-05-2023", gedraging="01-01-2021")
    registreer(cli, ontvangen="01-06-2023")  # uiterlijk 13-07-2023: not within 20 days

    r = doe(cli, "klacht termijnen --binnen 20")
    regels = r.stdout.splitlines()
    assert [regel.split()[:2] for regel in regels] == [
        [oud, "01-06-2023"],
        [gewoon, "12-06-2023"],
        [oud, "15-06-2023"],
        [verdaagd, "19-06-2023"],
    ]
    assert "vandaag" in regels[0]
    assert "9:8" in regels[0]
    assert "over 11 dagen" in regels[1]
    assert regels[3].endswith("afhandeltermijn (Awb 9:11) na verdaging")
    assert not any("na verdaging" in regel for regel in regels[:3])

    d = json.loads(doe(cli, "klacht termijnen --binnen 20 --json").stdout)
    assert [(t["kenmerk"], t["soort"], t["uiterlijk"]) for t in d] == [
        (oud, "melding-9:8", "2023-06-01"),
        (gewoon, "afhandeling", "2023-06-12"),
        (oud, "afhandeling", "2023-06-15"),
        (verdaagd, "afhandeling", "2023-06-19"),
    ]
    assert "na verdaging" in d[3]["omschrijving"]
    assert doe(cli, "klacht termijnen --binnen 0", vandaag="2023-05-01").stdout == (
        "Geen termijnen die binnen 0 dagen aflopen.\n"
    )


def test_toon_tekst(cli: Cli) -> None:
    k = registreer(
        cli,
        beklaagde="P. Pietersen",
        beklaagde_soort="medewerker",
        wijk="Groenoord",
        team="Noord",
        klager_naam="Jan Jansen",
    )
    sluit_formeel(cli, k)
    r = doe(cli, f"klacht toon {k}")
    for verwacht in (
        "K-2023-0001",
        "14-03-2023 via e-mail",
        "P. Pietersen (medewerker)",
        "Groenoord / Noord",
        "Ontvangstbevestiging",
        "15-03-2023",
        "gegrond op 01-05-2023",
        "Bewaren tot",
        "Geschiedenis:",
        "gesloten met uitkomst gegrond op 01-05-2023",
    ):
        assert verwacht in r.stdout, verwacht
    assert "Jan Jansen" not in r.stdout
    assert "Klager" not in r.stdout


def test_toon_json_met_geschiedenis_en_termijnen(cli: Cli) -> None:
    k = registreer(cli, gedraging="01-01-2022")
    d = toon(cli, k)
    assert d["kenmerk"] == k
    assert set(LIJSTSLEUTELS) <= set(d)
    assert set(TOONSLEUTELS) <= set(d)
    assert set(d["termijnen"]) >= {"afhandeling", "melding_9_8", "ombudsman_tot", "bewaren_tot"}
    assert d["termijnen"]["afhandeling"] == "2023-04-25"
    assert d["termijnen"]["melding_9_8"] == "2023-04-11"
    assert d["termijnen"]["ombudsman_tot"] is None
    [g] = d["geschiedenis"]
    assert set(g) >= {"volgnummer", "tijdstip", "door", "actie"}
    assert g["actie"] == "registreer"
    assert d["waarschuwingen"]  # the gedraging is more than a year old
    assert "klager" not in d


def test_klagernaam_alleen_met_met_klager(cli: Cli) -> None:
    k = registreer(cli, klager_naam="Jan Jansen", klager_contact="jan@example.nl")
    for opties in ("", "--json"):
        r = doe(cli, f"klacht toon {k} {opties}")
        assert "Jan Jansen" not in r.stdout
        assert "jan@example.nl" not in r.stdout
        r = doe(cli, f"klacht toon {k} {opties} --met-klager")
        assert "Jan Jansen" in r.stdout
        assert "jan@example.nl" in r.stdout
    assert "Jan Jansen" not in doe(cli, "klacht lijst --json").stdout
    assert "Jan Jansen" not in doe(cli, "klacht lijst").stdout


# -- termijnen, overzicht, opschonen --------------------------------------------------------


def test_termijnen_binnen(cli: Cli) -> None:
    registreer(cli, ontvangen="20-04-2023", kanaal="balie")  # afhandeling uiterlijk 01-06
    registreer(cli, ontvangen="10-05-2023", kanaal="balie", gedraging="01-01-2022")
    # K-2023-0002: notice 9:8 uiterlijk 07-06, afhandeling uiterlijk 21-06.
    regels = doe(cli, "klacht termijnen --binnen 7").stdout.strip().splitlines()
    assert len(regels) == 2
    assert regels[0].startswith("K-2023-0001  01-06-2023  vandaag")
    assert regels[1].startswith("K-2023-0002  07-06-2023  over 6 dagen")
    assert "Awb 9:8" in regels[1]

    termijnen = json.loads(doe(cli, "klacht termijnen --binnen 30 --json").stdout)
    assert [(t["kenmerk"], t["soort"], t["uiterlijk"]) for t in termijnen] == [
        ("K-2023-0001", "afhandeling", "2023-06-01"),
        ("K-2023-0002", "melding-9:8", "2023-06-07"),
        ("K-2023-0002", "afhandeling", "2023-06-21"),
    ]
    assert set(termijnen[0]) >= {
        "kenmerk", "soort", "uiterlijk", "dagen_resterend", "verlopen", "omschrijving",
    }  # fmt: skip
    assert termijnen[0]["dagen_resterend"] == 0
    assert termijnen[0]["verlopen"] is False

    assert (
        "4 dagen verlopen" in doe(cli, "klacht termijnen --binnen 3", vandaag="2023-06-05").stdout
    )
    r = doe(cli, "klacht termijnen --binnen 0", vandaag="2023-04-01")
    assert r.stdout == "Geen termijnen die binnen 0 dagen aflopen.\n"


def test_overzicht(cli: Cli) -> None:
    registreer(cli, wijk="Oost", categorie="bejegening")
    registreer(cli, kanaal="telefoon", ontvangen="15-03-2023", aanbieder="Stichting Welzijn")
    registreer(cli, ontvangen="16-03-2023")
    registreer(cli, ontvangen="16-03-2022")
    doe(cli, "klacht sluit K-2023-0002 --uitkomst doorgestuurd --naar GGD --naar-soort zorgaanbieder --klager-geinformeerd 20-03-2023 --datum 20-03-2023")  # fmt: skip
    sluit_formeel(cli, "K-2023-0001")

    o = json.loads(doe(cli, "klacht overzicht --jaar 2023 --json").stdout)
    assert o["jaar"] == 2023
    assert type(o["ontvangen"]) is int
    assert o["ontvangen"] == 3
    assert o["schriftelijk"] == 2
    assert o["mondeling"] == 1
    assert o["afgehandeld"] == 2
    assert o["nog_open"] == 1
    per_uitkomst = o["per_uitkomst"]
    assert all(type(v) is int for v in per_uitkomst.values())
    assert set(per_uitkomst) == {
        "gegrond", "deels-gegrond", "ongegrond", "geen-oordeel", "informeel-opgelost",
        "doorgestuurd", "ingetrokken", "niet-ontvankelijk", "niet-in-behandeling",
    }  # fmt: skip
    assert per_uitkomst["gegrond"] == 1
    assert per_uitkomst["doorgestuurd"] == 1
    assert sum(per_uitkomst.values()) == 2
    assert o["per_wijk"]["Oost"] == 1
    assert o["per_aanbieder"]["Stichting Welzijn"] == 1
    assert o["doorgestuurd_per_bestemming"] == {"GGD": 1}

    r = doe(cli, "klacht overzicht --jaar 2023")
    assert r.stdout.startswith("Klachtenoverzicht 2023 (Awb 9:12a)")
    assert "Ontvangen:              3 (2 schriftelijk, 1 mondeling)" in r.stdout
    assert "Per uitkomst:" in r.stdout
    assert "doorgestuurd" in r.stdout
    # K-2023-0001 was closed after its deadline (25-04): 1 of 2 on time, with a decimal comma.
    assert "50,0% (1 van 2)" in r.stdout

    leeg = json.loads(doe(cli, "klacht overzicht --jaar 2019 --json").stdout)
    assert leeg["ontvangen"] == 0
    assert set(leeg["per_uitkomst"].values()) == {0}


def test_opschonen_droog_en_uitvoeren(cli: Cli) -> None:
    # Niet-ontvankelijk in 2020: kept one year, so past its term in 2023.
    doe(cli, "klacht registreer --ontvangen 06-01-2020 --kanaal telefoon --omschrijving Oud --klager-naam 'Piet Puk' --klager-contact 0612345678", vandaag="2020-02-01")  # fmt: skip
    doe(cli, "klacht sluit K-2020-0001 --uitkomst niet-ontvankelijk --reden 'Geen naam' --datum 10-01-2020", vandaag="2020-02-01")  # fmt: skip
    # Closed with an oordeel: kept five years, not yet due.
    registreer(cli, kanaal="balie", klager_naam="Jan Jansen")
    doe(cli, "klacht sluit K-2023-0001 --uitkomst ongegrond --bevindingen b --conclusies c --datum 20-03-2023")  # fmt: skip

    voor = toestand(cli)
    r = doe(cli, "klacht opschonen")
    assert "K-2020-0001  bewaren tot 10-01-2021" in r.stdout
    assert "K-2023-0001" not in r.stdout
    assert "Voer uit met --uitvoeren" in r.stdout
    assert toestand(cli) == voor  # a dry run writes nothing
    assert toon(cli, "K-2020-0001", "--met-klager")["klager"]["naam"] == "Piet Puk"

    r = doe(cli, "klacht opschonen --uitvoeren")
    assert "1 klacht(en): klagergegevens gepseudonimiseerd." in r.stdout
    klager = toon(cli, "K-2020-0001", "--met-klager")["klager"]
    assert klager == {"naam": None, "contact": None, "gepseudonimiseerd": "2023-06-01"}
    assert toon(cli, "K-2023-0001", "--met-klager")["klager"]["naam"] == "Jan Jansen"
    assert auditaantal(cli) == voor[2] + 1

    r = doe(cli, "klacht opschonen")
    assert r.stdout == "Geen klagergegevens waarvan de bewaartermijn verstreken is.\n"


# -- bad input --------------------------------------------------------------------------------


@pytest.fixture
def register(cli: Cli) -> Cli:
    """K-2023-0001 open (written, gedraging 01-03, bevestigd 15-03), K-2023-0002 closed (oral)."""
    registreer(
        cli,
        beklaagde="P. Pietersen",
        beklaagde_soort="medewerker",
        gedraging="01-03-2023",
        klager_naam="Jan Jansen",
    )
    doe(cli, "klacht bevestig K-2023-0001 --datum 15-03-2023")
    registreer(cli, ontvangen="16-03-2023", kanaal="telefoon")
    doe(cli, "klacht sluit K-2023-0002 --uitkomst informeel-opgelost --tevredenheid Gebeld --datum 20-03-2023")  # fmt: skip
    return cli


REG = "klacht registreer --kanaal e-mail --omschrijving x"
SLUIT = "klacht sluit K-2023-0001"
OORDEEL = f"{SLUIT} --bevindingen b --conclusies c"

# (id, command, fragments the message must contain); every one exits with 2.
FOUTEN: list[tuple[str, str, list[str]]] = [
    # -- kenmerken
    ("onbekend-kenmerk", "klacht toon K-2023-0099", ["K-2023-0099", "klacht lijst"]),
    ("onbekend-kenmerk-stap", "klacht afschrift K-2024-0001", ["geen klacht met kenmerk K-2024-0001"]),
    ("misvormd-kenmerk", "klacht afschrift X-12", ["'X-12' is geen kenmerk", "K-2023-0001"]),
    ("misvormd-kenmerk-jaar", "klacht toon K-23-1", ["'K-23-1' is geen kenmerk"]),
    # -- dates
    ("datumformaat", f"{REG} --ontvangen 2023/03/14", ["ontvangen: '2023/03/14' is geen datum", "jjjj-mm-dd of dd-mm-jjjj"]),
    ("datumformaat-tekst", f"{REG} --ontvangen gisteren", ["'gisteren' is geen datum"]),
    ("datumformaat-stap", "klacht afschrift K-2023-0001 --datum 16.03.2023", ["datum: '16.03.2023' is geen datum"]),
    ("niet-bestaande-datum", f"{REG} --ontvangen 31-02-2023", ["ontvangen: '31-02-2023' bestaat niet als datum"]),
    ("niet-bestaande-maand", "klacht afschrift K-2023-0001 --datum 2023-13-01", ["'2023-13-01' bestaat niet"]),
    ("ontvangst-in-de-toekomst", f"{REG} --ontvangen 02-06-2023", ["ontvangen: 02-06-2023 ligt in de toekomst", "01-06-2023"]),
    ("stap-in-de-toekomst", "klacht afschrift K-2023-0001 --datum 02-06-2023", ["ligt in de toekomst"]),
    ("stap-voor-ontvangst", "klacht afschrift K-2023-0001 --datum 13-03-2023", ["ligt voor de ontvangst van K-2023-0001 (14-03-2023)"]),
    ("sluiten-voor-ontvangst", f"{SLUIT} --uitkomst ingetrokken --wijze tel --datum 01-03-2023", ["ligt voor de ontvangst"]),
    ("sluiten-voor-laatste-stap", f"{SLUIT} --uitkomst ingetrokken --wijze tel --datum 14-03-2023", ["laatste stap", "15-03-2023"]),
    ("gedraging-na-ontvangst", f"{REG} --ontvangen 01-03-2023 --gedraging 02-03-2023", ["gedraging: 02-03-2023 ligt na de ontvangst"]),
    # -- vocabularies
    ("onbekend-kanaal", "klacht registreer --ontvangen 01-03-2023 --kanaal fax --omschrijving x", ["kanaal: 'fax' is niet toegestaan", "brief, e-mail, webformulier, telefoon of balie"]),
    ("onbekend-regime", f"{REG} --ontvangen 01-03-2023 --regime wlz", ["regime: 'wlz'", "awb, wmo2015, jeugdwet of wkkgz"]),
    ("onbekende-beklaagde-soort", f"{REG} --ontvangen 01-03-2023 --beklaagde-soort klant", ["beklaagde-soort: 'klant'", "medewerker, team of organisatie"]),
    ("meerdere-fouten", "klacht registreer --ontvangen 31-02-2023 --kanaal fax --omschrijving x --beklaagde-soort klant", ["31-02-2023", "kanaal: 'fax'", "beklaagde-soort: 'klant'"]),
    ("lege-omschrijving", "klacht registreer --ontvangen 01-03-2023 --kanaal brief --omschrijving '  '", ["omschrijving is verplicht"]),
    ("onbekende-uitkomst", f"{SLUIT} --uitkomst afgewezen", ["uitkomst: 'afgewezen' is niet toegestaan", "gegrond, deels-gegrond", "niet-in-behandeling"]),
    ("onbekende-status", "klacht lijst --status lopend", ["status: 'lopend'", "open, gesloten of te-laat"]),
    ("onbekende-naar-soort", f"{SLUIT} --uitkomst doorgestuurd --naar GGD --naar-soort gemeente", ["naar-soort: 'gemeente'", "bestuursorgaan, zorgaanbieder of anders"]),
    ("onbekende-grond", f"{SLUIT} --uitkomst niet-in-behandeling --grond 3", ["grond: '3'", "1a, 1b"]),
    ("onbekende-afzien-grond", "klacht hoor K-2023-0001 --afzien z", ["afzien: 'z'", "a, b of c"]),
    # -- impossible steps
    ("verdaging-5-weken", "klacht verdaag K-2023-0001 --weken 5 --reden x", ["ten hoogste 4 weken", "niet 5"]),
    ("verdaging-0-weken", "klacht verdaag K-2023-0001 --weken 0 --reden x", ["1 tot en met 4 weken"]),
    ("verdaging-zonder-reden", "klacht verdaag K-2023-0001 --weken 2 --reden ' '", ["reden"]),
    ("twee-keer-sluiten", "klacht sluit K-2023-0002 --uitkomst ingetrokken --wijze x", ["K-2023-0002 is al gesloten op 20-03-2023", "heropen"]),
    ("stap-na-sluiten", "klacht verdaag K-2023-0002 --weken 2 --reden x", ["al gesloten"]),
    ("doorgestuurd-zonder-naar", f"{SLUIT} --uitkomst doorgestuurd --naar-soort zorgaanbieder --klager-geinformeerd 20-03-2023 --datum 20-03-2023", ["kan niet gesloten worden", "--naar"]),
    ("doorgestuurd-zonder-alles", f"{SLUIT} --uitkomst doorgestuurd", ["--naar", "--naar-soort", "--klager-geinformeerd"]),
    ("oordeel-zonder-stappen", f"{OORDEEL} --uitkomst gegrond", ["afschrift", "niet gehoord", "behandelaar"]),
    ("oordeel-zonder-bevindingen", f"{SLUIT} --uitkomst ongegrond", ["bevindingen", "conclusies"]),
    ("optie-hoort-niet-bij-uitkomst", f"{OORDEEL} --uitkomst ongegrond --naar GGD", ["--naar hoort niet bij uitkomst ongegrond"]),
    ("grond-1b-zonder-oude-gedraging", f"{SLUIT} --uitkomst niet-in-behandeling --grond 1b", ["grond 1b geldt niet"]),
    ("hoor-afzien-en-verslag", "klacht hoor K-2023-0001 --afzien b --verslag x", ["óf --afzien", "niet beide"]),
    ("hoor-zonder-verslag", "klacht hoor K-2023-0001", ["--verslag", "--afzien"]),
    ("behandelaar-is-beklaagde", "klacht wijs-toe K-2023-0001 --behandelaar 'p. pietersen'", ["Awb 9:7"]),
    ("twee-keer-bevestigen", "klacht bevestig K-2023-0001", ["al bevestigd op 15-03-2023"]),
    ("heropen-open-klacht", "klacht heropen K-2023-0001 --reden x", ["K-2023-0001 is open"]),
    ("heropen-voor-afhandeling", "klacht heropen K-2023-0002 --reden x --datum 19-03-2023", ["voor de afhandeling"]),
    ("ombudsman-open-klacht", "klacht ombudsman K-2023-0001", ["nog open"]),
    # -- usage errors (Click's own messages, in Dutch: kwaliteit/cli/taal/nl.po)
    ("ontbrekende-optie", "klacht registreer --ontvangen 01-03-2023 --omschrijving x", ["Ontbrekende optie '--kanaal'"]),
    ("ontbrekend-argument", "klacht toon", ["Ontbrekend argument 'KENMERK'"]),
    ("onbekende-optie", "klacht lijst --soort x", ["Onbekende optie", "--soort"]),
    ("onbekende-opdracht", "klacht verwijder K-2023-0001", ["Onbekende opdracht"]),
    ("weken-geen-getal", "klacht verdaag K-2023-0001 --weken vijf --reden x", ["--weken", "geheel getal"]),
    ("limiet-nul", "klacht lijst --limiet 0", ["--limiet", "0 ligt niet in het bereik 1<=x<="]),
    ("binnen-negatief", "klacht termijnen --binnen -1", ["--binnen"]),
    ("overzicht-jaar-nul", "klacht overzicht --jaar 0", ["--jaar", "0 ligt niet in het bereik 1<=x<=9999"]),
    ("overzicht-zonder-jaar", "klacht overzicht", ["Ontbrekende optie '--jaar'"]),
]  # fmt: skip


# Refused because the organisation profile (fixture ``wot``) has its own lists.
FOUTEN_MET_PROFIEL: list[tuple[str, str, list[str]]] = [
    ("onbekende-wijk", f"{REG} --ontvangen 01-03-2023 --wijk Mars", ["wijk: 'Mars' staat niet in het organisatieprofiel", "Centrum/West, Groenoord", "--wijk-erbij 'Mars'"]),
    ("onbekende-categorie", f"{REG} --ontvangen 01-03-2023 --categorie klantvriendelijkheid", ["categorie: 'klantvriendelijkheid'", "bejegening, informatie"]),
    ("onbekend-team", f"{REG} --ontvangen 01-03-2023 --team 'Team Noord'", ["team: 'Team Noord'", "WOT Centrum/West", "--team-erbij 'Team Noord'"]),
    ("onbekende-aanbieder", f"{REG} --ontvangen 01-03-2023 --aanbieder Zorgnet", ["aanbieder: 'Zorgnet'", "Enver, Minters"]),
    ("meerdere-fouten-met-profiel", "klacht registreer --ontvangen 31-02-2023 --kanaal fax --omschrijving x --wijk Mars", ["31-02-2023", "kanaal: 'fax'", "wijk: 'Mars'"]),
]  # fmt: skip


def _foute_invoer(register: Cli, opdracht: str, fragmenten: list[str]) -> None:
    voor = toestand(register)
    r = kw(register, opdracht)
    stderr = mislukt(r, 2, *fragmenten)
    assert r.stdout == ""
    if not stderr.startswith("Gebruik: "):
        # Messages from kwaliteit itself (not Click's usage errors) start with "Fout:".
        assert stderr.startswith("Fout: ")
    assert toestand(register) == voor


@pytest.mark.parametrize(("opdracht", "fragmenten"), [f[1:] for f in FOUTEN], ids=[f[0] for f in FOUTEN])  # fmt: skip
def test_foute_invoer(register: Cli, opdracht: str, fragmenten: list[str]) -> None:
    _foute_invoer(register, opdracht, fragmenten)


@pytest.mark.usefixtures("wot")
@pytest.mark.parametrize(("opdracht", "fragmenten"), [f[1:] for f in FOUTEN_MET_PROFIEL], ids=[f[0] for f in FOUTEN_MET_PROFIEL])  # fmt: skip
def test_foute_invoer_volgens_het_organisatieprofiel(
    register: Cli, opdracht: str, fragmenten: list[str]
) -> None:
    _foute_invoer(register, opdracht, fragmenten)


# Without a profile the same values are free text, kept as typed.
VRIJ_ZONDER_PROFIEL = [f[:2] for f in FOUTEN_MET_PROFIEL if f[0] != "meerdere-fouten-met-profiel"]


@pytest.mark.parametrize("opdracht", [f[1] for f in VRIJ_ZONDER_PROFIEL], ids=[f[0] for f in VRIJ_ZONDER_PROFIEL])  # fmt: skip
def test_zonder_profiel_zijn_wijk_team_aanbieder_en_categorie_vrij(
    register: Cli, opdracht: str
) -> None:
    optie, waarde = shlex.split(opdracht)[-2:]
    kenmerk = doe(register, opdracht).stdout.strip()
    assert kenmerk == "K-2023-0003"
    assert toon(register, kenmerk)[optie.removeprefix("--")] == waarde


@pytest.mark.usefixtures("wot")
def test_mislukte_registratie_verbruikt_geen_kenmerk(register: Cli) -> None:
    mislukt(kw(register, f"{REG} --ontvangen 02-06-2023"), 2)
    mislukt(kw(register, f"{REG} --ontvangen 01-03-2023 --wijk Mars"), 2)
    assert registreer(register) == "K-2023-0003"


def test_kenmerk_wordt_genormaliseerd(register: Cli) -> None:
    assert toon(register, "k-2023-1")["kenmerk"] == "K-2023-0001"
    assert toon(register, "' K-2023-0002 '")["kenmerk"] == "K-2023-0002"


def test_ongeldige_vandaag(cli: Cli) -> None:
    mislukt(kw(cli, "klacht lijst", vandaag="morgen"), 2, "KWALITEIT_VANDAAG", "'morgen' is geen datum")  # fmt: skip


# -- the database: exit code 1 ---------------------------------------------------------------


def kaal(database: str, opdracht: str) -> Result:
    """Run kwaliteit against another database than the test database."""
    args = ["--database", database, *shlex.split(opdracht)]
    return CliRunner().invoke(app, args, env={"KWALITEIT_VANDAAG": VANDAAG})


SCHRIJF = f"{REG} --ontvangen 01-03-2023"


def test_database_in_niet_bestaande_map(tmp_path: Path) -> None:
    pad = tmp_path / "bestaat-niet" / "kwaliteit.db"
    for opdracht in ("klacht lijst", SCHRIJF, "db status"):
        mislukt(kaal(str(pad), opdracht), 1, f"De map {pad.parent} bestaat niet", "--database")
    assert not pad.parent.exists()


def test_bestand_dat_geen_sqlite_database_is(tmp_path: Path) -> None:
    pad = tmp_path / "notities.db"
    inhoud = "Dit is een tekstbestand, geen database.\n" * 20
    pad.write_text(inhoud)
    for opdracht in ("klacht lijst", SCHRIJF):
        mislukt(kaal(str(pad), opdracht), 1, "geen bruikbare SQLite-database")
    assert pad.read_text() == inhoud
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notities.db"]


def test_sqlite_database_van_een_ander_programma(tmp_path: Path) -> None:
    pad = tmp_path / "ander.db"
    with sqlite3.connect(pad) as c:
        c.execute("CREATE TABLE adressen (naam TEXT)")
    mislukt(kaal(str(pad), SCHRIJF), 1, "geen kwaliteit-database")
    with sqlite3.connect(pad) as c:
        tabellen = [t for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tabellen == ["adressen"]


def test_database_met_nieuwer_schema(cli: Cli, database_url: str) -> None:
    registreer(cli)
    engine = create_engine(database_url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    for opdracht in ("klacht lijst", SCHRIJF):
        mislukt(kw(cli, opdracht), 1, "schemarevisie 9999", "nieuwere versie")
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM klacht")).scalar_one() == 1
    engine.dispose()


def test_nieuwe_database_wordt_ingericht(tmp_path: Path) -> None:
    pad = tmp_path / "nieuw.db"
    r = ok(kaal(str(pad), SCHRIJF))
    assert r.stdout == "K-2023-0001\n"
    assert pad.exists()


def test_versie(cli: Cli) -> None:
    for optie in ("--version", "--versie"):
        assert doe(cli, optie).stdout == f"kwaliteit {__version__}\n"
