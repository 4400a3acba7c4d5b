"""``kwaliteit klacht importeer`` and ``exporteer``: CSV as Dutch Excel writes it, and plain CSV.

Import is all or nothing and names every bad row by line number and field;
export never contains the klager's personal data and protects against
formula injection in the excel format.
"""

from __future__ import annotations

import csv
import io
import json
import shlex
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from klachten import uitwisseling
from klachten.fouten import OngeldigeKlacht
from kwaliteit.cli import app
from kwaliteit.eenheid import Werkeenheid

Cli = Callable[..., Result]

VANDAAG = "2023-06-01"
BOM = b"\xef\xbb\xbf"

TOEGESTAAN = (
    "kenmerk, ontvangen, kanaal, omschrijving, gedraging, beklaagde, beklaagde_soort, wijk, "
    "team, aanbieder, regime, categorie, adviescommissie, klager_naam, klager_contact"
)

# The registration fields an import takes over (not the state of the procedure).
REGISTRATIEVELDEN = (
    "kenmerk",
    "ontvangen",
    "kanaal",
    "gedraging",
    "omschrijving",
    "beklaagde",
    "beklaagde_soort",
    "wijk",
    "team",
    "aanbieder",
    "regime",
    "categorie",
    "adviescommissie",
)


# -- helpers ------------------------------------------------------------------------


def ok(r: Result) -> Result:
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stdout + r.stderr
    return r


def mislukt(r: Result, code: int, *fragmenten: str) -> str:
    uitvoer = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == code, uitvoer
    assert r.exception is None or isinstance(r.exception, SystemExit), uitvoer
    assert "Traceback" not in r.stdout + r.stderr, uitvoer
    assert r.stderr.startswith("Fout: "), uitvoer
    assert r.stdout == "", uitvoer
    for fragment in fragmenten:
        assert fragment in r.stderr, f"{fragment!r} ontbreekt\n{uitvoer}"
    return r.stderr


def importeer(cli: Cli, pad: Path) -> Result:
    return cli("klacht", "importeer", str(pad), vandaag=VANDAAG)


def lijst(cli: Cli) -> list[dict[str, Any]]:
    gegevens = json.loads(ok(cli("klacht", "lijst", "--json", vandaag=VANDAAG)).stdout)
    assert isinstance(gegevens, list)
    return gegevens


def toon(cli: Cli, kenmerk: str, *args: str) -> dict[str, Any]:
    gegevens = json.loads(ok(cli("klacht", "toon", kenmerk, "--json", *args)).stdout)
    assert isinstance(gegevens, dict)
    return gegevens


def auditaantal(cli: Cli) -> int:
    gegevens = json.loads(ok(cli("audit", "controleer", "--json")).stdout)
    assert gegevens["in_orde"] is True
    return int(gegevens["gecontroleerd"])


def toestand(cli: Cli) -> tuple[str, int]:
    return ok(cli("klacht", "lijst", "--json", vandaag=VANDAAG)).stdout, auditaantal(cli)


def schrijf(pad: Path, regels: list[str], *, codering: str = "utf-8", bom: bool = False) -> Path:
    """A CSV file with Windows line endings, as Excel writes it."""
    pad.write_bytes((BOM if bom else b"") + "\r\n".join(regels).encode(codering) + b"\r\n")
    return pad


def doe(cli: Cli, opdracht: str, *extra: str) -> Result:
    """Run ``kwaliteit OPDRACHT`` (split as a shell would), which must succeed."""
    return ok(cli(*shlex.split(opdracht), *extra, vandaag=VANDAAG))


def registreer(cli: Cli, opties: str, *extra: str) -> str:
    return doe(cli, f"klacht registreer {opties}", *extra).stdout.strip()


def cellen(tekst: str, scheiding: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding))


@pytest.fixture
def tweede(databases: Any) -> Cli:
    """A second, fresh database (for round trips)."""
    url = databases.gemigreerd()
    runner = CliRunner()

    def voer_uit(*args: str, vandaag: str | None = None) -> Result:
        env = {"KWALITEIT_VANDAAG": vandaag} if vandaag else {}
        return runner.invoke(app, ["--database", url, *args], env=env)

    return voer_uit


# -- import: dialects ---------------------------------------------------------------------


EXCEL_MET_BOM = [
    "Ontvangen;Kanaal;Omschrijving;Wijk;Gedraging;Adviescommissie;Klager naam",
    "14-03-2023;E-mail;Niet teruggebeld, twee keer;groenoord;01-03-2023;ja;Jan Jansen",
    "5-4-2023;brief;Café geërgerd;Centrum/West;;nee;",
]


@pytest.mark.usefixtures("wot")
def test_import_excel_utf8_met_bom(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "klachten.csv", EXCEL_MET_BOM, bom=True)
    voor = auditaantal(cli)
    r = ok(importeer(cli, pad))
    assert r.stdout.strip() == "2 klacht(en) geïmporteerd: K-2023-0001 t/m K-2023-0002."
    eerste, tweede = lijst(cli)
    assert eerste["ontvangen"] == "2023-03-14"  # dd-mm-jjjj, not mm-dd
    assert eerste["kanaal"] == "e-mail"
    assert eerste["wijk"] == "Groenoord"  # as the profile writes it
    assert tweede["ontvangen"] == "2023-04-05"
    assert tweede["wijk"] == "Centrum/West"
    d = toon(cli, "K-2023-0001", "--met-klager")
    assert d["omschrijving"] == "Niet teruggebeld, twee keer"
    assert d["gedraging"] == "2023-03-01"
    assert d["adviescommissie"] is True
    assert d["klager"]["naam"] == "Jan Jansen"
    assert toon(cli, "K-2023-0002")["omschrijving"] == "Café geërgerd"
    # Two registrations and the import itself in the audit trail.
    assert auditaantal(cli) == voor + 3


