"""Every organisation: its own profile, without a code change (issue 12).

A made-up second organisation (a welzijnsorganisatie in another town, its own wijken,
categories and a klachtenregeling of four weeks) registers, closes and reports
complaints and builds a dossier; a value added to the profile works everywhere; a value
removed stays on the complaints that have it; a new organisation starts without one.
Runs on SQLite and PostgreSQL (KWALITEIT_TEST_DATABASE).
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import Result

from kwaliteit.audit import controleer_keten
from kwaliteit.db import Database
from kwaliteit.eenheid import werkeenheid
from kwaliteit.profielversies import versies

OOSTLAND = """\
formaat: kwaliteit-organisatie/1
naam: Stichting Welzijn Oostland
rechtsvorm: stichting
gemeente: Oostland
adres:
  - Stichting Welzijn Oostland
  - Havenweg 12
  - 9999 ZZ Oostland
ondertekenaar: "P. Jansen, directeur"
wijken: [Binnenstad, Haven, Oude Dorp]
teams: [Team Jeugd, Team Volwassenen]
aanbieders: [Welzijn Oostland, Thuiszorg Oost]
categorieen: [wachttijd, communicatie, privacy]
standaard_categorie: communicatie
klachtenregeling:
  naam: Klachtenregeling Welzijn Oostland 2023
  afhandeltermijn_weken: 4
  klachtadviescommissie: false
  standaard_regime: wmo2015
  doorzendtermijn_werkdagen: 3
dossier:
  organisatienaam: Welzijn Oostland
  drempel: 3
