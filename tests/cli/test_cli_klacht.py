"""``kwaliteit klacht``: every command's happy path, and every kind of bad input.

Bad input never yields a traceback: a Dutch message on stderr starting with
"Fout:", exit code 2 for usage and validation errors, 1 for other failures,
and nothing written (the register and the audit trail are unchanged).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from kwaliteit import __version__
from kwaliteit.cli import app

Cli = Callable[..., Result]

VANDAAG = "2023-06-01"

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

# klacht toon --json: the list keys plus these (README, "JSON-uitvoer").
TOONSLEUTELS = [
    "gedraging", "omschrijving", "beklaagde", "beklaagde_soort", "team", "adviescommissie",
    "schriftelijk", "behandelaar", "bevestigd", "afschrift", "gehoord", "hoorverslag",
    "afzien_horen", "verdagingen", "afhandeling", "termijnen", "waarschuwingen", "geschiedenis",
]  # fmt: skip

# Fragments of Typer's/Click's English output that must never reach the user.
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


def ok(r: Result) -> Result:
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stdout + r.stderr
    return r


def mislukt(r: Result, code: int, *fragmenten: str) -> str:
    """A refused command: exit code, a Dutch "Fout:" line, no traceback; returns stderr."""
    uitvoer = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == code, uitvoer
    # Typer's SystemExit is fine; any other exception means an unhandled failure.
    assert r.exception is None or isinstance(r.exception, SystemExit), uitvoer
    for engels in ENGELS:
        assert engels not in r.stdout + r.stderr, uitvoer
    foutregels = [regel for regel in r.stderr.splitlines() if regel.startswith("Fout: ")]
    assert foutregels, uitvoer
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


def lijst(cli: Cli, *args: str, vandaag: str = VANDAAG) -> list[dict[str, Any]]:
    r = ok(cli("klacht", "lijst", "--json", *args, vandaag=vandaag))
    gegevens = json.loads(r.stdout)
    assert isinstance(gegevens, list)
    return gegevens


def toon(cli: Cli, kenmerk: str, *args: str, vandaag: str = VANDAAG) -> dict[str, Any]:
    r = ok(cli("klacht", "toon", kenmerk, "--json", *args, vandaag=vandaag))
    gegevens = json.loads(r.stdout)
    assert isinstance(gegevens, dict)
    return gegevens


def auditaantal(cli: Cli) -> int:
    r = ok(cli("audit", "controleer", "--json"))
    gegevens = json.loads(r.stdout)
    assert gegevens["in_orde"] is True
    return int(gegevens["gecontroleerd"])


def toestand(cli: Cli) -> tuple[str, list[str], int]:
    """Everything a command could change: the list, every complaint in full, the audit trail."""
    r = ok(cli("klacht", "lijst", "--json", vandaag=VANDAAG))
    kenmerken = [regel["kenmerk"] for regel in json.loads(r.stdout)]
    details = [
        ok(cli("klacht", "toon", k, "--json", "--met-klager", vandaag=VANDAAG)).stdout
        for k in kenmerken
    ]
    return r.stdout, details, auditaantal(cli)


def sluit_formeel(cli: Cli, kenmerk: str, uitkomst: str = "gegrond") -> Result:
    """The full formal procedure of a written complaint, closed with an oordeel."""
    ok(cli("klacht", "bevestig", kenmerk, "--datum", "15-03-2023", vandaag=VANDAAG))
    ok(cli("klacht", "afschrift", kenmerk, "--datum", "16-03-2023", vandaag=VANDAAG))
    ok(
        cli(
            "klacht",
            "hoor",
            kenmerk,
            "--datum",
            "20-03-2023",
            "--verslag",
            "Gesprek",
            vandaag=VANDAAG,
        )
    )
    ok(cli("klacht", "wijs-toe", kenmerk, "--behandelaar", "J. de Vries", vandaag=VANDAAG))
    return ok(
        cli(
            "klacht", "sluit", kenmerk, "--uitkomst", uitkomst, "--bevindingen", "Niet gebeld",
            "--conclusies", "Excuses aangeboden", "--datum", "01-05-2023", vandaag=VANDAAG,
        )
    )  # fmt: skip


# -- registreer -----------------------------------------------------------------------


def test_registreer_toont_alleen_het_kenmerk(cli: Cli) -> None:
    r = ok(cli("klacht", "registreer", "--ontvangen", "14-03-2023", "--kanaal", "e-mail",
               "--omschrijving", "Niet teruggebeld", vandaag=VANDAAG))  # fmt: skip
    assert r.stdout == "K-2023-0001\n"
    assert r.stderr == ""
    assert registreer(cli, ontvangen="2023-03-15") == "K-2023-0002"
    assert registreer(cli, ontvangen="30-12-2022") == "K-2022-0001"
    assert [r["kenmerk"] for r in lijst(cli)] == ["K-2022-0001", "K-2023-0001", "K-2023-0002"]


def test_registreer_met_alle_velden(cli: Cli) -> None:
    kenmerk = registreer(
        cli,
        "--adviescommissie",
        ontvangen="14-03-2023",
        kanaal="BRIEF",
        omschrijving="  Lang moeten wachten  ",
        gedraging="01-03-2023",
        wijk="groenoord",
        team="Team Noord",
        aanbieder="Stichting Welzijn",
        beklaagde="P. Pietersen",
        beklaagde_soort="medewerker",
        categorie="Bejegening",
        regime="wmo2015",
        klager_naam="Jan Jansen",
        klager_contact="jan@example.nl",
    )
    d = toon(cli, kenmerk, "--met-klager")
    assert d["kanaal"] == "brief"
    assert d["omschrijving"] == "Lang moeten wachten"
    assert d["gedraging"] == "2023-03-01"
    assert d["wijk"] == "Groenoord"
    assert d["team"] == "Team Noord"
    assert d["aanbieder"] == "Stichting Welzijn"
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


def test_registreer_waarschuwt_bij_gedraging_ouder_dan_een_jaar(cli: Cli) -> None:
    r = ok(cli("klacht", "registreer", "--ontvangen", "14-03-2023", "--kanaal", "telefoon",
               "--omschrijving", "Oud", "--gedraging", "01-01-2022", vandaag=VANDAAG))  # fmt: skip
    assert r.stdout == "K-2023-0001\n"
    assert r.stderr.startswith("Let op: ")
    assert "01-01-2022" in r.stderr
    assert "Awb 9:8" in r.stderr
    assert "Fout" not in r.stderr


# -- the procedure steps -----------------------------------------------------------------


def test_formele_procedure_tot_gegrond(cli: Cli) -> None:
    kenmerk = registreer(cli, beklaagde="P. Pietersen", beklaagde_soort="medewerker")
    stappen = [
        (("bevestig", kenmerk, "--datum", "15-03-2023"), "K-2023-0001: ontvangst bevestigd"),
        (("afschrift", kenmerk, "--datum", "16-03-2023"), "afschrift aan de beklaagde"),
        (("hoor", kenmerk, "--datum", "20-03-2023", "--verslag", "Gesprek"), "horen vastgelegd"),
        (("wijs-toe", kenmerk, "--behandelaar", "J. de Vries"), "behandelaar J. de Vries"),
        (("verdaag", kenmerk, "--weken", "4", "--reden", "Verlof", "--datum", "01-04-2023"),
         "verdaagd; af te handelen uiterlijk 23-05-2023"),
    ]  # fmt: skip
    for args, verwacht in stappen:
        r = ok(cli("klacht", *args, vandaag=VANDAAG))
        assert verwacht in r.stdout
        assert r.stdout.startswith(f"{kenmerk}: ")
    r = ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "gegrond", "--bevindingen", "b",
               "--conclusies", "c", "--datum", "01-05-2023", vandaag=VANDAAG))  # fmt: skip
    assert r.stdout.strip() == (
        "K-2023-0001: gesloten met uitkomst gegrond op 01-05-2023 (binnen de termijn)"
    )

    d = toon(cli, kenmerk)
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
    kenmerk = registreer(cli)
    r = ok(cli("klacht", "hoor", kenmerk, "--afzien", "b", vandaag=VANDAAG))
    assert r.stdout.strip() == "K-2023-0001: afgezien van horen (grond b)"
    d = toon(cli, kenmerk)
    assert d["afzien_horen"]["grond"] == "b"
    assert "recht te worden gehoord" in d["afzien_horen"]["omschrijving"]
    assert d["gehoord"] is None
    # Afzien counts as the 9:10 step: an oordeel is possible after 9:6, 9:9 and 9:7.
    ok(cli("klacht", "bevestig", kenmerk, "--datum", "15-03-2023", vandaag=VANDAAG))
    ok(cli("klacht", "afschrift", kenmerk, "--datum", "15-03-2023", vandaag=VANDAAG))
    r = ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "ongegrond", "--bevindingen", "b",
               "--conclusies", "c", "--behandelaar", "A. Bakker", "--datum", "20-03-2023",
               vandaag=VANDAAG))  # fmt: skip
    assert "ongegrond" in r.stdout
    assert "Gehoord" in ok(cli("klacht", "toon", kenmerk, vandaag=VANDAAG)).stdout


def test_verdaag_tweede_keer_alleen_met_instemming(cli: Cli) -> None:
    kenmerk = registreer(cli)
    ok(cli("klacht", "verdaag", kenmerk, "--weken", "4", "--reden", "Verlof", "--datum",
           "01-04-2023", vandaag=VANDAAG))  # fmt: skip
    voor = toestand(cli)
    r = cli("klacht", "verdaag", kenmerk, "--weken", "2", "--reden", "Nog een gesprek",
            vandaag=VANDAAG)  # fmt: skip
    mislukt(r, 2, "al verdaagd", "--instemming")
    assert toestand(cli) == voor
    r = ok(cli("klacht", "verdaag", kenmerk, "--weken", "2", "--reden", "Nog een gesprek",
               "--datum", "15-05-2023", "--instemming", "14-05-2023", vandaag=VANDAAG))  # fmt: skip
    assert "uiterlijk 06-06-2023" in r.stdout
    d = toon(cli, kenmerk)
    assert [v["weken"] for v in d["verdagingen"]] == [4, 2]
    assert d["verdagingen"][1]["instemming_klager"] == "2023-05-14"
    assert d["termijnen"]["afhandeling"] == "2023-06-06"


@pytest.mark.parametrize("uitkomst", ["gegrond", "deels-gegrond", "ongegrond", "geen-oordeel"])
def test_sluit_mondeling_met_oordeel(cli: Cli, uitkomst: str) -> None:
    # Oral complaints need no 9:6-9:10 steps, only bevindingen and conclusies.
    kenmerk = registreer(cli, kanaal="telefoon")
    r = ok(cli("klacht", "sluit", kenmerk, "--uitkomst", uitkomst, "--bevindingen", "b",
               "--conclusies", "c", "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    assert f"gesloten met uitkomst {uitkomst} op 20-03-2023" in r.stdout
    [regel] = lijst(cli)
    assert regel["status"] == "gesloten"
    assert regel["uitkomst"] == uitkomst
    assert regel["afgehandeld"] == "2023-03-20"


@pytest.mark.parametrize(
    ("uitkomst", "opties", "veld", "waarde"),
    [
        ("informeel-opgelost", ["--tevredenheid", "Per mail bevestigd"], "tevredenheid",
         "Per mail bevestigd"),
        ("doorgestuurd", ["--naar", "GGD Rotterdam", "--naar-soort", "zorgaanbieder",
                          "--klager-geinformeerd", "20-03-2023"], "doorgestuurd_naar",
         "GGD Rotterdam"),
        ("ingetrokken", ["--wijze", "telefonisch"], "wijze_intrekking", "telefonisch"),
        ("niet-ontvankelijk", ["--reden", "Geen naam en adres"], "reden_niet_ontvankelijk",
         "Geen naam en adres"),
        ("niet-in-behandeling", ["--grond", "2"], "grond_9_8",
         {"grond": "2", "omschrijving": "belang of gewicht kennelijk onvoldoende"}),
    ],
)  # fmt: skip
def test_sluit_per_uitkomst(
    cli: Cli, uitkomst: str, opties: list[str], veld: str, waarde: object
) -> None:
    kenmerk = registreer(cli)
    r = ok(cli("klacht", "sluit", kenmerk, "--uitkomst", uitkomst, *opties, "--datum",
               "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    assert r.stdout.startswith(f"{kenmerk}: gesloten met uitkomst {uitkomst} op 20-03-2023")
    d = toon(cli, kenmerk)
    assert d["status"] == "gesloten"
    assert d["afhandeling"]["uitkomst"] == uitkomst
    assert d["afhandeling"][veld] == waarde
    assert lijst(cli, "--status", "gesloten")[0]["uitkomst"] == uitkomst


def test_niet_in_behandeling_grond_1b(cli: Cli) -> None:
    kenmerk = registreer(cli, gedraging="01-01-2022")
    r = ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "niet-in-behandeling", "--grond", "1b",
               "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    assert "(binnen de termijn)" in r.stdout
    assert toon(cli, kenmerk)["afhandeling"]["grond_9_8"]["grond"] == "1b"


def test_heropen_en_opnieuw_sluiten(cli: Cli) -> None:
    kenmerk = registreer(cli)
    ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "ingetrokken", "--wijze", "telefonisch",
           "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    r = ok(cli("klacht", "heropen", kenmerk, "--reden", "Nieuwe feiten", "--datum", "21-03-2023",
               vandaag=VANDAAG))  # fmt: skip
    assert r.stdout.strip() == "K-2023-0001: heropend"
    d = toon(cli, kenmerk)
    assert d["status"] == "open"
    assert d["uitkomst"] is None
    assert d["afhandeling"] is None
    ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "informeel-opgelost", "--tevredenheid",
           "Gebeld", "--datum", "22-03-2023", vandaag=VANDAAG))  # fmt: skip
    d = toon(cli, kenmerk)
    assert d["uitkomst"] == "informeel-opgelost"
    # The earlier outcome stays in the history.
    assert [g["actie"] for g in d["geschiedenis"]] == ["registreer", "sluit", "heropen", "sluit"]


def test_ombudsman(cli: Cli) -> None:
    kenmerk = registreer(cli, kanaal="balie")
    ok(cli("klacht", "sluit", kenmerk, "--uitkomst", "ongegrond", "--bevindingen", "b",
           "--conclusies", "c", "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    assert toon(cli, kenmerk)["termijnen"]["bewaren_tot"] == "2028-03-20"
    r = ok(cli("klacht", "ombudsman", kenmerk, "--datum", "01-05-2023", vandaag=VANDAAG))
    assert r.stdout.strip() == "K-2023-0001: bij de ombudsman vastgelegd"
    d = toon(cli, kenmerk)
    assert d["afhandeling"]["ombudsman"] == "2023-05-01"
    assert d["termijnen"]["bewaren_tot"] == "2033-03-20"
    assert d["termijnen"]["ombudsman_tot"] == "2024-03-20"


def test_door_komt_in_de_geschiedenis(cli: Cli) -> None:
    ok(cli("--door", "A. Bakker", "klacht", "registreer", "--ontvangen", "14-03-2023",
           "--kanaal", "balie", "--omschrijving", "x", vandaag=VANDAAG))  # fmt: skip
    [g] = toon(cli, "K-2023-0001")["geschiedenis"]
    assert g["door"] == "A. Bakker"
    assert g["actie"] == "registreer"


# -- lijst and toon -------------------------------------------------------------------------


def test_lijst_leeg(cli: Cli) -> None:
    assert ok(cli("klacht", "lijst", vandaag=VANDAAG)).stdout.strip() == "Geen klachten gevonden."
    assert ok(cli("klacht", "lijst", "--json", vandaag=VANDAAG)).stdout == "[]\n"


def test_lijst_tabel(cli: Cli) -> None:
    registreer(cli, wijk="Groenoord", categorie="bejegening")
    registreer(cli, ontvangen="15-03-2023", kanaal="balie")
    r = ok(cli("klacht", "lijst", vandaag=VANDAAG))
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


def test_lijst_json_heeft_de_gedocumenteerde_sleutels(cli: Cli) -> None:
    registreer(cli, wijk="Oost", aanbieder="Stichting Welzijn")
    registreer(cli, kanaal="telefoon")
    ok(cli("klacht", "sluit", "K-2023-0002", "--uitkomst", "ingetrokken", "--wijze", "mondeling",
           "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    eerste, tweede = lijst(cli)
    # Keys are only ever added (README), so the documented ones must all be there.
    assert set(LIJSTSLEUTELS) <= set(eerste)
    assert set(LIJSTSLEUTELS) <= set(tweede)
    assert {k: eerste[k] for k in LIJSTSLEUTELS} == {
        "kenmerk": "K-2023-0001",
        "ontvangen": "2023-03-14",
        "kanaal": "e-mail",
        "categorie": "overig",
        "wijk": "Oost",
        "aanbieder": "Stichting Welzijn",
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


def test_lijst_filters(cli: Cli) -> None:
    registreer(cli, ontvangen="14-12-2022")
    registreer(cli, ontvangen="14-03-2023")
    registreer(cli, ontvangen="25-05-2023", kanaal="balie")
    ok(cli("klacht", "sluit", "K-2023-0002", "--uitkomst", "ingetrokken", "--wijze", "brief",
           "--datum", "30-05-2023", vandaag=VANDAAG))  # fmt: skip

    def kenmerken(*args: str) -> list[str]:
        return [r["kenmerk"] for r in lijst(cli, *args)]

    assert kenmerken("--jaar", "2023") == ["K-2023-0001", "K-2023-0002"]
    assert kenmerken("--status", "open") == ["K-2022-0001", "K-2023-0001"]
    assert kenmerken("--status", "Gesloten") == ["K-2023-0002"]
    assert kenmerken("--status", "te-laat") == ["K-2022-0001", "K-2023-0001"]
    assert kenmerken("--limiet", "1") == ["K-2022-0001"]
    assert kenmerken("--jaar", "2021") == []


def test_toon_tekst(cli: Cli) -> None:
    kenmerk = registreer(cli, beklaagde="P. Pietersen", beklaagde_soort="medewerker",
                         wijk="Groenoord", team="Noord", klager_naam="Jan Jansen")  # fmt: skip
    sluit_formeel(cli, kenmerk)
    r = ok(cli("klacht", "toon", kenmerk, vandaag=VANDAAG))
    for verwacht in (
        "Kenmerk",
        "K-2023-0001",
        "14-03-2023 via e-mail",
        "P. Pietersen (medewerker)",
        "Groenoord / Noord",
        "Ontvangstbevestiging",
        "15-03-2023",
        "Uitkomst",
        "gegrond op 01-05-2023",
        "Bewaren tot",
        "Geschiedenis:",
        "registreer",
        "sluit",
    ):
        assert verwacht in r.stdout, verwacht
    assert "Jan Jansen" not in r.stdout
    assert "Klager" not in r.stdout


def test_toon_json_met_geschiedenis_en_termijnen(cli: Cli) -> None:
    kenmerk = registreer(cli, gedraging="01-01-2022")
    d = toon(cli, kenmerk)
    assert d["kenmerk"] == kenmerk
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
    kenmerk = registreer(cli, klager_naam="Jan Jansen", klager_contact="jan@example.nl")
    for args in ((), ("--json",)):
        r = ok(cli("klacht", "toon", kenmerk, *args, vandaag=VANDAAG))
        assert "Jan Jansen" not in r.stdout
        assert "jan@example.nl" not in r.stdout
        r = ok(cli("klacht", "toon", kenmerk, *args, "--met-klager", vandaag=VANDAAG))
        assert "Jan Jansen" in r.stdout
        assert "jan@example.nl" in r.stdout
    assert "Jan Jansen" not in ok(cli("klacht", "lijst", "--json", vandaag=VANDAAG)).stdout
    assert "Jan Jansen" not in ok(cli("klacht", "lijst", vandaag=VANDAAG)).stdout


# -- termijnen, overzicht, opschonen --------------------------------------------------------


def test_termijnen_binnen(cli: Cli) -> None:
    registreer(cli, ontvangen="20-04-2023", kanaal="balie")  # afhandeling uiterlijk 01-06
    registreer(cli, ontvangen="10-05-2023", kanaal="balie", gedraging="01-01-2022")
    # K-2023-0002: notice 9:8 uiterlijk 07-06, afhandeling uiterlijk 21-06.
    r = ok(cli("klacht", "termijnen", "--binnen", "7", vandaag=VANDAAG))
    regels = r.stdout.strip().splitlines()
    assert len(regels) == 2
    assert regels[0].startswith("K-2023-0001  01-06-2023  vandaag")
    assert regels[1].startswith("K-2023-0002  07-06-2023  over 6 dagen")
    assert "Awb 9:8" in regels[1]

    r = ok(cli("klacht", "termijnen", "--binnen", "30", "--json", vandaag=VANDAAG))
    termijnen = json.loads(r.stdout)
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

    r = ok(cli("klacht", "termijnen", "--binnen", "3", vandaag="2023-06-05"))
    assert "4 dagen verlopen" in r.stdout
    r = ok(cli("klacht", "termijnen", "--binnen", "0", vandaag="2023-04-01"))
    assert r.stdout.strip() == "Geen termijnen die binnen 0 dagen aflopen."


def test_overzicht(cli: Cli) -> None:
    registreer(cli, wijk="Oost", categorie="bejegening")
    registreer(cli, kanaal="telefoon", ontvangen="15-03-2023", aanbieder="Stichting Welzijn")
    registreer(cli, ontvangen="16-03-2023")
    registreer(cli, ontvangen="16-03-2022")
    ok(cli("klacht", "sluit", "K-2023-0002", "--uitkomst", "doorgestuurd", "--naar", "GGD",
           "--naar-soort", "zorgaanbieder", "--klager-geinformeerd", "20-03-2023",
           "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    sluit_formeel(cli, "K-2023-0001")

    r = ok(cli("klacht", "overzicht", "--jaar", "2023", "--json", vandaag=VANDAAG))
    o = json.loads(r.stdout)
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

    r = ok(cli("klacht", "overzicht", "--jaar", "2023", vandaag=VANDAAG))
    assert r.stdout.startswith("Klachtenoverzicht 2023 (Awb 9:12a)")
    assert "Ontvangen:              3 (2 schriftelijk, 1 mondeling)" in r.stdout
    assert "Per uitkomst:" in r.stdout
    assert "doorgestuurd" in r.stdout
    # K-2023-0001 was closed after its deadline (25-04): 1 of 2 on time.
    assert "50,0% (1 van 2)" in r.stdout  # Dutch decimal comma

    leeg = json.loads(ok(cli("klacht", "overzicht", "--jaar", "2019", "--json")).stdout)
    assert leeg["ontvangen"] == 0
    assert set(leeg["per_uitkomst"].values()) == {0}


def test_opschonen_droog_en_uitvoeren(cli: Cli) -> None:
    # Niet-ontvankelijk in 2020: kept one year, so past its term in 2023.
    ok(cli("klacht", "registreer", "--ontvangen", "06-01-2020", "--kanaal", "telefoon",
           "--omschrijving", "Oud", "--klager-naam", "Piet Puk", "--klager-contact", "0612345678",
           vandaag="2020-02-01"))  # fmt: skip
    ok(cli("klacht", "sluit", "K-2020-0001", "--uitkomst", "niet-ontvankelijk", "--reden",
           "Geen naam", "--datum", "10-01-2020", vandaag="2020-02-01"))  # fmt: skip
    # Closed with an oordeel: kept five years, not yet due.
    registreer(cli, kanaal="balie", klager_naam="Jan Jansen")
    ok(cli("klacht", "sluit", "K-2023-0001", "--uitkomst", "ongegrond", "--bevindingen", "b",
           "--conclusies", "c", "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip

    voor = toestand(cli)
    r = ok(cli("klacht", "opschonen", vandaag=VANDAAG))
    assert "K-2020-0001  bewaren tot 10-01-2021" in r.stdout
    assert "K-2023-0001" not in r.stdout
    assert "Voer uit met --uitvoeren" in r.stdout
    assert toestand(cli) == voor  # a dry run writes nothing
    assert toon(cli, "K-2020-0001", "--met-klager")["klager"]["naam"] == "Piet Puk"

    r = ok(cli("klacht", "opschonen", "--uitvoeren", vandaag=VANDAAG))
    assert "1 klacht(en): klagergegevens gepseudonimiseerd." in r.stdout
    klager = toon(cli, "K-2020-0001", "--met-klager")["klager"]
    assert klager == {"naam": None, "contact": None, "gepseudonimiseerd": "2023-06-01"}
    assert toon(cli, "K-2023-0001", "--met-klager")["klager"]["naam"] == "Jan Jansen"
    assert auditaantal(cli) == voor[2] + 1

    r = ok(cli("klacht", "opschonen", vandaag=VANDAAG))
    assert r.stdout.strip() == "Geen klagergegevens waarvan de bewaartermijn verstreken is."


# -- bad input --------------------------------------------------------------------------------


@pytest.fixture
def register(cli: Cli) -> Cli:
    """K-2023-0001 open (written, gedraging 01-03, bevestigd 15-03), K-2023-0002 closed (oral)."""
    registreer(cli, beklaagde="P. Pietersen", beklaagde_soort="medewerker",
               gedraging="01-03-2023", klager_naam="Jan Jansen")  # fmt: skip
    ok(cli("klacht", "bevestig", "K-2023-0001", "--datum", "15-03-2023", vandaag=VANDAAG))
    registreer(cli, ontvangen="16-03-2023", kanaal="telefoon")
    ok(cli("klacht", "sluit", "K-2023-0002", "--uitkomst", "informeel-opgelost",
           "--tevredenheid", "Gebeld", "--datum", "20-03-2023", vandaag=VANDAAG))  # fmt: skip
    return cli


REG = ("klacht", "registreer", "--kanaal", "e-mail", "--omschrijving", "x")
SLUIT = ("klacht", "sluit", "K-2023-0001")
OORDEEL = (*SLUIT, "--bevindingen", "b", "--conclusies", "c")

FOUTEN: list[tuple[str, tuple[str, ...], list[str]]] = [
    # -- kenmerken
    ("onbekend-kenmerk", ("klacht", "toon", "K-2023-0099"), ["K-2023-0099", "klacht lijst"]),
    ("onbekend-kenmerk-stap", ("klacht", "afschrift", "K-2024-0001"), ["geen klacht met kenmerk K-2024-0001"]),
    ("misvormd-kenmerk", ("klacht", "afschrift", "X-12"), ["'X-12' is geen kenmerk", "K-2023-0001"]),
    ("misvormd-kenmerk-jaar", ("klacht", "toon", "K-23-1"), ["'K-23-1' is geen kenmerk"]),
    # -- dates
    ("datumformaat", (*REG, "--ontvangen", "2023/03/14"), ["ontvangen: '2023/03/14' is geen datum", "jjjj-mm-dd of dd-mm-jjjj"]),
    ("datumformaat-tekst", (*REG, "--ontvangen", "gisteren"), ["'gisteren' is geen datum"]),
    ("datumformaat-stap", ("klacht", "afschrift", "K-2023-0001", "--datum", "16.03.2023"), ["datum: '16.03.2023' is geen datum"]),
    ("niet-bestaande-datum", (*REG, "--ontvangen", "31-02-2023"), ["ontvangen: '31-02-2023' bestaat niet als datum"]),
    ("niet-bestaande-datum-iso", ("klacht", "afschrift", "K-2023-0001", "--datum", "2023-13-01"), ["'2023-13-01' bestaat niet"]),
    ("ontvangst-in-de-toekomst", (*REG, "--ontvangen", "02-06-2023"), ["ontvangen: 02-06-2023 ligt in de toekomst", "01-06-2023"]),
    ("stap-in-de-toekomst", ("klacht", "afschrift", "K-2023-0001", "--datum", "02-06-2023"), ["ligt in de toekomst"]),
    ("stap-voor-ontvangst", ("klacht", "afschrift", "K-2023-0001", "--datum", "13-03-2023"), ["ligt voor de ontvangst van K-2023-0001 (14-03-2023)"]),
    ("sluiten-voor-ontvangst", (*SLUIT, "--uitkomst", "ingetrokken", "--wijze", "tel", "--datum", "01-03-2023"), ["ligt voor de ontvangst"]),
    ("sluiten-voor-laatste-stap", (*SLUIT, "--uitkomst", "ingetrokken", "--wijze", "tel", "--datum", "14-03-2023"), ["laatste stap", "15-03-2023"]),
    ("gedraging-na-ontvangst", (*REG, "--ontvangen", "01-03-2023", "--gedraging", "02-03-2023"), ["gedraging: 02-03-2023 ligt na de ontvangst"]),
    # -- vocabularies
    ("onbekend-kanaal", (*REG[:2], "--ontvangen", "01-03-2023", "--kanaal", "fax", "--omschrijving", "x"), ["kanaal: 'fax' is niet toegestaan", "brief, e-mail, webformulier, telefoon of balie"]),
    ("onbekende-wijk", (*REG, "--ontvangen", "01-03-2023", "--wijk", "Mars"), ["wijk: 'Mars'", "Centrum/West, Groenoord"]),
    ("onbekende-categorie", (*REG, "--ontvangen", "01-03-2023", "--categorie", "klantvriendelijkheid"), ["categorie: 'klantvriendelijkheid'", "bejegening, informatie"]),
    ("onbekend-regime", (*REG, "--ontvangen", "01-03-2023", "--regime", "wlz"), ["regime: 'wlz'", "awb, wmo2015, jeugdwet of wkkgz"]),
    ("onbekende-beklaagde-soort", (*REG, "--ontvangen", "01-03-2023", "--beklaagde-soort", "klant"), ["beklaagde-soort: 'klant'", "medewerker, team of organisatie"]),
    ("meerdere-fouten", ("klacht", "registreer", "--ontvangen", "31-02-2023", "--kanaal", "fax", "--omschrijving", "x", "--wijk", "Mars"), ["31-02-2023", "kanaal: 'fax'", "wijk: 'Mars'"]),
    ("lege-omschrijving", ("klacht", "registreer", "--ontvangen", "01-03-2023", "--kanaal", "brief", "--omschrijving", "  "), ["omschrijving is verplicht"]),
    ("onbekende-uitkomst", (*SLUIT, "--uitkomst", "afgewezen"), ["uitkomst: 'afgewezen' is niet toegestaan", "gegrond, deels-gegrond", "niet-in-behandeling"]),
    ("onbekende-status", ("klacht", "lijst", "--status", "lopend"), ["status: 'lopend'", "open, gesloten of te-laat"]),
    ("onbekende-naar-soort", (*SLUIT, "--uitkomst", "doorgestuurd", "--naar", "GGD", "--naar-soort", "gemeente"), ["naar-soort: 'gemeente'", "bestuursorgaan, zorgaanbieder of anders"]),
    ("onbekende-grond", (*SLUIT, "--uitkomst", "niet-in-behandeling", "--grond", "3"), ["grond: '3'", "1a, 1b"]),
    ("onbekende-afzien-grond", ("klacht", "hoor", "K-2023-0001", "--afzien", "z"), ["afzien: 'z'", "a, b of c"]),
    # -- impossible steps
    ("verdaging-5-weken", ("klacht", "verdaag", "K-2023-0001", "--weken", "5", "--reden", "x"), ["ten hoogste 4 weken", "niet 5"]),
    ("verdaging-0-weken", ("klacht", "verdaag", "K-2023-0001", "--weken", "0", "--reden", "x"), ["1 tot en met 4 weken"]),
    ("verdaging-zonder-reden", ("klacht", "verdaag", "K-2023-0001", "--weken", "2", "--reden", " "), ["reden"]),
    ("twee-keer-sluiten", ("klacht", "sluit", "K-2023-0002", "--uitkomst", "ingetrokken", "--wijze", "x"), ["K-2023-0002 is al gesloten op 20-03-2023", "heropen"]),
    ("stap-na-sluiten", ("klacht", "verdaag", "K-2023-0002", "--weken", "2", "--reden", "x"), ["al gesloten"]),
    ("doorgestuurd-zonder-naar", (*SLUIT, "--uitkomst", "doorgestuurd", "--naar-soort", "zorgaanbieder", "--klager-geinformeerd", "20-03-2023", "--datum", "20-03-2023"), ["kan niet gesloten worden", "--naar"]),
    ("doorgestuurd-zonder-alles", (*SLUIT, "--uitkomst", "doorgestuurd"), ["--naar", "--naar-soort", "--klager-geinformeerd"]),
    ("oordeel-zonder-stappen", (*OORDEEL, "--uitkomst", "gegrond"), ["afschrift", "niet gehoord", "behandelaar"]),
    ("oordeel-zonder-bevindingen", (*SLUIT, "--uitkomst", "ongegrond"), ["bevindingen", "conclusies"]),
    ("optie-hoort-niet-bij-uitkomst", (*OORDEEL, "--uitkomst", "ongegrond", "--naar", "GGD"), ["--naar hoort niet bij uitkomst ongegrond"]),
    ("grond-1b-zonder-oude-gedraging", (*SLUIT, "--uitkomst", "niet-in-behandeling", "--grond", "1b"), ["grond 1b geldt niet"]),
    ("hoor-afzien-en-verslag", ("klacht", "hoor", "K-2023-0001", "--afzien", "b", "--verslag", "x"), ["óf --afzien", "niet beide"]),
    ("hoor-zonder-verslag", ("klacht", "hoor", "K-2023-0001"), ["--verslag", "--afzien"]),
    ("behandelaar-is-beklaagde", ("klacht", "wijs-toe", "K-2023-0001", "--behandelaar", "p. pietersen"), ["Awb 9:7"]),
    ("twee-keer-bevestigen", ("klacht", "bevestig", "K-2023-0001"), ["al bevestigd op 15-03-2023"]),
    ("heropen-open-klacht", ("klacht", "heropen", "K-2023-0001", "--reden", "x"), ["K-2023-0001 is open"]),
    ("heropen-voor-afhandeling", ("klacht", "heropen", "K-2023-0002", "--reden", "x", "--datum", "19-03-2023"), ["voor de afhandeling"]),
    ("ombudsman-open-klacht", ("klacht", "ombudsman", "K-2023-0001"), ["nog open"]),
    # -- usage errors (Typer's own messages, in Dutch)
    ("ontbrekende-optie", ("klacht", "registreer", "--ontvangen", "01-03-2023", "--omschrijving", "x"), ["--kanaal", "ontbreekt"]),
    ("ontbrekend-argument", ("klacht", "toon"), ["KENMERK", "ontbreekt"]),
    ("onbekende-optie", ("klacht", "lijst", "--soort", "x"), ["Onbekende optie: --soort"]),
    ("onbekende-opdracht", ("klacht", "verwijder", "K-2023-0001"), ["Onbekende opdracht"]),
    ("weken-geen-getal", ("klacht", "verdaag", "K-2023-0001", "--weken", "vijf", "--reden", "x"), ["--weken", "geheel getal"]),
    ("limiet-nul", ("klacht", "lijst", "--limiet", "0"), ["--limiet", "groter dan of gelijk aan 1"]),
    ("binnen-negatief", ("klacht", "termijnen", "--binnen", "-1"), ["--binnen"]),
    ("overzicht-jaar-nul", ("klacht", "overzicht", "--jaar", "0"), ["--jaar", "groter dan of gelijk aan 1"]),
    ("overzicht-zonder-jaar", ("klacht", "overzicht"), ["--jaar", "ontbreekt"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "fragmenten"), [(a, f) for _, a, f in FOUTEN], ids=[n for n, _, _ in FOUTEN]
)
def test_foute_invoer(register: Cli, args: tuple[str, ...], fragmenten: list[str]) -> None:  # fmt: skip
    voor = toestand(register)
    r = register(*args, vandaag=VANDAAG)
    stderr = mislukt(r, 2, *fragmenten)
    assert r.stdout == ""
    if args[:2] != ("klacht", "toon") and "Gebruik:" not in stderr:
        # Messages from kwaliteit itself start right away with "Fout:".
        assert stderr.startswith("Fout: ")
    assert toestand(register) == voor


def test_mislukte_registratie_verbruikt_geen_kenmerk(register: Cli) -> None:
    mislukt(register(*REG, "--ontvangen", "02-06-2023", vandaag=VANDAAG), 2)
    mislukt(register(*REG, "--ontvangen", "01-03-2023", "--wijk", "Mars", vandaag=VANDAAG), 2)
    assert registreer(register) == "K-2023-0003"


def test_kenmerk_wordt_genormaliseerd(register: Cli) -> None:
    assert toon(register, "k-2023-1")["kenmerk"] == "K-2023-0001"
    assert toon(register, " K-2023-0002 ")["kenmerk"] == "K-2023-0002"


def test_ongeldige_vandaag(cli: Cli) -> None:
    r = cli("klacht", "lijst", vandaag="morgen")
    mislukt(r, 2, "KWALITEIT_VANDAAG", "'morgen' is geen datum")


# -- the database ---------------------------------------------------------------------


def kaal(*args: str) -> Result:
    """Run kwaliteit without the test database."""
    return CliRunner().invoke(app, list(args), env={"KWALITEIT_VANDAAG": VANDAAG})


def test_database_in_niet_bestaande_map(tmp_path: Path) -> None:
    pad = tmp_path / "bestaat-niet" / "kwaliteit.db"
    for args in (("klacht", "lijst"), (*REG, "--ontvangen", "01-03-2023")):
        r = kaal("--database", str(pad), *args)
        mislukt(r, 1, f"De map {pad.parent} bestaat niet", "--database")
    assert not pad.parent.exists()


def test_bestand_dat_geen_sqlite_database_is(tmp_path: Path) -> None:
    pad = tmp_path / "notities.db"
    inhoud = "Dit is een tekstbestand, geen database.\n" * 20
    pad.write_text(inhoud)
    for args in (("klacht", "lijst"), (*REG, "--ontvangen", "01-03-2023")):
        r = kaal("--database", str(pad), *args)
        mislukt(r, 1, "geen bruikbare SQLite-database")
    assert pad.read_text() == inhoud
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notities.db"]


def test_sqlite_database_van_een_ander_programma(tmp_path: Path) -> None:
    import sqlite3

    pad = tmp_path / "ander.db"
    with sqlite3.connect(pad) as c:
        c.execute("CREATE TABLE adressen (naam TEXT)")
    r = kaal("--database", str(pad), *REG, "--ontvangen", "01-03-2023")
    mislukt(r, 1, "geen kwaliteit-database")
    with sqlite3.connect(pad) as c:
        tabellen = [t for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tabellen == ["adressen"]


def test_database_met_nieuwer_schema(cli: Cli, database_url: str) -> None:
    registreer(cli)
    engine = create_engine(database_url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for args in (("klacht", "lijst"), (*REG, "--ontvangen", "01-03-2023")):
        mislukt(cli(*args, vandaag=VANDAAG), 1, "schemarevisie 9999", "nieuwere versie")
    engine = create_engine(database_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM klacht")).scalar_one() == 1
    engine.dispose()


def test_nieuwe_database_wordt_ingericht(tmp_path: Path) -> None:
    pad = tmp_path / "nieuw.db"
    r = ok(kaal("--database", str(pad), *REG, "--ontvangen", "01-03-2023"))
    assert r.stdout == "K-2023-0001\n"
    assert pad.exists()


def test_versie(cli: Cli) -> None:
    for optie in ("--version", "--versie"):
        r = ok(cli(optie))
        assert r.stdout.strip() == f"kwaliteit {__version__}"