def test_import_zonder_profiel_houdt_de_wijk_zoals_getypt(cli: Cli, tmp_path: Path) -> None:
    ok(importeer(cli, schrijf(tmp_path / "klachten.csv", EXCEL_MET_BOM, bom=True)))
    assert [k["wijk"] for k in lijst(cli)] == ["groenoord", "Centrum/West"]
    assert auditaantal(cli) == 3


def test_import_windows_1252(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "excel-oud.csv",
        [
            "ontvangen;kanaal;omschrijving;beklaagde;aanbieder",
            "14-03-2023;brief;Café-bezoek: klant geërgerd;René Öztürk;Zoë",
        ],
        codering="cp1252",
    )
    assert "é".encode("cp1252") in pad.read_bytes()  # really not UTF-8
    ok(importeer(cli, pad))
    d = toon(cli, "K-2023-0001")
    assert d["omschrijving"] == "Café-bezoek: klant geërgerd"
    assert d["beklaagde"] == "René Öztürk"
    assert d["aanbieder"] == "Zoë"


KOMMA_UTF8_ISO = (
    "ontvangen,kanaal,omschrijving,categorie,regime\n"
    '2023-03-14,webformulier,"Komma, en ""aanhalingstekens""",bejegening,jeugdwet\n'
    "2023-3-15,balie,Geërgerd,,\n"
)


@pytest.mark.usefixtures("wot")
def test_import_komma_utf8_iso(cli: Cli, tmp_path: Path) -> None:
    pad = tmp_path / "klachten.csv"
    pad.write_text(KOMMA_UTF8_ISO, encoding="utf-8")
    r = ok(importeer(cli, pad))
    assert "2 klacht(en) geïmporteerd" in r.stdout
    d = toon(cli, "K-2023-0001")
    assert d["ontvangen"] == "2023-03-14"
    assert d["kanaal"] == "webformulier"
    assert d["omschrijving"] == 'Komma, en "aanhalingstekens"'
    assert d["categorie"] == "bejegening"
    assert d["regime"] == "jeugdwet"
    d = toon(cli, "K-2023-0002")
    assert d["omschrijving"] == "Geërgerd"
    assert d["categorie"] == "overig"  # the profile's standaard_categorie
    assert d["regime"] == "awb"


def test_import_zonder_profiel_laat_een_lege_categorie_leeg(cli: Cli, tmp_path: Path) -> None:
    pad = tmp_path / "klachten.csv"
    pad.write_text(KOMMA_UTF8_ISO, encoding="utf-8")
    ok(importeer(cli, pad))
    assert toon(cli, "K-2023-0001")["categorie"] == "bejegening"
    d = toon(cli, "K-2023-0002")
    assert (d["categorie"], d["regime"]) == (None, "awb")


@pytest.mark.parametrize(
    "kop",
    [
        "Ontvangen;KANAAL;Omschrijving;Beklaagde-Soort;Klager-Naam",
        " ontvangen ; kanaal ;omschrijving  ;beklaagde soort;klager  naam",
        "ONTVANGEN;Kanaal;OMSCHRIJVING;beklaagde_soort;KLAGER_NAAM",
    ],
)
def test_kopnamen_ongevoelig_voor_hoofdletters_spaties_en_streepjes(
    cli: Cli, tmp_path: Path, kop: str
) -> None:
    pad = schrijf(tmp_path / "k.csv", [kop, "14-03-2023;balie;x;team;Jan Jansen"])
    ok(importeer(cli, pad))
    d = toon(cli, "K-2023-0001", "--met-klager")
    assert d["beklaagde_soort"] == "team"
    assert d["klager"]["naam"] == "Jan Jansen"


def test_lege_regels_worden_overgeslagen(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "k.csv", ["ontvangen;kanaal;omschrijving", "", "14-03-2023;balie;x", ";;", ""]
    )
    assert "1 klacht(en) geïmporteerd" in ok(importeer(cli, pad)).stdout


def test_kolommen_uit_een_export_worden_genegeerd(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "k.csv",
        ["ontvangen;kanaal;omschrijving;status;uitkomst", "14-03-2023;balie;x;gesloten;gegrond"],
    )
    r = ok(importeer(cli, pad))
    assert r.stderr.startswith("Let op: kolommen uit een export genegeerd: status, uitkomst")
    assert lijst(cli)[0]["status"] == "open"


# -- import: errors -------------------------------------------------------------------------


@pytest.mark.usefixtures("wot")
def test_drie_foute_regels_niets_geimporteerd(cli: Cli, tmp_path: Path) -> None:
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    voor = toestand(cli)
    pad = schrijf(
        tmp_path / "fout.csv",
        [
            "ontvangen;kanaal;omschrijving;wijk",
            "14-03-2023;brief;goed;Oost",
            "15-03-2023;fax;onbekend kanaal;Oost",
            "16-03-2023;brief;goed;Zuid",
            "31-02-2023;brief;datum bestaat niet;Zuid",
            "17-03-2023;brief;goed;",
            "18-03-2023;brief;onbekende wijk;Mars",
            "19-03-2023;telefoon;goed;stadsbreed",
        ],
    )
    stderr = mislukt(importeer(cli, pad), 2, "fout.csv: 3 fout(en); er is niets geïmporteerd.")
    regels = stderr.splitlines()
    assert regels[1:] == [
        "  - regel 3, kanaal: 'fax' is niet toegestaan; kies brief, e-mail, webformulier, telefoon of balie.",
        "  - regel 5, ontvangen: '31-02-2023' bestaat niet als datum.",
        "  - regel 7, wijk: 'Mars' staat niet in het organisatieprofiel; kies Centrum/West, Groenoord, Nieuwland, Noordrand, Oost, Zuid of stadsbreed, of voeg de wijk toe met: kwaliteit organisatie stel-in --wijk-erbij 'Mars'.",
    ]
    assert toestand(cli) == voor