"""


def uit(r: Result) -> str:
    assert r.exit_code == 0, r.stdout + r.stderr
    return r.stdout


def importeer_oostland(cli: Any, tmp_path: Path) -> None:
    bestand = tmp_path / "oostland.yaml"
    bestand.write_text(OOSTLAND, encoding="utf-8")
    assert "versie 1 vastgesteld" in uit(cli("organisatie", "importeer", str(bestand)))


def registreer(cli: Any, *extra: str, ontvangen: str = "06-03-2023") -> str:
    r = cli(
        "klacht",
        "registreer",
        "--ontvangen",
        ontvangen,
        "--kanaal",
        "brief",
        "--omschrijving",
        "Lang gewacht op een gesprek",
        *extra,
        vandaag="2023-12-31",
    )
    return uit(r).strip().splitlines()[-1]


def als_json(cli: Any, *args: str) -> Any:
    return json.loads(uit(cli(*args, "--json", vandaag="2024-01-15")))


def test_een_tweede_organisatie_werkt_zonder_codewijziging(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)

    kenmerk = registreer(
        cli, "--wijk", "haven", "--team", "team jeugd", "--aanbieder", "Thuiszorg oost"
    )
    k = als_json(cli, "klacht", "toon", kenmerk)
    # Stored in the profile's spelling; the profile's default regime and category.
    assert (k["wijk"], k["team"], k["aanbieder"]) == ("Haven", "Team Jeugd", "Thuiszorg Oost")
    assert k["regime"] == "wmo2015"
    assert k["categorie"] == "communicatie"
    # The own klachtenregeling: four weeks, not the Awb's six (06-03-2023 + 4 weeks).
    assert k["termijnen"]["afhandeling"] == "2023-04-03"

    # Schiedam's words are not this organisation's.
    r = cli("klacht", "registreer", "--ontvangen", "06-03-2023", "--kanaal", "brief",
            "--omschrijving", "x", "--wijk", "Groenoord", "--categorie", "bejegening",
            vandaag="2023-12-31")  # fmt: skip
    assert r.exit_code == 2
    assert "wijk: 'Groenoord' staat niet in het organisatieprofiel; kies Binnenstad, Haven" in (
        r.stderr
    )
    assert "categorie: 'bejegening' staat niet in het organisatieprofiel" in r.stderr
    assert "kwaliteit organisatie stel-in --wijk-erbij 'Groenoord'" in r.stderr

    for stap in (
        ("bevestig", kenmerk, "--datum", "07-03-2023"),
        ("afschrift", kenmerk, "--datum", "07-03-2023"),
        ("hoor", kenmerk, "--datum", "14-03-2023", "--verslag", "Gesprek met klager"),
        ("wijs-toe", kenmerk, "--behandelaar", "coördinator kwaliteit"),
        ("sluit", kenmerk, "--uitkomst", "gegrond", "--bevindingen", "Te lang gewacht",
         "--conclusies", "Planning aangepast", "--datum", "30-03-2023"),
    ):  # fmt: skip
        uit(cli("klacht", *stap, vandaag="2023-12-31"))
    assert als_json(cli, "klacht", "toon", kenmerk)["afhandeling"]["binnen_termijn"] is True

    overzicht = als_json(cli, "klacht", "overzicht", "--jaar", "2023")
    assert overzicht["per_wijk"] == {"Binnenstad": 0, "Haven": 1, "Oude Dorp": 0}
    assert overzicht["per_categorie"] == {"wachttijd": 0, "communicatie": 1, "privacy": 0}

    uit(cli("normen", "importeer", "awb-h9"))
    doel = tmp_path / "dossier"
    uit(cli("dossier", "--kader", "awb-h9", "--periode", "2023", "--formaat", "html",
            "--uit", str(doel), vandaag="2024-01-15"))  # fmt: skip
    html = (doel / "html" / "index.html").read_text(encoding="utf-8")
    assert "Welzijn Oostland" in html
    assert "Schiedam" not in html
    manifest = json.loads((doel / "html" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["dossier"]["organisatie"] == "Welzijn Oostland"


def test_een_waarde_toevoegen_werkt_overal(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    r = cli("klacht", "registreer", "--ontvangen", "06-03-2023", "--kanaal", "brief",
            "--omschrijving", "x", "--wijk", "Nieuwe Haven", vandaag="2023-12-31")  # fmt: skip
    assert r.exit_code == 2
    assert "versie 2 vastgesteld" in uit(
        cli("organisatie", "stel-in", "--wijk-erbij", "Nieuwe Haven")
    )

    eerste = registreer(cli, "--wijk", "nieuwe haven")
    # The CSV import knows the new value too (and any case of it).
    bestand = tmp_path / "import.csv"
    bestand.write_text(
        "ontvangen,kanaal,omschrijving,wijk\n2023-05-02,e-mail,Niet teruggebeld,NIEUWE HAVEN\n",
        encoding="utf-8",
    )
    assert "1 klacht(en) geïmporteerd" in uit(
        cli("klacht", "importeer", str(bestand), vandaag="2023-12-31")
    )

    export = tmp_path / "export.csv"
    uit(cli("klacht", "exporteer", "--formaat", "csv", "--uit", str(export), vandaag="2024-01-15"))
    with export.open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert [r["wijk"] for r in rijen] == ["Nieuwe Haven", "Nieuwe Haven"]
    assert rijen[0]["kenmerk"] == eerste

    overzicht = als_json(cli, "klacht", "overzicht", "--jaar", "2023")
    assert overzicht["per_wijk"] == {"Binnenstad": 0, "Haven": 0, "Oude Dorp": 0, "Nieuwe Haven": 2}

    uit(cli("normen", "importeer", "awb-h9"))
    doel = tmp_path / "dossier"
    uit(cli("dossier", "--kader", "awb-h9", "--periode", "2023", "--formaat", "html",
            "--drempel", "0", "--uit", str(doel), vandaag="2024-01-15"))  # fmt: skip
    manifest = json.loads((doel / "html" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["gegevens"]["klachten"]["per_wijk"]["Nieuwe Haven"] == 2


def test_een_weggehaalde_waarde_blijft_bij_de_oude_klachten(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    kenmerk = registreer(cli, "--wijk", "Haven")
    uit(cli("organisatie", "stel-in", "--wijk-eraf", "haven"))

    # The old complaint keeps it, and can still be corrected in other fields.
    uit(cli("klacht", "wijzig", kenmerk, "--gedraging", "01-03-2023", vandaag="2023-12-31"))
    assert als_json(cli, "klacht", "toon", kenmerk)["wijk"] == "Haven"
    overzicht = als_json(cli, "klacht", "overzicht", "--jaar", "2023")
    assert overzicht["per_wijk"] == {"Binnenstad": 0, "Oude Dorp": 0, "Haven": 1}

    # A new complaint can't get it any more.
    r = cli("klacht", "registreer", "--ontvangen", "06-03-2023", "--kanaal", "brief",
            "--omschrijving", "x", "--wijk", "Haven", vandaag="2023-12-31")  # fmt: skip
    assert r.exit_code == 2
    assert "'Haven' staat niet in het organisatieprofiel; kies Binnenstad of Oude Dorp" in r.stderr

    # A value that is not in the list is not silently "removed".
    r = cli("organisatie", "stel-in", "--wijk-eraf", "Kralingen")
    assert r.exit_code == 2
    assert "wijk 'Kralingen' staat niet in het profiel; er is niets verwijderd" in r.stderr


def test_een_nieuwe_organisatie_begint_leeg(cli: Any, database_url: str) -> None:
    r = cli("organisatie", "toon")
    assert "Er is nog geen organisatieprofiel" in uit(r)
    # Without lists the fields are free text; the law's six weeks apply.
    kenmerk = registreer(cli, "--wijk", "  Kralingen  West ", "--categorie", "bejegening")
    k = als_json(cli, "klacht", "toon", kenmerk)
    assert (k["wijk"], k["categorie"], k["regime"]) == ("Kralingen West", "bejegening", "awb")
    assert k["termijnen"]["afhandeling"] == "2023-04-17"
    # Starting the profile by hand.
    assert "versie 1 vastgesteld" in uit(
        cli("organisatie", "stel-in", "--naam", "Buurtwerk Noord", "--wijk-erbij", "Kralingen West")
    )
    profiel = als_json(cli, "organisatie", "toon")
    assert profiel["versie"] == 1
    assert profiel["profiel"]["naam"] == "Buurtwerk Noord"
    assert profiel["profiel"]["wijken"] == ["Kralingen West"]
    # Setting the same again makes no new version.
    assert "ongewijzigd (versie 1)" in uit(
        cli("organisatie", "stel-in", "--naam", "Buurtwerk Noord")
    )


def test_elke_versie_staat_in_het_auditspoor(cli: Any, database_url: str, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    uit(cli("organisatie", "stel-in", "--categorie-erbij", "bereikbaarheid",
            "--klachtenregeling-afhandeltermijn-weken", "wet"))  # fmt: skip
    with Database(database_url) as db, werkeenheid(db, schrijven=False) as w:
        gevonden = versies(w)
        assert [v.versie for v in gevonden] == [1, 2]
        assert gevonden[0].profiel.klachtenregeling.afhandeltermijn_weken == 4
        assert gevonden[1].profiel.klachtenregeling.afhandeltermijn_weken is None
        assert gevonden[1].profiel.categorieen[-1] == "bereikbaarheid"
        rapport = controleer_keten(w.sessie)
        assert rapport.in_orde
        assert rapport.aantal == 2
    # A complaint registered under the first version keeps its four-week term.


def test_de_termijn_blijft_van_de_regeling_bij_ontvangst(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    kenmerk = registreer(cli)
    uit(cli("organisatie", "stel-in", "--klachtenregeling-afhandeltermijn-weken", "wet"))
    # A verdaging recomputes from the complaint's own base term (4), not today's (6).
    uit(cli("klacht", "verdaag", kenmerk, "--weken", "2", "--reden", "Extra gesprek nodig",
            "--datum", "20-03-2023", vandaag="2023-03-20"))  # fmt: skip
    k = als_json(cli, "klacht", "toon", kenmerk)
    assert k["termijnen"]["afhandeling"] == "2023-04-17"
    assert registreer(cli, ontvangen="13-03-2023") == "K-2023-0002"
    assert als_json(cli, "klacht", "toon", "K-2023-0002")["termijnen"]["afhandeling"] == (
        date(2023, 4, 24).isoformat()
    )


def test_export_en_import_van_het_profiel(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    bestand = tmp_path / "terug.yaml"
    assert "geschreven naar" in uit(cli("organisatie", "exporteer", "--uit", str(bestand)))
    tekst = bestand.read_text(encoding="utf-8")
    assert "# De wijken of locaties." in tekst
    # Reading it back changes nothing.
    assert "ongewijzigd (versie 1)" in uit(cli("organisatie", "importeer", str(bestand)))
    fout = tmp_path / "fout.yaml"
    fout.write_text(tekst.replace("afhandeltermijn_weken: 4", "afhandeltermijn_weken: 8"), "utf-8")
    r = cli("organisatie", "importeer", str(fout))
    assert r.exit_code == 2
    regel = next(i for i, t in enumerate(tekst.splitlines(), 1) if "afhandeltermijn_weken" in t)
    assert f"{fout}:{regel}: klachtenregeling.afhandeltermijn_weken: 8 weken" in r.stderr
    assert "versie 1" in uit(cli("organisatie", "toon"))


def test_de_bewaarkeuze_van_het_profiel_geldt_bij_het_sluiten(cli: Any, tmp_path: Path) -> None:
    importeer_oostland(cli, tmp_path)
    uit(cli("organisatie", "stel-in", "--bewaartermijnen-doorgestuurd", "7"))
    kenmerk = registreer(cli)
    uit(cli("klacht", "sluit", kenmerk, "--uitkomst", "doorgestuurd", "--naar", "Zorgkantoor",
            "--naar-soort", "zorgaanbieder", "--klager-geinformeerd", "08-03-2023",
            "--datum", "08-03-2023", vandaag="2023-12-31"))  # fmt: skip
    assert als_json(cli, "klacht", "toon", kenmerk)["termijnen"]["bewaren_tot"] == "2030-03-08"
    # What the Selectielijst fixes is not the profile's to change.
    r = cli("organisatie", "stel-in", "--bewaartermijnen-doorgestuurd", "0")
    assert r.exit_code == 2
    assert "bewaartermijnen.doorgestuurd: moet 1 tot en met 20 jaar zijn (niet 0)" in r.stderr