@pytest.mark.usefixtures("wot")
def test_alle_fouten_van_een_regel(cli: Cli, tmp_path: Path) -> None:
    voor = auditaantal(cli)
    pad = schrijf(
        tmp_path / "fout.csv",
        [
            "ontvangen;kanaal;omschrijving;gedraging;categorie;adviescommissie",
            "14-03-2023;fax;;gisteren;klantvriendelijkheid;nee",
            "02-06-2023;brief;toekomst;;;",
            "01-03-2023;brief;gedraging na ontvangst;02-03-2023;;",
            "01-03-2023;brief;x;;;misschien",
        ],
    )
    stderr = mislukt(importeer(cli, pad), 2, "er is niets geïmporteerd")
    for verwacht in (
        "regel 2, kanaal: 'fax'",
        "regel 2, omschrijving is verplicht",
        "regel 2, gedraging: 'gisteren' is geen datum",
        "regel 2, categorie: 'klantvriendelijkheid'",
        "regel 3, ontvangen: 02-06-2023 ligt in de toekomst",
        "regel 4, gedraging: 02-03-2023 ligt na de ontvangst",
        "regel 5, adviescommissie: 'misschien' is geen ja of nee",
    ):
        assert verwacht in stderr, verwacht
    assert lijst(cli) == []
    assert auditaantal(cli) == voor


def test_regelnummers_bij_velden_over_meerdere_regels(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "meerregelig.csv",
        [
            "ontvangen;kanaal;omschrijving",  # 1
            '14-03-2023;brief;"Eerste regel',  # 2
            'tweede regel; met puntkomma"',  # 3
            '15-03-2023;fax;"Ook over',  # 4: a bad row that starts here
            "twee regels",  # 5
            'en drie; echt"',  # 6
            "31-02-2023;brief;na de meerregelige velden",  # 7
            '"16-03-2023";"brief";"""geciteerd"""',  # 8
            "17-03-2023;brief;",  # 9
        ],
    )
    stderr = mislukt(importeer(cli, pad), 2, "3 fout(en)")
    assert "regel 4, kanaal: 'fax'" in stderr
    assert "regel 7, ontvangen: '31-02-2023'" in stderr
    assert "regel 9, omschrijving is verplicht" in stderr
    assert lijst(cli) == []


def test_meerregelig_veld_blijft_heel(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "meerregelig.csv",
        ["ontvangen;kanaal;omschrijving", '14-03-2023;brief;"Eerste regel', 'tweede; regel"'],
    )
    ok(importeer(cli, pad))
    assert toon(cli, "K-2023-0001")["omschrijving"] == "Eerste regel\r\ntweede; regel"


def test_te_veel_velden(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "k.csv", ["ontvangen;kanaal;omschrijving", "14-03-2023;brief;a;b;c"])
    mislukt(importeer(cli, pad), 2, "regel 2: 5 velden, maar de kopregel heeft er 3")
    assert lijst(cli) == []


def test_onbekende_kolom_noemt_de_toegestane(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "k.csv", ["ontvangen;kanaal;omschrijving;Postcode", "14-03-2023;brief;a;1234AB"]
    )
    stderr = mislukt(importeer(cli, pad), 2, "De kopregel van", "er is niets geïmporteerd")
    assert "onbekende kolom(men): postcode" in stderr
    assert f"toegestaan: {TOEGESTAAN}" in stderr
    assert toestand(cli) == ("[]\n", 0)


def test_ontbrekende_verplichte_kolom(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "k.csv", ["ontvangen;kanaal", "14-03-2023;brief"])
    mislukt(importeer(cli, pad), 2, "verplichte kolom(men) ontbreken: omschrijving")
    assert toestand(cli) == ("[]\n", 0)


def test_dubbele_kolom(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "k.csv", ["ontvangen;kanaal;omschrijving;Kanaal", "14-03-2023;brief;a;balie"]
    )
    mislukt(importeer(cli, pad), 2, "dubbele kolom(men): kanaal")


@pytest.mark.parametrize(
    "inhoud", [b"", BOM, b"\r\n\r\n", b"  \n"], ids=["leeg", "alleen-bom", "lege-regels", "spaties"]
)
def test_leeg_bestand(cli: Cli, tmp_path: Path, inhoud: bytes) -> None:
    pad = tmp_path / "leeg.csv"
    pad.write_bytes(inhoud)
    mislukt(importeer(cli, pad), 2, "is leeg", "ontvangen, kanaal, omschrijving")
    assert toestand(cli) == ("[]\n", 0)


def test_alleen_kopregel(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "kop.csv", ["ontvangen;kanaal;omschrijving", ""], bom=True)
    mislukt(importeer(cli, pad), 2, "bevat geen klachten, alleen een kopregel")
    assert toestand(cli) == ("[]\n", 0)


def test_niet_bestaand_bestand(cli: Cli, tmp_path: Path) -> None:
    mislukt(importeer(cli, tmp_path / "weg.csv"), 2, "weg.csv bestaat niet")
    mislukt(importeer(cli, tmp_path), 2, "is een map, geen bestand")
    assert toestand(cli) == ("[]\n", 0)


def test_bom_met_ongeldige_utf8(cli: Cli, tmp_path: Path) -> None:
    pad = tmp_path / "gemengd.csv"
    pad.write_bytes(
        BOM + "ontvangen;kanaal;omschrijving\r\n14-03-2023;brief;Café\r\n".encode("cp1252")
    )
    mislukt(importeer(cli, pad), 2, "UTF-8", "CSV UTF-8")
    assert toestand(cli) == ("[]\n", 0)


def test_veld_te_groot_voor_csv(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "groot.csv",
        ["ontvangen;kanaal;omschrijving", "14-03-2023;brief;" + "x" * 200_000],
    )
    mislukt(importeer(cli, pad), 2, "regel 2", "aanhalingsteken")
    assert toestand(cli) == ("[]\n", 0)


def test_te_lange_omschrijving(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "lang.csv", ["ontvangen;kanaal;omschrijving", "14-03-2023;brief;" + "x" * 20_001]
    )
    mislukt(importeer(cli, pad), 2, "regel 2, omschrijving is 20001 tekens lang; ten hoogste 20000")


# -- import: kenmerken ------------------------------------------------------------------------


def test_kenmerkkolom_die_aansluit(cli: Cli, tmp_path: Path) -> None:
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    pad = schrijf(
        tmp_path / "k.csv",
        [
            "kenmerk;ontvangen;kanaal;omschrijving",
            "K-2023-0002;14-03-2023;brief;a",
            "k-2023-0003;15-03-2023;brief;b",
            ";16-03-2023;brief;c",
            "K-2022-0001;16-12-2022;brief;d",
        ],
    )
    r = ok(importeer(cli, pad))
    assert r.stdout.strip() == "4 klacht(en) geïmporteerd: K-2023-0002 t/m K-2022-0001."
    per_kenmerk = {r["kenmerk"]: r["ontvangen"] for r in lijst(cli)}
    assert per_kenmerk == {
        "K-2022-0001": "2022-12-16",
        "K-2023-0001": "2023-03-01",
        "K-2023-0002": "2023-03-14",
        "K-2023-0003": "2023-03-15",
        "K-2023-0004": "2023-03-16",
    }


@pytest.mark.parametrize(
    ("kenmerk", "melding"),
    [
        (
            "K-2023-0005",
            "'K-2023-0005' past niet; het volgende kenmerk voor ontvangst in 2023 is K-2023-0002",
        ),
        ("K-2023-0001", "'K-2023-0001' past niet"),
        ("K-2022-0002", "'K-2022-0002' past niet"),
        ("onzin", "'onzin' past niet"),
    ],
)
def test_kenmerkkolom_met_gat_wordt_geweigerd(
    cli: Cli, tmp_path: Path, kenmerk: str, melding: str
) -> None:
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    voor = toestand(cli)
    pad = schrijf(
        tmp_path / "k.csv",
        [
            "kenmerk;ontvangen;kanaal;omschrijving",
            f"{kenmerk};14-03-2023;brief;a",
            ";15-03-2023;brief;b",
        ],
    )
    stderr = mislukt(importeer(cli, pad), 2, "1 fout(en); er is niets geïmporteerd", melding)
    assert "regel 2, kenmerk:" in stderr
    assert toestand(cli) == voor


# -- export --------------------------------------------------------------------------------------


@pytest.fixture
def register(cli: Cli) -> Cli:
    registreer(cli, "--ontvangen 14-03-2023 --kanaal e-mail --omschrijving 'Niet teruggebeld' --wijk Groenoord --adviescommissie --klager-naam 'Jan Jansen' --klager-contact jan@example.nl")  # fmt: skip
    registreer(cli, "--ontvangen 16-12-2022 --kanaal telefoon --omschrijving 'Café; geërgerd' --gedraging 01-12-2022 --klager-naam 'Piet Puk' --klager-contact 0612345678")  # fmt: skip
    doe(cli, "klacht sluit K-2022-0001 --uitkomst informeel-opgelost --tevredenheid Gebeld --datum 20-12-2022")  # fmt: skip
    return cli


def test_export_excel_naar_bestand(register: Cli, tmp_path: Path) -> None:
    doel = tmp_path / "export.csv"
    r = ok(register("klacht", "exporteer", "--uit", str(doel), vandaag=VANDAAG))
    assert r.stdout == ""
    assert r.stderr.strip() == f"2 klacht(en) geschreven naar {doel}."
    ruw = doel.read_bytes()
    assert ruw.startswith(BOM)
    tekst = ruw[len(BOM) :].decode("utf-8")
    assert tekst.startswith("kenmerk;ontvangen;kanaal;")
    assert "\r\n" in tekst
    rijen = cellen(tekst, ";")
    assert [r["kenmerk"] for r in rijen] == ["K-2022-0001", "K-2023-0001"]
    oud, nieuw = rijen
    assert oud["ontvangen"] == "16-12-2022"
    assert oud["gedraging"] == "01-12-2022"
    assert oud["omschrijving"] == "Café; geërgerd"
    assert oud["adviescommissie"] == "nee"
    assert oud["binnen_termijn"] == "ja"
    assert oud["uitkomst"] == "informeel-opgelost"
    assert oud["afgehandeld"] == "20-12-2022"
    assert nieuw["adviescommissie"] == "ja"
    assert nieuw["binnen_termijn"] == ""
    assert nieuw["status"] == "open"
    assert nieuw["uiterste_datum"] == "23-05-2023"
    # Written via a temporary file, which is gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_export_csv_naar_bestand(register: Cli, tmp_path: Path) -> None:
    doel = tmp_path / "export.csv"
    doel.write_text("oude inhoud")
    ok(register("klacht", "exporteer", "--uit", str(doel), "--formaat", "csv", vandaag=VANDAAG))
    ruw = doel.read_bytes()
    assert not ruw.startswith(BOM)
    tekst = ruw.decode("utf-8")
    assert tekst.startswith("kenmerk,ontvangen,kanaal,")
    oud, nieuw = cellen(tekst, ",")
    assert oud["ontvangen"] == "2022-12-16"
    assert oud["afgehandeld"] == "2022-12-20"
    assert oud["omschrijving"] == "Café; geërgerd"
    assert oud["binnen_termijn"] == "ja"
    assert nieuw["adviescommissie"] == "ja"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_export_naar_scherm(register: Cli) -> None:
    r = ok(register("klacht", "exporteer", vandaag=VANDAAG))
    assert r.stderr == ""
    assert r.stdout.startswith("kenmerk;ontvangen;kanaal;")
    rijen = cellen(r.stdout, ";")
    assert [r["ontvangen"] for r in rijen] == ["16-12-2022", "14-03-2023"]
    r = ok(register("klacht", "exporteer", "--formaat", "csv", "--jaar", "2023", vandaag=VANDAAG))
    rijen = cellen(r.stdout, ",")
    assert [(r["kenmerk"], r["ontvangen"]) for r in rijen] == [("K-2023-0001", "2023-03-14")]


def test_export_leeg_register(cli: Cli) -> None:
    r = ok(cli("klacht", "exporteer"))
    assert r.stdout.count("\n") == 1
    assert r.stdout.startswith("kenmerk;")


@pytest.mark.parametrize("formaat", ["excel", "csv"])
def test_export_bevat_geen_klagergegevens(register: Cli, tmp_path: Path, formaat: str) -> None:
    doel = tmp_path / "export.csv"
    ok(register("klacht", "exporteer", "--formaat", formaat, "--uit", str(doel)))
    scherm = ok(register("klacht", "exporteer", "--formaat", formaat)).stdout
    for tekst in (doel.read_bytes().decode("utf-8-sig"), scherm):
        for persoonsgegeven in ("Jan Jansen", "jan@example.nl", "Piet Puk", "0612345678"):
            assert persoonsgegeven not in tekst
        assert "klager_naam" not in tekst
        assert "klager_contact" not in tekst


def test_export_fouten(register: Cli, tmp_path: Path) -> None:
    weg = tmp_path / "bestaat-niet" / "export.csv"
    mislukt(
        register("klacht", "exporteer", "--uit", str(weg)), 2, f"De map {weg.parent} bestaat niet"
    )
    assert not weg.parent.exists()
    mislukt(register("klacht", "exporteer", "--uit", str(tmp_path)), 2, "is een map")
    doel = tmp_path / "x.csv"
    mislukt(
        register("klacht", "exporteer", "--uit", str(doel), "--formaat", "xlsx"),
        2,
        "formaat: 'xlsx'",
        "excel of csv",
    )
    assert list(tmp_path.iterdir()) == []


# -- round trip and formula injection -------------------------------------------------------------

FORMULES = ["=SOM(A1:A9)", "+31 6 12345678", "-1 ster", "@gebruiker", "'=al beschermd"]


@pytest.fixture
def gevarieerd(cli: Cli) -> Cli:
    registreer(
        cli,
        "--ontvangen 14-03-2023 --kanaal brief --gedraging 01-03-2023 --wijk Centrum/West "
        "--team 'Team Zuid' --aanbieder 'Stichting Ééngezind' --beklaagde 'René Öztürk' "
        "--beklaagde-soort medewerker --categorie bejegening --regime wmo2015 --adviescommissie "
        "--klager-naam 'Jan Jansen'",
        "--omschrijving",
        'Regel een\nregel twee; met "aanhalingstekens"',
    )
    registreer(cli, "--ontvangen 20-12-2022 --kanaal balie --omschrijving Oud --gedraging 01-06-2021")  # fmt: skip
    for i, formule in enumerate(FORMULES, start=1):
        # Passed as separate arguments: a shell would not split these.
        registreer(cli, f"--ontvangen {i:02d}-04-2023 --kanaal webformulier", "--omschrijving", formule, "--beklaagde", formule, "--team", "=1+1")  # fmt: skip
    doe(cli, "klacht sluit K-2023-0002 --uitkomst ingetrokken --wijze mail --datum 02-04-2023")
    return cli


def registraties(cli: Cli) -> list[dict[str, Any]]:
    return [
        {veld: d[veld] for veld in REGISTRATIEVELDEN}
        for d in (toon(cli, r["kenmerk"]) for r in lijst(cli))
    ]


@pytest.mark.parametrize("formaat", ["excel", "csv"])
def test_rondreis_export_import(gevarieerd: Cli, tweede: Cli, tmp_path: Path, formaat: str) -> None:
    doel = tmp_path / f"rondreis-{formaat}.csv"
    ok(gevarieerd("klacht", "exporteer", "--formaat", formaat, "--uit", str(doel)))
    r = ok(importeer(tweede, doel))
    assert f"{2 + len(FORMULES)} klacht(en) geïmporteerd" in r.stdout
    assert "kolommen uit een export genegeerd" in r.stderr
    verwacht = registraties(gevarieerd)
    assert len(verwacht) == 2 + len(FORMULES)
    assert registraties(tweede) == verwacht
    # The state of the procedure is not imported: every complaint starts open.
    assert {r["status"] for r in lijst(tweede)} == {"open"}


def test_rondreis_in_dezelfde_database_wordt_geweigerd(gevarieerd: Cli, tmp_path: Path) -> None:
    doel = tmp_path / "export.csv"
    ok(gevarieerd("klacht", "exporteer", "--uit", str(doel)))
    voor = toestand(gevarieerd)
    stderr = mislukt(importeer(gevarieerd, doel), 2, "er is niets geïmporteerd")
    assert "het volgende kenmerk voor ontvangst in 2023 is K-2023-0007" in stderr
    assert toestand(gevarieerd) == voor


def test_formule_injectie(gevarieerd: Cli) -> None:
    excel = ok(gevarieerd("klacht", "exporteer", "--jaar", "2023")).stdout
    rijen = {r["kenmerk"]: r for r in cellen(excel, ";")}
    for i, formule in enumerate(FORMULES, start=2):
        rij = rijen[f"K-2023-{i:04d}"]
        assert rij["omschrijving"] == "'" + formule, formule
        assert rij["beklaagde"] == "'" + formule, formule
        assert rij["team"] == "'=1+1"
    # No cell of the excel export starts with a formula character.
    for rij in rijen.values():
        for waarde in rij.values():
            assert not waarde.startswith(("=", "+", "-", "@", "\t", "\r")), waarde

    # Plain CSV is not meant for spreadsheets: values as they are.
    platte = {
        r["kenmerk"]: r
        for r in cellen(ok(gevarieerd("klacht", "exporteer", "--formaat", "csv")).stdout, ",")
    }
    assert platte["K-2023-0002"]["omschrijving"] == "=SOM(A1:A9)"

    # Read back by an import, the protection is gone again: see test_rondreis_export_import.


def test_formule_uit_excel_wordt_als_tekst_gelezen(cli: Cli, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "k.csv",
        [
            "ontvangen;kanaal;omschrijving;beklaagde",
            "14-03-2023;brief;'=SOM(A1);'+31 6",
            "15-03-2023;brief;=1+1;'gewoon",
        ],
    )
    ok(importeer(cli, pad))
    eerste = toon(cli, "K-2023-0001")
    assert eerste["omschrijving"] == "=SOM(A1)"
    assert eerste["beklaagde"] == "+31 6"
    tweede = toon(cli, "K-2023-0002")
    assert tweede["omschrijving"] == "=1+1"
    assert tweede["beklaagde"] == "'gewoon"  # an apostrophe before plain text stays


# -- import: large files, written block by block -------------------------------------------------
# ``uitwisseling.BLOK`` is made small so that a few rows span several blocks: what a user relies
# on (all or nothing, gap-free kenmerken, each klager with its own complaint, an intact audit
# chain, the same audit events as a registration) must not depend on where a block ends. On
# PostgreSQL the rows go in with COPY and ids taken from the sequence; later registrations must
# still fit.

BLOKKOP = "ontvangen;kanaal;omschrijving;gedraging;wijk;adviescommissie;klager_naam;klager_contact"


@pytest.fixture
def blokken_van_drie(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large file is written block by block; here blocks of 3 rows."""
    monkeypatch.setattr(uitwisseling, "BLOK", 3)


def _blokregels(aantal: int) -> list[str]:
    """``aantal`` complaints from March 2023; every third without klager."""
    regels = [BLOKKOP]
    for i in range(1, aantal + 1):
        klager = ";;" if i % 3 == 0 else f";Klager {i};klager{i}@example.nl"
        commissie = "ja" if i % 4 == 0 else "nee"
        regels.append(f"{i:02d}-03-2023;brief;Klacht {i};01-02-2023;Groenoord;{commissie}{klager}")
    return regels


def _schrijf_tekst(pad: Path, regels: list[str]) -> Path:
    pad.write_text("\r\n".join(regels) + "\r\n", encoding="utf-8")
    return pad


def _rijen(url: str, sql: str) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return list(c.execute(text(sql)))
    finally:
        engine.dispose()


def test_fout_in_een_laat_blok_schrijft_niets(
    cli: Cli, blokken_van_drie: None, tmp_path: Path
) -> None:
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    voor = (lijst(cli), auditaantal(cli))
    regels = _blokregels(10)
    regels[9] = "09-03-2023;duif;Klacht 9;;;nee;;"  # line 10, in the fourth block
    stderr = mislukt(
        importeer(cli, _schrijf_tekst(tmp_path / "k.csv", regels)),
        2,
        "1 fout(en); er is niets geïmporteerd",
        "regel 10, kanaal: 'duif' is niet toegestaan",
    )
    assert "regel 2" not in stderr
    assert (lijst(cli), auditaantal(cli)) == voor


def test_blokken_geven_kenmerken_klagers_en_auditspoor(
    cli: Cli, blokken_van_drie: None, database_url: str, tmp_path: Path
) -> None:
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    r = ok(importeer(cli, _schrijf_tekst(tmp_path / "k.csv", _blokregels(10))))
    assert r.stdout.strip() == "10 klacht(en) geïmporteerd: K-2023-0002 t/m K-2023-0011."

    # Gap-free kenmerken in the order of the file, each with its own data and klager.
    per_kenmerk = {k["kenmerk"]: k for k in lijst(cli)}
    assert sorted(per_kenmerk) == [f"K-2023-{n:04d}" for n in range(1, 12)]
    for i in range(1, 11):
        d = toon(cli, f"K-2023-{i + 1:04d}", "--met-klager")
        assert d["omschrijving"] == f"Klacht {i}"
        if i % 3 == 0:
            assert d["klager"] is None
        else:
            assert d["klager"]["naam"] == f"Klager {i}"
            assert d["klager"]["contact"] == f"klager{i}@example.nl"

    # One registration event per complaint, in order, then the import; chain intact.
    assert auditaantal(cli) == 1 + 10 + 1
    gebeurtenissen = _rijen(
        database_url,
        "SELECT volgnummer, sleutel, actie, na FROM audit_gebeurtenis ORDER BY volgnummer",
    )
    assert [(g[0], g[1], g[2]) for g in gebeurtenissen] == [
        (1, "K-2023-0001", "registreer"),
        *[(i, f"K-2023-{i:04d}", "registreer") for i in range(2, 12)],
        (12, "k.csv", "importeer"),
    ]
    na = [json.loads(g[3]) for g in gebeurtenissen[1:-1]]
    assert [n["klager_vastgelegd"] for n in na] == [i % 3 != 0 for i in range(1, 11)]
    assert {n["via"] for n in na} == {"import"}
    assert all("Klager" not in g[3] for g in gebeurtenissen)


def test_import_legt_hetzelfde_vast_als_registreren(
    cli: Cli, blokken_van_drie: None, database_url: str, tmp_path: Path
) -> None:
    registreer(
        cli,
        "--ontvangen 04-03-2023 --kanaal brief --omschrijving 'Klacht 4' --gedraging 01-02-2023 "
        "--wijk Groenoord --adviescommissie --klager-naam 'Klager 4' "
        "--klager-contact klager4@example.nl",
    )
    ok(importeer(cli, _schrijf_tekst(tmp_path / "k.csv", _blokregels(4))))
    na = {
        g[0]: json.loads(g[1])
        for g in _rijen(
            database_url,
            "SELECT sleutel, na FROM audit_gebeurtenis WHERE actie = 'registreer'",
        )
    }
    geregistreerd, geimporteerd = na["K-2023-0001"], na["K-2023-0005"]
    assert geimporteerd.pop("via") == "import"
    assert {**geimporteerd, "kenmerk": "K-2023-0001"} == geregistreerd
    kolommen = (
        "ontvangen, kanaal, gedraging, omschrijving, wijk, regime, categorie, adviescommissie, "
        "status, uiterste_datum, behandelaar, uitkomst"
    )
    rijen = _rijen(
        database_url, f"SELECT {kolommen} FROM klacht WHERE jaar = 2023 AND volgnummer IN (1, 5)"
    )
    assert len(rijen) == 2
    assert rijen[0] == rijen[1]


def test_registreren_na_een_import_sluit_aan(
    cli: Cli, blokken_van_drie: None, tmp_path: Path
) -> None:
    ok(importeer(cli, _schrijf_tekst(tmp_path / "k.csv", _blokregels(7))))
    assert registreer(cli, "--ontvangen 20-03-2023 --kanaal balie --omschrijving later").startswith(
        "K-2023-0008"
    )
    ok(importeer(cli, _schrijf_tekst(tmp_path / "k2.csv", _blokregels(2))))
    assert sorted(k["kenmerk"] for k in lijst(cli)) == [f"K-2023-{n:04d}" for n in range(1, 11)]
    assert auditaantal(cli) == 7 + 1 + 1 + 2 + 1


@pytest.mark.postgres
def test_fout_bij_schrijven_van_een_laat_blok_laat_niets_achter(
    cli: Cli, blokken_van_drie: None, database_url: str, tmp_path: Path
) -> None:
    """A row the database refuses in a late block (COPY) rolls back the earlier blocks."""
    registreer(cli, "--ontvangen 01-03-2023 --kanaal balie --omschrijving bestaand")
    engine = create_engine(database_url)
    with engine.begin() as c:
        # A complaint that took an id the sequence will hand out to the fourth block.
        volgende = c.execute(text("SELECT last_value FROM klacht_id_seq")).scalar_one() + 10
        c.execute(
            text(
                "INSERT INTO klacht (id, kenmerk, jaar, volgnummer, geregistreerd, ontvangen, "
                "kanaal, omschrijving, regime, categorie, adviescommissie, termijn_weken, status, "
                "uiterste_datum) VALUES (:id, 'K-2022-0001', 2022, 1, now(), '2022-12-01', "
                "'brief', 'x', 'awb', 'overig', false, 6, 'open', '2023-01-12')"
            ),
            {"id": volgende},
        )
    engine.dispose()
    voor = (lijst(cli), auditaantal(cli))
    mislukt(
        importeer(cli, _schrijf_tekst(tmp_path / "k.csv", _blokregels(12))),
        1,
        "De database weigerde de wijziging",
        "er is niets opgeslagen",
    )
    assert (lijst(cli), auditaantal(cli)) == voor


# -- progress ------------------------------------------------------------------------------------
# The services report progress through a callback ``voortgang(gedaan, totaal)``; the CLI hands
# them one from kwaliteit.cli.voortgang, which draws a bar on stderr only when that is a terminal.

Werk = Callable[..., AbstractContextManager[Werkeenheid]]


def test_import_meldt_de_voortgang_per_blok(
    werk: Werk, blokken_van_drie: None, tmp_path: Path
) -> None:
    meldingen: list[tuple[int, int | None]] = []

    def voortgang(gedaan: int, totaal: int | None) -> None:
        meldingen.append((gedaan, totaal))

    pad = _schrijf_tekst(tmp_path / "k.csv", _blokregels(10))
    with werk(schrijven=True, op=date(2023, 6, 1)) as w:
        resultaat = uitwisseling.importeer(w, pad, voortgang=voortgang)
        # Reported while the import ran, block by block (3 rows), not afterwards.
        assert meldingen == [(0, 10), (3, 10), (6, 10), (9, 10), (10, 10)]
    assert resultaat.kenmerken == [f"K-2023-{n:04d}" for n in range(1, 11)]

    # A file with a bad row writes nothing, so there is no progress to report.
    meldingen.clear()
    regels = _blokregels(4)
    regels[4] = "04-03-2023;duif;Klacht 4;;;nee;;"
    with pytest.raises(OngeldigeKlacht), werk(schrijven=True, op=date(2023, 6, 1)) as w:
        uitwisseling.importeer(
            w, _schrijf_tekst(tmp_path / "fout.csv", regels), voortgang=voortgang
        )
    assert meldingen == []


def test_export_meldt_de_voortgang_per_stuk(
    werk: Werk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(uitwisseling, "STUK", 2)
    with werk(schrijven=True, op=date(2023, 6, 1)) as w:
        uitwisseling.importeer(w, _schrijf_tekst(tmp_path / "k.csv", _blokregels(5)))
    meldingen: list[tuple[int, int | None]] = []

    def voortgang(gedaan: int, totaal: int | None) -> None:
        meldingen.append((gedaan, totaal))

    doel = tmp_path / "uit.csv"
    with werk(schrijven=False, op=date(2023, 6, 1)) as w:
        aantal = uitwisseling.exporteer(w, jaar=None, uit=doel, formaat="csv", voortgang=voortgang)
    assert aantal == 5
    assert meldingen == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert len(cellen(doel.read_text(encoding="utf-8"), ",")) == 5

    meldingen.clear()
    with werk(schrijven=False, op=date(2023, 6, 1)) as w:
        uitwisseling.exporteer(w, jaar=2022, uit=doel, formaat="csv", voortgang=voortgang)
    assert meldingen == [(0, 0)]


def test_zonder_terminal_schrijven_import_en_export_niets_extra_op_stderr(
    cli: Cli, blokken_van_drie: None, tmp_path: Path
) -> None:
    # The test runner's stderr is no terminal, as with a pipe, a file or CI.
    r = ok(importeer(cli, _schrijf_tekst(tmp_path / "k.csv", _blokregels(10))))
    assert r.stdout == "10 klacht(en) geïmporteerd: K-2023-0001 t/m K-2023-0010.\n"
    assert r.stderr == ""
    r = ok(cli("klacht", "exporteer", vandaag=VANDAAG))
    assert len(cellen(r.stdout, ";")) == 10
    assert r.stderr == ""
    doel = tmp_path / "uit.csv"
    r = ok(cli("klacht", "exporteer", "--uit", str(doel), vandaag=VANDAAG))
    assert r.stdout == ""
    assert r.stderr == f"10 klacht(en) geschreven naar {doel}.\n"


def _met_terminal_als_stderr(args: list[str], stdout: Path) -> tuple[int, str]:
    """Run ``kwaliteit ARGS`` with stdout to a file and stderr on a pseudo-terminal."""
    import os
    import select
    import subprocess
    import sys
    import time

    pty = pytest.importorskip("pty")
    hoofd, kant = pty.openpty()
    omgeving = {**os.environ, "KWALITEIT_VANDAAG": VANDAAG, "COLUMNS": "100"}
    omgeving.pop("KWALITEIT_GEEN_VOORTGANG", None)
    with stdout.open("wb") as uit:
        p = subprocess.Popen(
            [sys.executable, "-m", "kwaliteit", *args],
            stdin=subprocess.DEVNULL,
            stdout=uit,
            stderr=kant,
            env=omgeving,
        )
    os.close(kant)
    gelezen = b""
    einde = time.monotonic() + 60
    try:
        while time.monotonic() < einde:
            if not select.select([hoofd], [], [], 0.5)[0]:
                continue
            try:
                stuk = os.read(hoofd, 65536)
            except OSError:  # Linux: EIO once the child has closed the terminal
                break
            if not stuk:
                break
            gelezen += stuk
        else:
            p.kill()
            pytest.fail(f"kwaliteit {' '.join(args)} hangt")
    finally:
        os.close(hoofd)
    return p.wait(timeout=60), gelezen.decode("utf-8", errors="replace")


def test_op_een_terminal_een_voortgangsbalk_en_stdout_blijft_schoon(
    database_url: str, tmp_path: Path
) -> None:
    csv_pad = _schrijf_tekst(tmp_path / "k.csv", _blokregels(12))
    code, terminal = _met_terminal_als_stderr(
        ["--database", database_url, "klacht", "importeer", str(csv_pad)], tmp_path / "import.out"
    )
    assert code == 0, terminal
    assert "Klachten importeren" in terminal
    assert "12/12" in terminal
    assert (tmp_path / "import.out").read_text(encoding="utf-8") == (
        "12 klacht(en) geïmporteerd: K-2023-0001 t/m K-2023-0012.\n"
    )

    # An export to stdout while the bar is drawn on stderr: the rows stay on stdout.
    code, terminal = _met_terminal_als_stderr(
        ["--database", database_url, "klacht", "exporteer", "--formaat", "csv"],
        tmp_path / "export.out",
    )
    assert code == 0, terminal
    assert "Klachten exporteren" in terminal
    assert "K-2023-" not in terminal
    rijen = cellen((tmp_path / "export.out").read_text(encoding="utf-8"), ",")
    assert [r["kenmerk"] for r in rijen] == [f"K-2023-{n:04d}" for n in range(1, 13)]
